package io.ticketing.notification.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

        assertThat(sendMails.sendNextDueMail()).isTrue();

        MailDelivery delivery = stores.deliveries.values().iterator().next();
        assertThat(delivery.status()).isEqualTo(MailStatus.PENDING);
        assertThat(delivery.lastError()).contains("not known yet");
        assertThat(delivery.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(sendMails.sendNextDueMail()).as("not due again yet").isFalse();
    }

    @Test
    void aMailServerOutageIsRetriedUntilTheLastAttempt() {
        stores.save(new Recipient(USER, "ada@example.org", "Ada"));
        record.record(expired("event-1"));
        stores.smtpDown = true;

        MailDelivery delivery = stores.deliveries.values().iterator().next();
        for (int attempt = 0; attempt < 3; attempt++) {
            stores.save(new MailDelivery(delivery.notificationId(), delivery.status(), delivery.attempts(), NOW,
                    delivery.lastError(), null));
            sendMails.sendNextDueMail();
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

        assertThat(sendMails.sendNextDueMail()).isTrue();
        assertThat(sendMails.sendNextDueMail()).isFalse();

        assertThat(stores.sentTo).containsExactly("ada@example.org");
        assertThat(stores.deliveries.values().iterator().next().status()).isEqualTo(MailStatus.SENT);
    }

    @Test
    void onlyTheOwnerMarksANotificationRead() {
        record.record(expired("event-1"));
        NotificationId id = stores.notifications.keySet().iterator().next();

        assertThatThrownBy(() -> markRead.markRead(new MarkNotificationReadCommand(id, UUID.randomUUID())))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.NOT_FOUND));
        markRead.markRead(new MarkNotificationReadCommand(id, USER));

        assertThat(stores.notifications.get(id).readAt()).isEqualTo(NOW);
    }

    private static RecordNotificationCommand expired(String eventId) {
        return new RecordNotificationCommand(eventId, new Occasion.TicketExpired(USER, UUID.randomUUID(),
                UUID.randomUUID()));
    }
}
