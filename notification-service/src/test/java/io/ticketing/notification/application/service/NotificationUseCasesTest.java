package io.ticketing.notification.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.ticketing.notification.application.port.in.MarkNotificationReadCommand;
import io.ticketing.notification.application.port.in.RecordNotificationCommand;
import io.ticketing.notification.domain.model.MailDelivery;
import io.ticketing.notification.domain.model.MailStatus;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.notification.domain.model.Occasion;
import io.ticketing.notification.domain.model.Recipient;
import io.ticketing.notification.domain.model.RetryPolicy;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationUseCasesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final UUID USER = UUID.randomUUID();

    private final InMemoryStores stores = new InMemoryStores();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RecordNotificationService record =
            new RecordNotificationService(stores, stores, stores, UUID::randomUUID, clock);
    private final SendDueMailsService sendMails = new SendDueMailsService(stores, stores, stores, stores,
            new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 3), clock);
    private final MarkNotificationReadService markRead = new MarkNotificationReadService(stores, clock);

    @Test
    void recordsOneNotificationWithAPendingMailAndAnAnnouncementPerEvent() {
        record.record(expired("event-1"));
        record.record(expired("event-1"));

        assertThat(stores.notifications).hasSize(1);
        Notification notification = stores.notifications.values().iterator().next();
        assertThat(stores.deliveries.get(notification.id()))
                .isEqualTo(MailDelivery.pending(notification.id(), NOW));
        assertThat(stores.announced).containsExactly(notification.id());
    }

    @Test
    void aMailForAnUnknownAddressWaitsWithBackoff() {
        record.record(expired("event-1"));

        assertThat(sendMails.sendDueMails(10)).isEqualTo(1);

        MailDelivery delivery = stores.deliveries.values().iterator().next();
        assertThat(delivery.status()).isEqualTo(MailStatus.PENDING);
        assertThat(delivery.lastError()).contains("not known yet");
        assertThat(delivery.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(sendMails.sendDueMails(10)).as("not due again yet").isZero();
        assertThat(stores.batches).as("nothing to hand to the mail server").isEmpty();
    }

    @Test
    void aMailServerOutageIsRetriedUntilTheLastAttempt() {
        stores.save(new Recipient(USER, "ada@example.org", "Ada"));
        record.record(expired("event-1"));
        stores.smtpDown = true;

        MailDelivery delivery = stores.deliveries.values().iterator().next();
        for (int attempt = 0; attempt < 3; attempt++) {
            stores.saveAll(List.of(new MailDelivery(delivery.notificationId(), delivery.status(), delivery.attempts(),
                    NOW, delivery.lastError(), null)));
            sendMails.sendDueMails(10);
            delivery = stores.deliveries.get(delivery.notificationId());
        }

        assertThat(delivery.status()).isEqualTo(MailStatus.FAILED);
        assertThat(delivery.lastError()).contains("Connection refused");
        assertThat(stores.sentTo).isEmpty();
    }

    @Test
    void sendsADueMailOnceToTheKnownAddress() {
        stores.save(new Recipient(USER, "ada@example.org", "Ada"));
        record.record(expired("event-1"));

        assertThat(sendMails.sendDueMails(10)).isEqualTo(1);
        assertThat(sendMails.sendDueMails(10)).isZero();

        assertThat(stores.sentTo).containsExactly("ada@example.org");
        assertThat(stores.deliveries.values().iterator().next().status()).isEqualTo(MailStatus.SENT);
    }

    @Test
    void sendsTheDueMailsInBatchesOfAtMostTheLimitEachInOneGo() {
        stores.save(new Recipient(USER, "ada@example.org", "Ada"));
        for (int i = 1; i <= 5; i++) {
            record.record(expired("event-" + i));
        }

        assertThat(sendMails.sendDueMails(3)).isEqualTo(3);
        assertThat(sendMails.sendDueMails(3)).isEqualTo(2);
        assertThat(sendMails.sendDueMails(3)).isZero();

        assertThat(stores.batches).as("one hand-over to the mail server per batch").containsExactly(3, 2);
        assertThat(stores.sentTo).hasSize(5).containsOnly("ada@example.org");
        assertThat(stores.deliveries.values()).allSatisfy(delivery -> {
            assertThat(delivery.status()).isEqualTo(MailStatus.SENT);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.sentAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aMailForAnUnknownAddressWaitsWhileTheRestOfItsBatchIsSent() {
        UUID unregistered = UUID.randomUUID();
        stores.save(new Recipient(USER, "ada@example.org", "Ada"));
        record.record(expired("event-1"));
        record.record(expired(unregistered, "event-2"));
        record.record(expired("event-3"));

        assertThat(sendMails.sendDueMails(10)).isEqualTo(3);

        assertThat(stores.batches).containsExactly(2);
        assertThat(stores.sentTo).containsExactly("ada@example.org", "ada@example.org");
        assertThat(deliveryOf(unregistered)).satisfies(waiting -> {
            assertThat(waiting.status()).isEqualTo(MailStatus.PENDING);
            assertThat(waiting.attempts()).isEqualTo(1);
            assertThat(waiting.lastError()).contains("not known yet");
            assertThat(waiting.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        });
        assertThat(deliveriesOf(USER)).hasSize(2)
                .allSatisfy(delivery -> assertThat(delivery.status()).isEqualTo(MailStatus.SENT));
    }

    @Test
    void aMailTheServerRefusesIsRetriedWhileTheRestOfItsBatchIsSent() {
        UUID refused = UUID.randomUUID();
        stores.save(new Recipient(USER, "ada@example.org", "Ada"));
        stores.save(new Recipient(refused, "gone@example.org", "Gone"));
        stores.refused.add("gone@example.org");
        record.record(expired("event-1"));
        record.record(expired(refused, "event-2"));
        record.record(expired("event-3"));

        assertThat(sendMails.sendDueMails(10)).isEqualTo(3);

        assertThat(stores.batches).containsExactly(3);
        assertThat(stores.sentTo).containsExactly("ada@example.org", "ada@example.org");
        assertThat(deliveryOf(refused)).satisfies(failed -> {
            assertThat(failed.status()).isEqualTo(MailStatus.PENDING);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).contains("550");
            assertThat(failed.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        });
        assertThat(deliveriesOf(USER)).hasSize(2)
                .allSatisfy(delivery -> assertThat(delivery.status()).isEqualTo(MailStatus.SENT));
    }

    @Test
    void aMailServerOutageRetriesEveryMailOfTheBatch() {
        stores.save(new Recipient(USER, "ada@example.org", "Ada"));
        record.record(expired("event-1"));
        record.record(expired("event-2"));
        stores.smtpDown = true;

        assertThat(sendMails.sendDueMails(10)).isEqualTo(2);

        assertThat(stores.deliveries.values()).hasSize(2).allSatisfy(delivery -> {
            assertThat(delivery.status()).isEqualTo(MailStatus.PENDING);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.lastError()).contains("Connection refused");
            assertThat(delivery.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        });
    }

    @Test
    void onlyTheOwnerMarksANotificationRead() {
        record.record(expired("event-1"));
        NotificationId id = stores.notifications.keySet().iterator().next();

        assertThatThrownBy(() -> markRead.markRead(new MarkNotificationReadCommand(id, UUID.randomUUID())))
                .isInstanceOfSatisfying(DomainProblem.class,
                        p -> assertThat(p.kind()).isEqualTo(ProblemKind.NOT_FOUND));
        markRead.markRead(new MarkNotificationReadCommand(id, USER));

        assertThat(stores.notifications.get(id).readAt()).isEqualTo(NOW);
    }

    private static RecordNotificationCommand expired(String eventId) {
        return expired(USER, eventId);
    }

    private static RecordNotificationCommand expired(UUID user, String eventId) {
        return new RecordNotificationCommand(eventId, new Occasion.TicketExpired(user, UUID.randomUUID(),
                UUID.randomUUID()));
    }

    private List<MailDelivery> deliveriesOf(UUID user) {
        return stores.deliveries.values().stream()
                .filter(d -> stores.notifications.get(d.notificationId()).userId().equals(user))
                .toList();
    }

    private MailDelivery deliveryOf(UUID user) {
        List<MailDelivery> deliveries = deliveriesOf(user);
        assertThat(deliveries).hasSize(1);
        return deliveries.getFirst();
    }
}
