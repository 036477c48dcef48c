package io.ticketing.notification.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.ticketing.notification.application.port.in.RecordNotificationCommand;
import io.ticketing.notification.application.port.in.TooManyOpenStreams;
import io.ticketing.notification.application.port.in.WatchNotificationsUseCase.NotificationListener;
import io.ticketing.notification.application.port.in.WatchNotificationsUseCase.Subscription;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
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
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private final InMemoryStores stores = new InMemoryStores();
    private final LiveNotificationService live = new LiveNotificationService(stores, CAP, Duration.ofSeconds(45));
    private final RecordNotificationService record = new RecordNotificationService(stores, stores, stores,
            UUID::randomUUID, Clock.fixed(AT, ZoneOffset.UTC));

    @Test
    void refusesAWatchBeyondTheUsersCapAndWakesNothingOfIt() {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        for (int i = 0; i < CAP; i++) {
            live.watch(ADA, null, accepted::incrementAndGet);
        }

        assertThatThrownBy(() -> live.watch(ADA, null, refused::incrementAndGet))
                .isInstanceOfSatisfying(TooManyOpenStreams.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(ProblemKind.TOO_MANY_REQUESTS);
                    assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(problem.getMessage()).contains("At most " + CAP);
                });
        deliverNotificationTo(ADA);

        assertThat(accepted).hasValue(CAP);
        assertThat(refused).hasValue(0);
        assertThatCode(() -> live.watch(BOB, null, () -> { })).as("the cap is per user").doesNotThrowAnyException();
    }

    @Test
    void anAnnouncementWakesOnlyTheWatchersOfItsUser() {
        AtomicInteger adas = new AtomicInteger();
        AtomicInteger bobs = new AtomicInteger();
        live.watch(ADA, null, adas::incrementAndGet);
        live.watch(BOB, null, bobs::incrementAndGet);

        deliverNotificationTo(ADA);

        assertThat(adas).hasValue(1);
        assertThat(bobs).hasValue(0);
    }

    /** The store's order, not createdAt: a notification committed later may have been created earlier. */
    @Test
    void aWatchHandsOutWhatIsStoredFromItsStartInTheOrderOfStorageEachOnce() {
        Notification before = store(ADA, AT);
        Subscription watch = live.watch(ADA, null, () -> { });
        Notification stored = store(ADA, AT.plusSeconds(1));
        Notification storedLaterCreatedEarlier = store(ADA, AT.minusSeconds(1));
        store(BOB, AT);

        assertThat(watch.next(10)).containsExactly(stored, storedLaterCreatedEarlier).doesNotContain(before);
        assertThat(watch.next(10)).isEmpty();
        Notification next = store(ADA, AT);
        assertThat(watch.next(10)).containsExactly(next);
    }

    @Test
    void aWatchResumesAfterTheLastSeenNotificationAPageAtATime() {
        List<Notification> stored = List.of(store(ADA, AT), store(ADA, AT), store(ADA, AT), store(ADA, AT));

        Subscription watch = live.watch(ADA, stored.get(1).id(), () -> { });

        assertThat(watch.next(1)).containsExactly(stored.get(2));
        assertThat(watch.next(1)).containsExactly(stored.get(3));
        assertThat(watch.next(1)).isEmpty();
    }

    @Test
    void aLastSeenIdThatIsNotTheUsersStartsTheWatchAtTheirLastNotification() {
        store(ADA, AT);
        Notification bobs = store(BOB, AT);

        Subscription watch = live.watch(ADA, bobs.id(), () -> { });

        assertThat(watch.next(10)).isEmpty();
        Notification next = store(ADA, AT);
        assertThat(watch.next(10)).containsExactly(next);
    }

    @Test
    void aUserWithoutNotificationsGetsTheirFirst() {
        Subscription watch = live.watch(ADA, new NotificationId(UUID.randomUUID()), () -> { });

        Notification first = store(ADA, AT);

        assertThat(watch.next(10)).containsExactly(first);
    }

    @Test
    void aClosedSubscriptionFreesItsSlotOnceEvenWhenClosedTwice() {
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            subscriptions.add(live.watch(ADA, null, () -> { }));
        }

        Subscription first = subscriptions.getFirst();
        first.close();
        first.close();

        live.watch(ADA, null, () -> { });
        assertThatThrownBy(() -> live.watch(ADA, null, () -> { })).isInstanceOf(TooManyOpenStreams.class);
    }

    @Test
    void eachWatchTakesItsOwnSlotEvenWithTheSameListener() {
        NotificationListener listener = () -> { };
        for (int i = 0; i < CAP; i++) {
            live.watch(ADA, null, listener);
        }

        assertThatThrownBy(() -> live.watch(ADA, null, listener)).isInstanceOf(TooManyOpenStreams.class);
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
                        live.watch(ADA, null, () -> { });
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
        live.deliver(user);
    }

    private Notification store(UUID user, Instant createdAt) {
        Notification notification = Notification.about(new Occasion.TicketExpired(user, UUID.randomUUID(),
                UUID.randomUUID()), new NotificationId(UUID.randomUUID()), "event-" + UUID.randomUUID(), createdAt);
        stores.add(notification);
        return notification;
    }
}
