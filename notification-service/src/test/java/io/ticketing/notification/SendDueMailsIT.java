package io.ticketing.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.ticketing.notification.application.port.in.SendDueMailsUseCase;
import io.ticketing.notification.application.port.out.MailDeliveryRepository;
import io.ticketing.notification.application.port.out.NotificationRepository;
import io.ticketing.notification.application.port.out.RecipientRepository;
import io.ticketing.notification.domain.model.MailDelivery;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.notification.domain.model.NotificationType;
import io.ticketing.notification.domain.model.Recipient;
import io.ticketing.notification.support.NotificationIntegrationTest;
import io.ticketing.notification.support.TestFixture;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rounds of the mail senders, called directly, against the real database and SMTP server. The service's own senders
 * are paused so that only the test decides who sends; the mails are due long ago, so a round takes them before
 * anything the rest of the suite left due.
 */
@NotificationIntegrationTest
class SendDueMailsIT {

    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    @Autowired
    SendDueMailsUseCase sendDueMails;
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
    private final List<UUID> users = List.of(user, otherUser);
    private int due;

    @BeforeEach
    void pauseTheServicesMailSenders() {
        fx.pauseMailSenders();
    }

    @AfterEach
    void removeTheRowsOfThisTestAndResumeTheSenders() {
        fx.removeRowsOf(users);
        fx.resumeMailSenders();
    }

    @Test
    void aRoundSendsEveryMailOfItsBatchOnceAndLetsAMailForAnUnknownAddressWait() throws Exception {
        recipients.save(new Recipient(user, "batch-" + user + "@example.org", "Ada Lovelace"));
        List<NotificationId> known = dueMails(user, 5);
        NotificationId unknown = dueMails(otherUser, 1).getFirst();

        assertThat(sendDueMails.sendDueMails(6)).isEqualTo(6);

        for (NotificationId id : known) {
            assertThat(delivery(id)).containsEntry("status", "SENT").containsEntry("attempts", 1);
            MimeMessage mail = singleMailFor(id);
            assertThat(mail.getAllRecipients()).extracting(Object::toString)
                    .containsExactly("batch-" + user + "@example.org");
            assertThat(TestFixture.text(mail)).contains("Hello Ada Lovelace,");
        }
        Map<String, Object> waiting = delivery(unknown);
        assertThat(waiting).containsEntry("status", "PENDING").containsEntry("attempts", 1)
                .containsEntry("sent_at", null);
        assertThat((String) waiting.get("last_error")).contains("not known yet");
        assertThat(fx.mailsFor(unknown.value())).isEmpty();

        recipients.save(new Recipient(otherUser, "later-" + otherUser + "@example.org", "Late Registrant"));

        // the retry falls due a backoff later: rounds until then find nothing of this test's
        await().untilAsserted(() -> {
            sendDueMails.sendDueMails(10);
            assertThat(delivery(unknown)).containsEntry("status", "SENT").containsEntry("attempts", 2);
        });
        assertThat(singleMailFor(unknown).getAllRecipients()).extracting(Object::toString)
                .containsExactly("later-" + otherUser + "@example.org");
        assertThat(known).allSatisfy(id -> assertThat(fx.mailsFor(id.value())).as("not sent again").hasSize(1));
    }

