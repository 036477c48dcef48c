package io.ticketing.notification;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.PublishAck;
import io.ticketing.notification.support.Events;
import io.ticketing.notification.support.NotificationIntegrationTest;
import io.ticketing.notification.support.TestFixture;
import io.ticketing.platform.messaging.Streams;
import io.ticketing.proto.events.v1.CancellationCause;
import io.ticketing.proto.events.v1.TicketBooked;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@NotificationIntegrationTest
class NotificationEventsIT {

    @Autowired
    TestFixture fx;

    @Test
    void userRegisteredStoresTheAddressAndSendsAWelcome() throws Exception {
        UUID userId = UUID.randomUUID();
        String eventId = fx.register(userId, "grace@example.org", "Grace Hopper");

        Map<String, Object> notification = fx.awaitNotificationFor(eventId);
        assertThat(notification).containsEntry("user_id", userId).containsEntry("type", "WELCOME");
        assertThat((String) notification.get("title")).isEqualTo("Welcome to Ticketing, Grace Hopper");
        assertThat((String) notification.get("body")).contains("grace@example.org");

        MimeMessage mail = fx.awaitSingleMailFor((UUID) notification.get("id"));
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("grace@example.org");
        assertThat(mail.getSubject()).isEqualTo("Welcome to Ticketing, Grace Hopper");
        assertThat(TestFixture.text(mail)).contains("Hello Grace Hopper,").contains("grace@example.org");
    }

    @Test
    void ticketBookedNamesTrainRouteDepartureSeatAndPrice() throws Exception {
        UUID userId = UUID.randomUUID();
        String email = fx.registered(userId);
        UUID ticketId = UUID.randomUUID();

        Map<String, Object> notification = fx.awaitNotificationFor(
                fx.publishTicketEvent(Events.ticketBooked(userId, ticketId)));

        assertThat(notification).containsEntry("type", "TICKET_BOOKED").containsEntry("ticket_id", ticketId);
        assertThat((String) notification.get("title"))
                .isEqualTo("Ticket confirmed: train IC 2041 from Berlin Hbf to München Hbf");
        assertThat((String) notification.get("body"))
                .contains("Ada Lovelace")
                .contains("departs Tue 1 Dec 2026, 08:15 UTC")
                .contains("arrives Tue 1 Dec 2026, 12:30 UTC")
                .contains("Seat 3-12 (wagon 3, second class)")
                .contains("Price: 12.50 EUR")
                .contains(ticketId.toString());
        MimeMessage mail = fx.awaitSingleMailFor((UUID) notification.get("id"));
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(email);
        assertThat(mail.getSubject()).isEqualTo("Ticket confirmed: train IC 2041 from Berlin Hbf to München Hbf");
        assertThat(TestFixture.text(mail)).contains("Seat 3-12").contains("12.50 EUR").contains("Berlin Hbf");
    }

    @Test
    void ticketRejectedSaysWhy() throws Exception {
        UUID userId = UUID.randomUUID();
        fx.registered(userId);

        Map<String, Object> notification = fx.awaitNotificationFor(
                fx.publishTicketEvent(Events.ticketRejected(userId, UUID.randomUUID())));

        assertThat(notification).containsEntry("type", "TICKET_REJECTED");
        assertThat((String) notification.get("title")).isEqualTo("Booking not possible: seat already taken");
        assertThat((String) notification.get("body"))
                .contains("the seat you chose was taken by another traveller")
                .contains("seat 3-12 is taken")
                .contains("nothing is charged");
        assertThat(fx.awaitSingleMailFor((UUID) notification.get("id")).getSubject())
                .isEqualTo("Booking not possible: seat already taken");
    }

