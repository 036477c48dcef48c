package io.ticketing.notification.adapter.in.scheduling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.ticketing.notification.application.port.in.SendDueMailsUseCase;
import io.ticketing.notification.config.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due mails on every replica, with several senders in each: every sender claims its own rows, so running
 * them everywhere is safe and spreads the work. A mail server outage only makes the due rows wait for their next
 * attempt.
 */
@Component
class MailSenderJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailSenderJob.class);

    private final SendDueMailsUseCase sendDueMails;
    private final MailSettings settings;
    private volatile boolean running;
    private final List<Thread> workers = new ArrayList<>();

    MailSenderJob(SendDueMailsUseCase sendDueMails, MailSettings settings) {
        this.sendDueMails = sendDueMails;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 1; i <= Math.max(1, settings.senders()); i++) {
            workers.add(Thread.ofVirtual().name("mail-sender-" + i).start(this::loop));
        }
    }

    private void loop() {
        int batchSize = Math.max(1, settings.batchSize());
        while (running) {
            try {
                // a full batch means more may be due: look again at once
                if (sendDueMails.sendDueMails(batchSize) < batchSize) {
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
    public synchronized void stop() {
        running = false;
        // no interrupt: a mail the server accepted must also be recorded as sent
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