    /** An address no mail server would take (it passes our check: it has an @) fails only its own mail. */
    @Test
    void aMailThatCannotBeSentFailsAloneWhileTheRestOfItsBatchIsSent() {
        recipients.save(new Recipient(user, "fine-" + user + "@example.org", "Ada Lovelace"));
        recipients.save(new Recipient(otherUser, "broken@twice@example.org", "Bob"));
        NotificationId first = dueMails(user, 1).getFirst();
        NotificationId broken = dueMails(otherUser, 1).getFirst();
        List<NotificationId> fine = List.of(first, dueMails(user, 1).getFirst());
        Instant before = Instant.now();

        assertThat(sendDueMails.sendDueMails(3)).isEqualTo(3);

        Map<String, Object> failed = delivery(broken);
        assertThat(failed).containsEntry("status", "PENDING").containsEntry("attempts", 1)
                .containsEntry("sent_at", null);
        assertThat((String) failed.get("last_error")).contains("broken@twice@example.org");
        assertThat(((Timestamp) failed.get("next_attempt_at")).toInstant()).as("retried later").isAfter(before);
        assertThat(fx.mailsFor(broken.value())).isEmpty();
        assertThat(fine).allSatisfy(id -> {
            assertThat(delivery(id)).containsEntry("status", "SENT").containsEntry("attempts", 1)
                    .containsEntry("last_error", null);
            assertThat(fx.mailsFor(id.value())).hasSize(1);
        });
    }

    /**
     * The first sender's round has sent its mails but not committed yet when a second sender looks: the second
     * must take only the rows the first does not hold, or those mails would go out twice.
     */
    @Test
    void aSecondSenderSkipsTheMailsAnotherSenderHoldsAndSendsTheRest() throws Exception {
        recipients.save(new Recipient(user, "held-" + user + "@example.org", "Ada Lovelace"));
        List<NotificationId> ids = dueMails(user, 6);

        new TransactionTemplate(transactionManager).executeWithoutResult(firstSendersRound -> {
            assertThat(sendDueMails.sendDueMails(3)).isEqualTo(3);
            assertThat(ids.subList(0, 3)).allSatisfy(id -> assertThat(fx.mailsFor(id.value())).hasSize(1));
            // another thread, so another transaction, while this one still holds its three rows
            CompletableFuture.runAsync(() -> sendDueMails.sendDueMails(10)).join();
        });

        assertThat(ids).allSatisfy(id -> {
            assertThat(delivery(id)).containsEntry("status", "SENT").containsEntry("attempts", 1);
            assertThat(fx.mailsFor(id.value())).as("mail of %s", id).hasSize(1);
        });
    }

    @Test
    void twoSendersRacingThroughTheDueMailsSendEachExactlyOnce() throws Exception {
        recipients.save(new Recipient(user, "race-" + user + "@example.org", "Ada Lovelace"));
        List<NotificationId> ids = dueMails(user, 40);
        CyclicBarrier start = new CyclicBarrier(2);

        List<Integer> handled = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> rounds = IntStream.range(0, 2).mapToObj(i -> senders.submit(() -> {
                start.await();
                int total = 0;
                for (int n = sendDueMails.sendDueMails(3); n > 0; n = sendDueMails.sendDueMails(3)) {
                    total += n;
                }
                return total;
            })).toList();
            for (Future<Integer> round : rounds) {
                handled.add(round.get());
            }
        }

        assertThat(handled.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> {
            assertThat(delivery(id)).containsEntry("status", "SENT").containsEntry("attempts", 1);
            assertThat(fx.mailsFor(id.value())).as("mail of %s", id).hasSize(1);
        });
    }

    /** Notifications of the user, each with a mail that fell due long ago, in the order they fell due. */
    private List<NotificationId> dueMails(UUID owner, int count) {
        List<NotificationId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Notification notification = new Notification(new NotificationId(UUID.randomUUID()), owner,
                    NotificationType.TICKET_BOOKED, "Ticket confirmed", "Seat 3-12", UUID.randomUUID(),
                    UUID.randomUUID().toString(), Instant.now(), null);
            notifications.add(notification);
            deliveries.add(MailDelivery.pending(notification.id(), LONG_AGO.plusSeconds(due++)));
            ids.add(notification.id());
        }
        return ids;
    }

    private Map<String, Object> delivery(NotificationId id) {
        return fx.mailDelivery(id.value());
    }

    private MimeMessage singleMailFor(NotificationId id) {
        List<MimeMessage> mails = fx.mailsFor(id.value());
        assertThat(mails).as("mails of %s", id).hasSize(1);
        return mails.getFirst();
    }
}
