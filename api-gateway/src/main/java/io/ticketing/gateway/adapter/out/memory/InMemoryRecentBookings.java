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

    private final Cache<UUID, String> firstRequests;

    public InMemoryRecentBookings(Duration remembered) {
        this.firstRequests = Caffeine.newBuilder()
                .maximumSize(MAX_REMEMBERED)
                .expireAfterWrite(remembered)
                .build();
    }

    @Override
    public Optional<String> rememberFirst(UUID ticketId, String requestHash) {
        return Optional.ofNullable(firstRequests.asMap().putIfAbsent(ticketId, requestHash));
    }

    @Override
    public void forget(UUID ticketId, String requestHash) {
        firstRequests.asMap().remove(ticketId, requestHash);
    }
}
