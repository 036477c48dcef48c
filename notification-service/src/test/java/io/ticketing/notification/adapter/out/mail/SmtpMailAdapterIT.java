package io.ticketing.notification.adapter.out.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ticketing.notification.application.port.out.NotificationMailer;
import io.ticketing.notification.application.port.out.NotificationMailer.OutgoingMail;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.notification.domain.model.NotificationType;
import io.ticketing.notification.domain.model.Recipient;
import io.ticketing.notification.support.NotificationIntegrationTest;
import io.ticketing.notification.support.TestFixture;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP adapter against the embedded GreenMail server of the running service. */
@NotificationIntegrationTest
class SmtpMailAdapterIT {

    @Autowired
    NotificationMailer mailer;
    @Autowired
    TestFixture fx;

    @AfterEach
    void smtpIsBack() {
        fx.smtpIsBack();
    }

    @Test
    void sendsEveryMailOfTheBatchOnceToItsRecipient() throws Exception {
        List<OutgoingMail> mails = List.of(mail("ada"), mail("bob"), mail("cy"));

        assertThat(mailer.sendAll(mails)).isEmpty();

        for (OutgoingMail sent : mails) {
            List<MimeMessage> received = fx.mailsFor(sent.notification().id().value());
            assertThat(received).hasSize(1);
            assertThat(received.getFirst().getAllRecipients()).extracting(Object::toString)
                    .containsExactly(sent.recipient().email());
            assertThat(received.getFirst().getSubject()).isEqualTo(sent.notification().title());
            assertThat(TestFixture.text(received.getFirst())).contains("Hello " + sent.recipient().fullName() + ",");
        }
    }

    @Test
    void aMailThatCannotBeSentFailsAloneAndTheOthersGoOut() {
        OutgoingMail broken = new OutgoingMail(new Recipient(UUID.randomUUID(), "a@b@example.org", "Broken"),
                notification("broken"));
        List<OutgoingMail> fine = List.of(mail("first"), mail("last"));

        Map<NotificationId, String> failures = mailer.sendAll(List.of(fine.get(0), broken, fine.get(1)));

        assertThat(failures).containsOnlyKeys(broken.notification().id());
        assertThat(failures.get(broken.notification().id())).contains("a@b@example.org");
        assertThat(fx.mailsFor(broken.notification().id().value())).isEmpty();
        assertThat(fine).allSatisfy(mail -> assertThat(fx.mailsFor(mail.notification().id().value())).hasSize(1));
    }

    @Test
    void anUnreachableServerFailsEveryMailOfTheBatch() {
        List<OutgoingMail> mails = List.of(mail("ada"), mail("bob"));
        fx.smtp().stop();

        Map<NotificationId, String> failures = mailer.sendAll(mails);

        assertThat(failures).containsOnlyKeys(mails.stream().map(mail -> mail.notification().id()).toList());
        assertThat(failures.values()).allSatisfy(error -> assertThat(error).containsIgnoringCase("connect"));
    }

    private static OutgoingMail mail(String name) {
        UUID user = UUID.randomUUID();
        return new OutgoingMail(new Recipient(user, name + "-" + user + "@example.org", "Traveller " + name),
                notification(name));
    }

    private static Notification notification(String name) {
        return new Notification(new NotificationId(UUID.randomUUID()), UUID.randomUUID(),
                NotificationType.TICKET_BOOKED, "Ticket for " + name + " confirmed", "Seat 3-12", UUID.randomUUID(),
                UUID.randomUUID().toString(), Instant.now(), null);
    }
}
