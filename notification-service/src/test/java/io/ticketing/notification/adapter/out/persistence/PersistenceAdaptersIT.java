package io.ticketing.notification.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.ticketing.notification.application.port.out.MailDeliveryRepository;
import io.ticketing.notification.application.port.out.NotificationRepository;
import io.ticketing.notification.application.port.out.RecipientRepository;
import io.ticketing.notification.domain.model.MailDelivery;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.notification.domain.model.NotificationType;
import io.ticketing.notification.domain.model.Recipient;
import io.ticketing.notification.domain.model.RetryPolicy;
import io.ticketing.notification.support.NotificationIntegrationTest;
import io.ticketing.notification.support.TestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The adapters' SQL against the real schema, through the ports the application uses. */
@NotificationIntegrationTest
class PersistenceAdaptersIT {

    /** Long before anything the running service writes: only this test's deliveries are due by then. */
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");
    /** After anything the running service's mail senders look at. */
    private static final Instant FAR_AHEAD = Instant.parse("2999-01-01T00:00:00Z");

    @Autowired
    NotificationRepository notifications;
    @Autowired
    MailDeliveryRepository deliveries;
    @Autowired
    RecipientRepository recipients;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TestFixture fx;

    private final UUID user = UUID.randomUUID();
    private final UUID otherUser = UUID.randomUUID();
    @AfterEach
    void removeTheRowsOfThisTest() {
        fx.removeRowsOf(List.of(user, otherUser));
        fx.resumeMailSenders();
    }

    @Test
    void aRecipientIsInsertedThenReplaced() {
        recipients.save(new Recipient(user, "old@example.org", "Old Name"));
        assertThat(recipients.findAll(List.of(user)))
                .containsExactly(new Recipient(user, "old@example.org", "Old Name"));

        recipients.save(new Recipient(user, "new@example.org", "New Name"));

        assertThat(recipients.findAll(List.of(user)))
                .containsExactly(new Recipient(user, "new@example.org", "New Name"));
        assertThat(recipients.findAll(List.of(otherUser))).isEmpty();
    }

    @Test
    void theRecipientsOfSeveralUsersAreFoundAtOnceAndUnknownUsersLeftOut() {
        Recipient ada = new Recipient(user, "ada@example.org", "Ada");
        Recipient bob = new Recipient(otherUser, "bob@example.org", "Bob");
        recipients.save(ada);
        recipients.save(bob);

        assertThat(recipients.findAll(List.of(user, UUID.randomUUID(), otherUser))).containsExactlyInAnyOrder(ada, bob);
        assertThat(recipients.findAll(List.of())).isEmpty();
    }

    @Test
    void aNotificationReadsBackAsWrittenWithNullsAndMicroseconds() {
        Notification welcome = new Notification(new NotificationId(UUID.randomUUID()), user, NotificationType.WELCOME,
                "Welcome", "Hello", null, UUID.randomUUID().toString(), Instant.parse("2026-03-01T10:15:30.123456Z"),
                null);
        Notification read = notification(user, Instant.parse("2026-03-02T08:00:00.000001Z"))
                .markRead(Instant.parse("2026-03-02T09:00:00.999999Z"));

        notifications.add(welcome);
        notifications.add(read);

        assertThat(notifications.findOwned(welcome.id(), user)).contains(welcome);
        assertThat(notifications.findOwned(read.id(), user)).contains(read);
        assertThat(notifications.findOwned(read.id(), user)).contains(read);
        assertThat(notifications.findOwned(read.id(), otherUser)).isEmpty();
        assertThat(notifications.findOwned(new NotificationId(UUID.randomUUID()), user)).isEmpty();
    }

    @Test
    void notificationsAreFoundByTheirIdsAtOnce() {
        Notification first = notification(user, Instant.parse("2026-03-01T10:00:00Z"));
        Notification second = notification(otherUser, Instant.parse("2026-03-01T11:00:00Z"))
                .markRead(Instant.parse("2026-03-01T12:00:00Z"));
        notifications.add(first);
        notifications.add(second);

        assertThat(notifications.findAllById(List.of(second.id(), new NotificationId(UUID.randomUUID()), first.id())))
                .containsExactlyInAnyOrder(first, second);
        assertThat(notifications.findAllById(List.of())).isEmpty();
    }

    @Test
    void addRefusesASecondNotificationForTheSameEvent() {
        Notification first = notification(user, Instant.parse("2026-03-01T10:00:00Z"));
        notifications.add(first);

        Notification again = new Notification(new NotificationId(UUID.randomUUID()), user, first.type(), first.title(),
                first.body(), first.ticketId(), first.sourceEventId(), first.createdAt(), null);
        assertThatThrownBy(() -> notifications.add(again)).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> notifications.add(first)).isInstanceOf(DuplicateKeyException.class);

