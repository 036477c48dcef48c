package io.ticketing.platform.messaging;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered UUIDv7 (RFC 9562): sortable ids for events, commands and rows. Within this process they also
 * increase strictly (the 12 bits after the millisecond count within it, RFC 9562's "dedicated counter"), so rows
 * written one after the other - the events of one transaction - sort in the order they were written.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int COUNTER_BITS = 12;
    /** The last (millisecond << 12 | counter) handed out: a full counter carries into the next millisecond. */
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {
    }

    public static UUID newId() {
        long stamp = LAST.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() << COUNTER_BITS));
        long millis = stamp >>> COUNTER_BITS;
        long counter = stamp & ((1L << COUNTER_BITS) - 1);
        long msb = (millis << 16) | (0x7L << 12) | counter;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
