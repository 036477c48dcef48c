package io.ticketing.notification.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.google.protobuf.Message;
import com.icegreen.greenmail.util.GreenMail;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.platform.messaging.Subjects;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.Lifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** Drives the running service from outside: events on NATS, HTTP calls, the database and the SMTP inbox. */
public class TestFixture {

    public static final String MAIL_HEADER = "X-Ticketing-Notification-Id";

    private final Connection nats;
    private final JdbcClient jdbc;
    private final GreenMail smtp;
    private final JsonMapper json;
    private final Environment environment;
    private final Lifecycle mailSenders;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public TestFixture(Connection nats, DataSource dataSource, GreenMail smtp, JsonMapper json, Environment environment,
            @Qualifier("mailSenderJob") Lifecycle mailSenders) {
        this.nats = nats;
        this.jdbc = JdbcClient.create(dataSource);
        this.smtp = smtp;
        this.json = json;
        this.environment = environment;
        this.mailSenders = mailSenders;
    }

    // --- events

    /** Publishes like an outbox relay: subject by type, {@code Nats-Msg-Id} = event id. */
    public PublishAck publish(String streamPrefix, Message event, String eventId) {
        Headers headers = new Headers()
                .put(MessageHeaders.MESSAGE_ID, eventId)
                .put(MessageHeaders.EVENT_TYPE, event.getDescriptorForType().getFullName())
                .put(MessageHeaders.CONTENT_TYPE, MessageHeaders.PROTOBUF);
        try {
            return nats.jetStream().publish(NatsMessage.builder().subject(Subjects.event(streamPrefix, event))
                    .headers(headers).data(event.toByteArray()).build());
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publishTicketEvent(Message event) {
        String id = UUID.randomUUID().toString();
        publish("tickets", event, id);
        return id;
    }

    public String register(UUID userId, String email, String fullName) {
        String id = UUID.randomUUID().toString();
        publish("users", Events.userRegistered(userId, email, fullName), id);
        return id;
    }

    /** Registers a user and waits until the welcome notification exists, so their e-mail address is known. */
    public String registered(UUID userId) {
        String email = "user-" + userId + "@example.org";
        String eventId = register(userId, email, "Ada Lovelace");
        awaitNotificationFor(eventId);
        return email;
    }

    public Connection nats() {
        return nats;
    }

    // --- database

    public Map<String, Object> awaitNotificationFor(String eventId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> notificationFor(eventId), row -> row != null);
    }

    public Map<String, Object> notificationFor(String eventId) {
        return jdbc.sql("SELECT * FROM notification WHERE source_event_id = ?").param(eventId)
                .query().listOfRows().stream().findFirst().orElse(null);
    }

    public long notificationsFor(String eventId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE source_event_id = ?").param(eventId)
                .query(Long.class).single();
    }

    public long notificationsOf(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ?").param(userId)
                .query(Long.class).single();
    }

    /** Removes what a test wrote for its users: their mail deliveries, notifications, sequences and recipients. */
    public void removeRowsOf(List<UUID> users) {
        jdbc().sql("""
                        DELETE FROM mail_delivery d USING notification n
                        WHERE n.id = d.notification_id AND n.user_id IN (:users)""")
                .param("users", users).update();
        jdbc().sql("DELETE FROM notification WHERE user_id IN (:users)").param("users", users).update();
        jdbc().sql("DELETE FROM notification_user_cursor WHERE user_id IN (:users)").param("users", users).update();
        jdbc().sql("DELETE FROM recipient WHERE user_id IN (:users)").param("users", users).update();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** Some transaction of the test database waits for a lock another one holds. */
    public boolean aTransactionWaitsForALock() {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                                       WHERE datname = current_database() AND wait_event_type = 'Lock')""")
                .query(Boolean.class).single();
    }

    /** Waits for a test to let a transaction it holds open go on (an exception after 30 s: the test failed). */
    public static void awaitReleased(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Not released within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Object> mailDelivery(UUID notificationId) {
        return jdbc.sql("SELECT * FROM mail_delivery WHERE notification_id = ?").param(notificationId)
                .query().singleRow();
    }

    public Map<String, Object> awaitMailSent(UUID notificationId) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> mailDelivery(notificationId), row -> "SENT".equals(row.get("status")));
    }

    // --- SMTP

    public GreenMail smtp() {
        return smtp;
    }

    /** Starts the embedded SMTP server again after a test stopped it (its outage must not outlive the test). */
    public void smtpIsBack() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
    }

    /** Stops the running service's mail senders, so the test alone decides who sends what; see resume. */
    public void pauseMailSenders() {
        mailSenders.stop();
    }

    public void resumeMailSenders() {
        if (!mailSenders.isRunning()) {
            mailSenders.start();
        }
    }

    public List<MimeMessage> mailsFor(UUID notificationId) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                String[] values = m.getHeader(MAIL_HEADER);
                return values != null && Arrays.asList(values).contains(notificationId.toString());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public MimeMessage awaitSingleMailFor(UUID notificationId) {
        awaitMailSent(notificationId);
        List<MimeMessage> mails = mailsFor(notificationId);
        if (mails.size() != 1) {
            throw new AssertionError("Expected one mail for " + notificationId + " but got " + mails.size());
        }
        return mails.getFirst();
    }

    /** Every text part of a mail (plain and HTML), for content checks. */
    public static String text(MimeMessage mail) {
        try {
            return text(mail.getContent());
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws IOException, MessagingException {
        if (content instanceof Multipart multipart) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                out.append(text(multipart.getBodyPart(i).getContent()));
            }
            return out.toString();
        }
        return String.valueOf(content);
    }

    // --- HTTP

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") + pathAndQuery);
    }

    public HttpResponse<String> get(String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET();
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode json(String body) {
        return json.readTree(body);
    }

    public HttpClient http() {
        return http;
    }
}
