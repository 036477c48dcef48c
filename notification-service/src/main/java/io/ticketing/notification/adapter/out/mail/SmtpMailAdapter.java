package io.ticketing.notification.adapter.out.mail;

import java.util.Map;

import io.ticketing.notification.application.port.out.NotificationMailer;
import io.ticketing.notification.config.MailSettings;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.Recipient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends a notification as a text + HTML e-mail over SMTP. */
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

    @Override
    public void send(Recipient recipient, Notification notification) {
        Map<String, String> values = Map.of(
                "name", recipient.fullName().isBlank() ? "traveller" : recipient.fullName(),
                "title", notification.title(),
                "body", notification.body());
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(recipient.email());
            helper.setSubject(notification.title());
            helper.setText(templates.text(values), templates.html(values));
            message.setHeader(NOTIFICATION_HEADER, notification.id().toString());
            sender.send(message);
        } catch (MailException | MessagingException e) {
            throw new MailNotSent(describe(e), e);
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
