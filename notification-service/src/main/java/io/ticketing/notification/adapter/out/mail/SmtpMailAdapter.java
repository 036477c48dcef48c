package io.ticketing.notification.adapter.out.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ticketing.notification.application.port.out.NotificationMailer;
import io.ticketing.notification.config.MailSettings;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.notification.domain.model.Recipient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends notifications as text + HTML e-mails over SMTP. */
@Component
class SmtpMailAdapter implements NotificationMailer {

    /** Lets support (and tests) match a received mail to its notification. */
    static final String NOTIFICATION_HEADER = "X-Ticketing-Notification-Id";

    static {
        // Jakarta Mail 2.1 finds its StreamProvider anew for every message, body part and header block, through a
        // ServiceLoader scan of every jar (jakartaee/mail-api#861): 12 % of this service's CPU under booking load
        // (JFR, bench/RESULTS.md). Named here, the lookup is a Class.forName of a loaded class.
        System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
    }

    private final JavaMailSender sender;
    private final MailSettings settings;
    private final MailTemplates templates = MailTemplates.load();

    SmtpMailAdapter(JavaMailSender sender, MailSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    /**
     * One {@code send} call for all messages: Spring sends them over one connection (reconnecting only if the
     * server drops it), where a call per mail opened a connection per mail.
     */
    @Override
    public Map<NotificationId, String> sendAll(List<OutgoingMail> mails) {
        Map<NotificationId, String> failures = new HashMap<>();
        List<MimeMessage> messages = new ArrayList<>(mails.size());
        for (OutgoingMail mail : mails) {
            try {
                messages.add(message(mail.recipient(), mail.notification()));
            } catch (MessagingException e) {
                // e.g. an address no server would take: the other mails go out all the same
                failures.put(mail.notification().id(), describe(e));
            }
        }
        if (messages.isEmpty()) {
            return failures;
        }
        try {
            sender.send(messages.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failures.putAll(e.getFailedMessages().isEmpty() ? allFailed(messages, e) : failed(e));
        } catch (MailException e) {
            // e.g. authentication failed: no mail went out
            failures.putAll(allFailed(messages, e));
        }
        return failures;
    }

    private MimeMessage message(Recipient recipient, Notification notification) throws MessagingException {
        Map<String, String> values = Map.of(
                "name", recipient.fullName().isBlank() ? "traveller" : recipient.fullName(),
                "title", notification.title(),
                "body", notification.body());
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(recipient.email());
        helper.setSubject(notification.title());
        helper.setText(templates.text(values), templates.html(values));
        message.setHeader(NOTIFICATION_HEADER, notification.id().toString());
        return message;
    }

    /**
     * The messages the server did not take, each with its own error; when the connection fails, Spring lists every
     * message not sent before it.
     */
    private static Map<NotificationId, String> failed(MailSendException e) {
        Map<NotificationId, String> failures = new HashMap<>();
        e.getFailedMessages().forEach((message, cause) -> failures.put(idOf((MimeMessage) message), describe(cause)));
        return failures;
    }

    /** Nothing tells which mails went out (closing the connection failed, say): all are sent again, at least once. */
    private static Map<NotificationId, String> allFailed(List<MimeMessage> messages, Exception e) {
        Map<NotificationId, String> failures = new HashMap<>();
        messages.forEach(message -> failures.put(idOf(message), describe(e)));
        return failures;
    }

    private static NotificationId idOf(MimeMessage message) {
        try {
            return new NotificationId(UUID.fromString(message.getHeader(NOTIFICATION_HEADER, null)));
        } catch (MessagingException e) {
            throw new IllegalStateException("Mail without " + NOTIFICATION_HEADER, e);
        }
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getClass().getSimpleName() + ": " + root;
    }
}
