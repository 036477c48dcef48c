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

    /** Forgets the first request for {@code ticketId} if it is {@code requestHash}: it never reached the stream. */
    void forget(UUID ticketId, String requestHash);
}