    @Test
    void ticketCancelledBecauseTheTripWasCancelledSaysSo() throws Exception {
        UUID userId = UUID.randomUUID();
        fx.registered(userId);

        Map<String, Object> notification = fx.awaitNotificationFor(fx.publishTicketEvent(
                Events.ticketCancelled(userId, UUID.randomUUID(),
                        CancellationCause.CANCELLATION_CAUSE_TRIP_CANCELLED)));

        assertThat(notification).containsEntry("type", "TICKET_CANCELLED");
        assertThat((String) notification.get("title"))
                .isEqualTo("Trip cancelled: train IC 2041 from Berlin Hbf to München Hbf");
        assertThat((String) notification.get("body"))
                .contains("has been cancelled by the operator, so your ticket is cancelled")
                .contains("Seat 3-12 (wagon 3, second class) is no longer reserved for you");
        assertThat(TestFixture.text(fx.awaitSingleMailFor((UUID) notification.get("id"))))
                .contains("cancelled by the operator");
    }

    @Test
    void ticketCancelledByTheTraveller() {
        UUID userId = UUID.randomUUID();
        fx.registered(userId);

        Map<String, Object> notification = fx.awaitNotificationFor(fx.publishTicketEvent(
                Events.ticketCancelled(userId, UUID.randomUUID(), CancellationCause.CANCELLATION_CAUSE_BY_TRAVELLER)));

        assertThat((String) notification.get("title"))
                .isEqualTo("Ticket cancelled: train IC 2041 from Berlin Hbf to München Hbf");
        assertThat((String) notification.get("body")).startsWith("Your ticket has been cancelled as you asked.");
        fx.awaitSingleMailFor((UUID) notification.get("id"));
    }

    @Test
    void ticketExpiredAndRequestedEventsAreNotNotified() throws Exception {
        UUID userId = UUID.randomUUID();
        fx.registered(userId);
        UUID ticketId = UUID.randomUUID();

        fx.publishTicketEvent(Events.ticketRequested(userId, ticketId));
        Map<String, Object> notification = fx.awaitNotificationFor(
                fx.publishTicketEvent(Events.ticketExpired(userId, ticketId)));

        assertThat(notification).containsEntry("type", "TICKET_EXPIRED").containsEntry("ticket_id", ticketId);
        assertThat((String) notification.get("title")).isEqualTo("Booking request expired");
        assertThat((String) notification.get("body")).contains("Nothing was booked");
        assertThat(fx.awaitSingleMailFor((UUID) notification.get("id")).getSubject())
                .isEqualTo("Booking request expired");
        // the consumer handles a stream in order: TicketRequested was seen first and left no notification
        assertThat(fx.notificationsOf(userId)).isEqualTo(2); // welcome + expired
    }

    @Test
    void theSameEventTwiceGivesOneNotificationAndOneMail() throws Exception {
        UUID userId = UUID.randomUUID();
        fx.registered(userId);
        TicketBooked event = Events.ticketBooked(userId, UUID.randomUUID());
        String eventId = UUID.randomUUID().toString();

        fx.publish("tickets", event, eventId);
        UUID notificationId = (UUID) fx.awaitNotificationFor(eventId).get("id");
        fx.awaitMailSent(notificationId);

        // JetStream drops a repeated id within its duplicate window: publish until it stores the copy
        PublishAck copy = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> fx.publish("tickets", event, eventId), ack -> !ack.isDuplicate());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            ConsumerInfo consumer = fx.nats().jetStreamManagement()
                    .getConsumerInfo(Streams.TICKETS, "notification-service-tickets");
            return consumer.getAckFloor().getStreamSequence() >= copy.getSeqno();
        });

        assertThat(fx.notificationsFor(eventId)).isEqualTo(1);
        assertThat(fx.mailDelivery(notificationId)).containsEntry("status", "SENT").containsEntry("attempts", 1);
        assertThat(fx.mailsFor(notificationId)).hasSize(1);

        // and should two consumers ever race on one event, the database keeps the second out
        assertThatThrownBy(() -> fx.jdbc().sql("""
                        INSERT INTO notification (id, user_id, type, title, body, source_event_id, created_at)
                        VALUES (gen_random_uuid(), :user, 'TICKET_BOOKED', 't', 'b', :event, now())""")
                .param("user", userId).param("event", eventId).update())
                .isInstanceOf(DuplicateKeyException.class);
    }
}
