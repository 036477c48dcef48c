package io.ticketing.gateway.adapter.out.memory;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ticketing.gateway.application.port.out.RecentBookings;

/**
 * Bounded and short-lived: past JetStream's duplicate window ticket-service has stored the first booking (or the
 * gateway's lookup will say why not), so the lookup answers for older keys.
 */
public class InMemoryRecentBookings implements RecentBookings {

    private static final int MAX_REMEMBERED = 100_000;

    /** The first request sent for a ticket id, and whether the broker stored it as new. */
    private record First(String requestHash, boolean stored) {
    }

    private final Cache<UUID, First> firstRequests;

    public InMemoryRecentBookings(Duration remembered) {
        this.firstRequests = Caffeine.newBuilder()
                .maximumSize(MAX_REMEMBERED)
                .expireAfterWrite(remembered)
                .build();
    }

    @Override
    public Optional<String> rememberFirst(UUID ticketId, String requestHash) {
        return Optional.ofNullable(firstRequests.asMap().putIfAbsent(ticketId, new First(requestHash, false)))
                .map(First::requestHash);
    }

    @Override
    public void stored(UUID ticketId, String requestHash) {
        firstRequests.asMap().computeIfPresent(ticketId,
                (id, first) -> first.requestHash().equals(requestHash) ? new First(requestHash, true) : first);
    }

    @Override
    public boolean storedFirst(UUID ticketId, String requestHash) {
        First first = firstRequests.getIfPresent(ticketId);
        return first != null && first.stored() && first.requestHash().equals(requestHash);
    }

    @Override
    public void forget(UUID ticketId, String requestHash) {
        firstRequests.asMap().remove(ticketId, new First(requestHash, false));
    }
}
