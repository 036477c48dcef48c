package io.ticketing.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.ticketing.notification.support.Events;
import io.ticketing.notification.support.NotificationIntegrationTest;
import io.ticketing.notification.support.TestFixture;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationIntegrationTest
class MailDeliveryIT {

    @Autowired
    TestFixture fx;

    @AfterEach
    void smtpIsBack() {
        fx.smtpIsBack();
    }

    @Test
    void anSmtpOutageDelaysTheMailButLosesNone() {
        UUID userId = UUID.randomUUID();
        fx.registered(userId);
        fx.smtp().stop();

        UUID notificationId = (UUID) fx.awaitNotificationFor(
                fx.publishTicketEvent(Events.ticketBooked(userId, UUID.randomUUID()))).get("id");

        Map<String, Object> failing = await().atMost(Duration.ofSeconds(20))
                .until(() -> fx.mailDelivery(notificationId), row -> (int) row.get("attempts") >= 2);
        assertThat(failing).containsEntry("status", "PENDING");
        assertThat((String) failing.get("last_error")).containsIgnoringCase("connect");

        fx.smtp().start();

        Map<String, Object> sent = fx.awaitMailSent(notificationId);
        assertThat((int) sent.get("attempts")).isGreaterThanOrEqualTo(3);
        assertThat(sent.get("sent_at")).isNotNull();
        assertThat(fx.mailsFor(notificationId)).hasSize(1);
    }

    /** With the server back, forty mails fall due at once: the concurrent senders must send each exactly once. */
    @Test
    void mailsDueTogetherAreEachSentOnceByTheConcurrentSenders() {
        UUID userId = UUID.randomUUID();
        fx.registered(userId);
        fx.smtp().stop();

        List<String> eventIds = IntStream.range(0, 40)
                .mapToObj(i -> fx.publishTicketEvent(Events.ticketBooked(userId, UUID.randomUUID())))
                .toList();
        List<UUID> notificationIds = eventIds.stream()
                .map(eventId -> (UUID) fx.awaitNotificationFor(eventId).get("id"))
                .toList();
        notificationIds.forEach(id -> await().atMost(Duration.ofSeconds(20))
                .until(() -> fx.mailDelivery(id), row -> (int) row.get("attempts") >= 1));

        fx.smtp().start();

        notificationIds.forEach(fx::awaitMailSent);
        assertThat(notificationIds).allSatisfy(id -> assertThat(fx.mailsFor(id)).hasSize(1));
    }

    @Test
    void aMailWaitsUntilTheUsersAddressIsKnown() throws Exception {
        UUID userId = UUID.randomUUID();

        // the ticket event overtakes the user's registration (they travel on different streams)
        UUID notificationId = (UUID) fx.awaitNotificationFor(
                fx.publishTicketEvent(Events.ticketExpired(userId, UUID.randomUUID()))).get("id");
        Map<String, Object> waiting = await().atMost(Duration.ofSeconds(20))
                .until(() -> fx.mailDelivery(notificationId), row -> row.get("last_error") != null);
        assertThat(waiting).containsEntry("status", "PENDING");
        assertThat((String) waiting.get("last_error")).contains("not known yet");

        fx.register(userId, "late@example.org", "Late Registrant");

        MimeMessage mail = fx.awaitSingleMailFor(notificationId);
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("late@example.org");
        assertThat(TestFixture.text(mail)).contains("Hello Late Registrant,");
    }
}
