package io.ticketing.notification.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.ticketing.notification.application.port.in.RecordNotificationCommand;
import io.ticketing.notification.application.port.in.TooManyOpenStreams;
import io.ticketing.notification.application.port.in.WatchNotificationsUseCase.NotificationListener;
import io.ticketing.notification.application.port.in.WatchNotificationsUseCase.Subscription;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.Occasion;
import io.ticketing.platform.error.ProblemKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveNotificationServiceTest {

    private static final int CAP = 3;
    private static final UUID ADA = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();

    private final InMemoryStores stores = new InMemoryStores();
    private final LiveNotificationService live = new LiveNotificationService(stores, CAP, Duration.ofSeconds(45));
    private final RecordNotificationService record = new RecordNotificationService(stores, stores, stores,
            UUID::randomUUID, Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void refusesAWatchBeyondTheUsersCapAndDeliversNothingToIt() {
        List<Notification> accepted = new CopyOnWriteArrayList<>();
        List<Notification> refused = new CopyOnWriteArrayList<>();
        for (int i = 0; i < CAP; i++) {
            live.watch(ADA, accepted::add);
        }

        assertThatThrownBy(() -> live.watch(ADA, refused::add))
                .isInstanceOfSatisfying(TooManyOpenStreams.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(ProblemKind.TOO_MANY_REQUESTS);
                    assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(problem.getMessage()).contains("At most " + CAP);
                });
        deliverNotificationTo(ADA);

        assertThat(accepted).hasSize(CAP);
        assertThat(refused).isEmpty();
        assertThatCode(() -> live.watch(BOB, n -> { })).as("the cap is per user").doesNotThrowAnyException();
    }

    @Test
    void aClosedSubscriptionFreesItsSlotOnceEvenWhenClosedTwice() {
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            subscriptions.add(live.watch(ADA, n -> { }));
        }

        Subscription first = subscriptions.getFirst();
        first.close();
        first.close();

        live.watch(ADA, n -> { });
        assertThatThrownBy(() -> live.watch(ADA, n -> { })).isInstanceOf(TooManyOpenStreams.class);
    }

    @Test
    void eachWatchTakesItsOwnSlotEvenWithTheSameListener() {
        NotificationListener listener = n -> { };
        for (int i = 0; i < CAP; i++) {
            live.watch(ADA, listener);
        }

        assertThatThrownBy(() -> live.watch(ADA, listener)).isInstanceOf(TooManyOpenStreams.class);
    }

    @Test
    void concurrentWatchesOfOneUserNeverExceedTheCap() throws InterruptedException {
        int attempts = 64;
        AtomicInteger watching = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < attempts; i++) {
                threads.execute(() -> {
                    try {
                        start.await();
                        live.watch(ADA, n -> { });
                        watching.incrementAndGet();
                    } catch (TooManyOpenStreams e) {
                        refused.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            start.countDown();
        }

        assertThat(watching).hasValue(CAP);
        assertThat(refused).hasValue(attempts - CAP);
    }

    private void deliverNotificationTo(UUID user) {
        record.record(new RecordNotificationCommand("event-" + UUID.randomUUID(),
                new Occasion.TicketExpired(user, UUID.randomUUID(), UUID.randomUUID())));
        live.deliver(user, stores.announced.getLast());
    }
}
