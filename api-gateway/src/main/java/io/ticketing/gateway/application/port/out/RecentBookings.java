package io.ticketing.gateway.application.port.out;

import java.util.Optional;
import java.util.UUID;

/**
 * The bookings this gateway replica sent lately, by ticket id, with the hash of their request: a key used again
 * before ticket-service has stored its first booking is checked against them, since the lookup cannot tell yet.
 */
public interface RecentBookings {

    /**
     * Remembers {@code requestHash} as the first request for {@code ticketId} unless one is remembered already, in
     * one step; returns the one remembered before, if any.
     */
    Optional<String> rememberFirst(UUID ticketId, String requestHash);

    /** The broker stored the remembered {@code requestHash} as new: this replica sent the key's first booking. */
    void stored(UUID ticketId, String requestHash);

    /** Whether this replica sent the key's first booking, with {@code requestHash}, and the broker stored it. */
    boolean storedFirst(UUID ticketId, String requestHash);

    /**
     * Forgets the first request for {@code ticketId} if it is {@code requestHash} and not known to be stored: it never
     * reached the stream, or the stream held another replica's first.
     */
    void forget(UUID ticketId, String requestHash);
}