        assertThat(notifications.existsForSourceEvent(first.sourceEventId())).isTrue();
        assertThat(notifications.existsForSourceEvent(UUID.randomUUID().toString())).isFalse();
    }

    @Test
    void saveWritesTheReadStateOfAStoredNotificationAndRefusesAMissingOne() {
        Notification stored = notification(user, Instant.parse("2026-03-01T10:00:00Z"));
        notifications.add(stored);
        assertThat(notifications.countUnread(user)).isEqualTo(1);

        Notification read = stored.markRead(Instant.parse("2026-03-01T11:00:00Z"));
        notifications.save(read);

        assertThat(notifications.findOwned(stored.id(), user)).contains(read);
        assertThat(notifications.countUnread(user)).isZero();
        assertThat(seqs(user)).as("no number taken").containsExactly(1L);
        Notification missing = notification(user, Instant.parse("2026-03-01T12:00:00Z"));
        assertThatThrownBy(() -> notifications.save(missing)).isInstanceOf(DataAccessException.class);
        assertThat(notifications.findOwned(missing.id(), user)).isEmpty();
    }

    /** Last stored first, whatever createdAt says: a page never misses one committed after it was read. */
    @Test
    void pagesAreLastStoredFirstAndCountOnlyTheUsersNotifications() {
        List<Notification> own = Stream.of("2026-03-01T10:00:00Z", "2026-03-01T12:00:00Z", "2026-03-01T12:00:00Z",
                        "2026-03-01T14:00:00Z", "2026-03-01T09:00:00Z")
                .map(at -> notification(user, Instant.parse(at)))
                .toList();
        own.forEach(notifications::add);
        notifications.add(notification(otherUser, Instant.parse("2026-03-01T12:00:00Z")));
        Notification read = own.getFirst().markRead(Instant.parse("2026-03-01T12:00:00Z"));
        notifications.save(read);
        List<Notification> lastStoredFirst = Stream.concat(Stream.of(read), own.stream().skip(1)).toList().reversed();

        assertThat(notifications.findPage(user, 0, 2).items()).isEqualTo(lastStoredFirst.subList(0, 2));
        assertThat(notifications.findPage(user, 2, 2).items()).isEqualTo(lastStoredFirst.subList(2, 4));
        assertThat(notifications.findPage(user, 4, 2).items()).isEqualTo(lastStoredFirst.subList(4, 5));
        assertThat(notifications.findPage(user, 6, 2).items()).isEmpty();
        assertThat(notifications.findPage(user, 2, 2).totalItems()).isEqualTo(5);
        assertThat(notifications.countUnread(user)).isEqualTo(4);
        assertThat(notifications.findPage(UUID.randomUUID(), 0, 2).totalItems()).isZero();
    }

    @Test
    void storedAfterListsTheUsersLaterNotificationsInTheOrderTheyWereStored() {
        List<Notification> own = Stream.of("2026-03-01T10:00:00Z", "2026-03-01T12:00:00Z", "2026-03-01T08:00:00Z",
                        "2026-03-01T12:00:00Z")
                .map(at -> notification(user, Instant.parse(at)))
                .toList();
        own.forEach(notifications::add);
        Notification others = notification(otherUser, Instant.parse("2026-03-01T11:00:00Z"));
        notifications.add(others);

        assertThat(notifications.findStoredAfter(user, null, 3)).isEqualTo(own.subList(0, 3));
        assertThat(notifications.findStoredAfter(user, own.get(0).id(), 2)).isEqualTo(own.subList(1, 3));
        assertThat(notifications.findStoredAfter(user, own.get(1).id(), 10)).isEqualTo(own.subList(2, 4));
        assertThat(notifications.findStoredAfter(user, own.get(3).id(), 10)).isEmpty();
        assertThat(notifications.findStoredAfter(user, others.id(), 10)).as("someone else's id").isEmpty();
        assertThat(notifications.findStoredAfter(otherUser, own.get(0).id(), 10)).isEmpty();
        assertThat(notifications.findStoredAfter(otherUser, null, 10)).containsExactly(others);
        assertThat(notifications.findLastStoredId(user)).contains(own.get(3).id());
        assertThat(notifications.findLastStoredId(UUID.randomUUID())).isEmpty();
    }

    /**
     * The point of the user's sequence: an insert of the user waits while another transaction holds their last
     * number, and so commits after it and comes after it, whatever its createdAt; other users do not wait.
     */
    @Test
    void anInsertWaitsForTheUncommittedOneOfTheSameUserAndComesAfterItThoughCreatedEarlier() throws Exception {
        Notification first = notification(user, Instant.parse("2026-03-01T10:00:01Z"));
        Notification createdEarlier = notification(user, Instant.parse("2026-03-01T10:00:00Z"));
        Notification othersMeanwhile = notification(otherUser, Instant.parse("2026-03-01T10:00:02Z"));
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> holding = threads.submit(() -> transaction.executeWithoutResult(status -> {
                notifications.add(first);
                firstInserted.countDown();
                TestFixture.awaitReleased(commitFirst);
            }));
            assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> waiting = threads.submit(() -> transaction.executeWithoutResult(
                    status -> notifications.add(createdEarlier)));

            await().atMost(Duration.ofSeconds(10)).until(fx::aTransactionWaitsForALock);
            threads.submit(() -> notifications.add(othersMeanwhile)).get(10, TimeUnit.SECONDS);
            assertThat(waiting).isNotDone();
            commitFirst.countDown();
            holding.get(10, TimeUnit.SECONDS);
            waiting.get(10, TimeUnit.SECONDS);
        }

        assertThat(notifications.findStoredAfter(user, null, 10)).containsExactly(first, createdEarlier);
        assertThat(notifications.findStoredAfter(user, first.id(), 10)).containsExactly(createdEarlier);
        assertThat(seqs(user)).containsExactly(1L, 2L);
    }

    /** A redelivered event's second insert fails, and a rolled-back one is undone: neither uses up a number. */
    @Test
    void anInsertThatFailsOrIsRolledBackTakesNoNumber() {
        Notification first = notification(user, Instant.parse("2026-03-01T10:00:00Z"));
        notifications.add(first);
        Notification sameEvent = new Notification(new NotificationId(UUID.randomUUID()), user, first.type(),
                first.title(), first.body(), first.ticketId(), first.sourceEventId(), first.createdAt(), null);
        assertThatThrownBy(() -> notifications.add(sameEvent)).isInstanceOf(DuplicateKeyException.class);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            notifications.add(notification(user, Instant.parse("2026-03-01T10:00:01Z")));
            status.setRollbackOnly();
        });

        Notification next = notification(user, Instant.parse("2026-03-01T10:00:02Z"));
        notifications.add(next);

        assertThat(seqs(user)).containsExactly(1L, 2L);
        assertThat(notifications.findStoredAfter(user, first.id(), 10)).containsExactly(next);
    }

    @Test
    void aDeliveryIsInsertedThenUpdated() {
        Notification notification = notification(user, Instant.parse("2026-03-01T10:00:00Z"));
        notifications.add(notification);
        MailDelivery pending = MailDelivery.pending(notification.id(), FAR_AHEAD);
        deliveries.add(pending);
        assertThat(row(notification.id())).containsEntry("status", "PENDING").containsEntry("attempts", 0)
                .containsEntry("last_error", null).containsEntry("sent_at", null);
        assertThatThrownBy(() -> deliveries.add(pending)).isInstanceOf(DuplicateKeyException.class);

        MailDelivery failed = pending.failed("connection refused", FAR_AHEAD,
                new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 3));
        deliveries.saveAll(List.of(failed));
        assertThat(row(notification.id())).containsEntry("status", "PENDING").containsEntry("attempts", 1)
                .containsEntry("last_error", "connection refused")
                .containsEntry("next_attempt_at", Timestamp.from(FAR_AHEAD.plusSeconds(10)));

        Instant sentAt = Instant.parse("2026-03-01T10:00:01.654321Z");
        deliveries.saveAll(List.of(failed.sent(sentAt)));
        assertThat(row(notification.id())).containsEntry("status", "SENT").containsEntry("attempts", 2)
                .containsEntry("last_error", "connection refused").containsEntry("sent_at", Timestamp.from(sentAt));
    }

    @Test
    void saveInsertsADeliveryThatIsMissing() {
        Notification notification = notification(user, Instant.parse("2026-03-01T10:00:00Z"));
        notifications.add(notification);

        deliveries.saveAll(List.of(MailDelivery.pending(notification.id(), FAR_AHEAD)));

        assertThat(row(notification.id())).containsEntry("status", "PENDING")
                .containsEntry("next_attempt_at", Timestamp.from(FAR_AHEAD));
    }

    @Test
    void saveAllWritesEveryDeliveryOfTheRound() {
        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 1);
        List<MailDelivery> pending = Stream.generate(() -> {
            Notification notification = notification(user, Instant.parse("2026-03-01T10:00:00Z"));
            notifications.add(notification);
            MailDelivery delivery = MailDelivery.pending(notification.id(), FAR_AHEAD);
            deliveries.add(delivery);
            return delivery;
        }).limit(2).toList();
        Notification withoutDelivery = notification(user, Instant.parse("2026-03-01T10:00:00Z"));
        notifications.add(withoutDelivery);
        Instant now = Instant.parse("2026-03-01T10:00:01.000001Z");

        deliveries.saveAll(List.of(pending.get(0).sent(now), pending.get(1).failed("550 no such user", now, retry),
                MailDelivery.pending(withoutDelivery.id(), FAR_AHEAD)));

        assertThat(row(pending.get(0).notificationId())).containsEntry("status", "SENT").containsEntry("attempts", 1)
                .containsEntry("sent_at", Timestamp.from(now));
        assertThat(row(pending.get(1).notificationId())).containsEntry("status", "FAILED")
                .containsEntry("attempts", 1).containsEntry("last_error", "550 no such user")
                .containsEntry("sent_at", null);
        assertThat(row(withoutDelivery.id())).containsEntry("status", "PENDING").containsEntry("attempts", 0);
    }

    /**
     * Claims in concurrent transactions (REQUIRES_NEW opens one while the outer one holds its lock): each takes
     * the soonest due pending row nobody holds, and none waits. The deliveries are due long ago, so the mail
     * senders of the running service are paused: they would claim them too.
     */
    @Test
    void concurrentClaimsTakeTheSoonestDueRowNobodyHolds() {
        fx.pauseMailSenders();
        MailDelivery later = pendingSince(LONG_AGO.plusSeconds(2));
        MailDelivery soonest = pendingSince(LONG_AGO.plusSeconds(1));
        MailDelivery sent = pendingSince(LONG_AGO);
        deliveries.saveAll(List.of(sent.sent(LONG_AGO)));
        pendingSince(LONG_AGO.plusSeconds(3600));
        Instant now = LONG_AGO.plusSeconds(60);
        TransactionTemplate outer = new TransactionTemplate(transactionManager);
        TransactionTemplate concurrent = new TransactionTemplate(transactionManager);
        concurrent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        outer.executeWithoutResult(first -> {
            assertThat(deliveries.claimDue(now, 1)).containsExactly(soonest);
            concurrent.executeWithoutResult(second -> {
                assertThat(deliveries.claimDue(now, 1)).containsExactly(later);
                concurrent.executeWithoutResult(third -> assertThat(deliveries.claimDue(now, 1)).isEmpty());
            });
        });

        assertThat(deliveries.claimDue(now, 1)).as("claimable again once released").containsExactly(soonest);
    }

    /** A batch claim takes every due row nobody holds, soonest first, up to the limit; a concurrent one the rest. */
    @Test
    void concurrentBatchClaimsTakeDisjointDueRowsSoonestFirst() {
        fx.pauseMailSenders();
        List<MailDelivery> due = Stream.of(5, 1, 4, 2, 3)
                .map(seconds -> pendingSince(LONG_AGO.plusSeconds(seconds)))
                .sorted(Comparator.comparing(MailDelivery::nextAttemptAt))
                .toList();
        MailDelivery sent = pendingSince(LONG_AGO);
        deliveries.saveAll(List.of(sent.sent(LONG_AGO)));
        pendingSince(LONG_AGO.plusSeconds(3600));
        Instant now = LONG_AGO.plusSeconds(60);
        TransactionTemplate outer = new TransactionTemplate(transactionManager);
        TransactionTemplate concurrent = new TransactionTemplate(transactionManager);
        concurrent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        outer.executeWithoutResult(first -> {
            assertThat(deliveries.claimDue(now, 3)).containsExactlyElementsOf(due.subList(0, 3));
            concurrent.executeWithoutResult(second -> {
                assertThat(deliveries.claimDue(now, 10)).containsExactlyElementsOf(due.subList(3, 5));
                concurrent.executeWithoutResult(third -> assertThat(deliveries.claimDue(now, 10)).isEmpty());
            });
        });

        assertThat(deliveries.claimDue(now, 10)).as("claimable again once released").containsExactlyElementsOf(due);
    }

    private MailDelivery pendingSince(Instant due) {
        Notification notification = notification(user, Instant.parse("2026-03-01T10:00:00Z"));
        notifications.add(notification);
        MailDelivery delivery = MailDelivery.pending(notification.id(), due);
        deliveries.add(delivery);
        return delivery;
    }

    private List<Long> seqs(UUID owner) {
        return fx.jdbc().sql("SELECT seq FROM notification WHERE user_id = ? ORDER BY seq").param(owner)
                .query(Long.class).list();
    }

    private Map<String, Object> row(NotificationId id) {
        return fx.mailDelivery(id.value());
    }

    private static Notification notification(UUID owner, Instant createdAt) {
        return new Notification(new NotificationId(UUID.randomUUID()), owner, NotificationType.TICKET_BOOKED,
                "Ticket confirmed", "Seat 3-12", UUID.randomUUID(), UUID.randomUUID().toString(), createdAt, null);
    }
}
