package io.ticketing.notification.adapter.in.scheduling;

import java.time.Duration;

import io.ticketing.notification.application.port.in.SendDueMailsUseCase;
import io.ticketing.notification.config.MailSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due mails on every replica: each claims its own rows, so running it everywhere is safe and spreads
 * the work. A mail server outage only makes the due rows wait for their next attempt.
 */
@Component
class MailSenderJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailSenderJob.class);

    private final SendDueMailsUseCase sendDueMails;
    private final MailSettings settings;
    private volatile boolean running;
    private volatile @Nullable Thread worker;

    MailSenderJob(SendDueMailsUseCase sendDueMails, MailSettings settings) {
        this.sendDueMails = sendDueMails;
        this.settings = settings;
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofVirtual().name("mail-sender").start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                int sent = 0;
                while (running && sent < settings.batchSize() && sendDueMails.sendNextDueMail()) {
                    sent++;
                }
                if (sent < settings.batchSize()) {
                    Thread.sleep(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // e.g. the database is away: try again on the next tick
                log.warn("Mail sender round failed: {}", e.toString());
                sleep(settings.pollInterval());
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            // no interrupt: a mail the server accepted must also be recorded as sent
            try {
                current.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
