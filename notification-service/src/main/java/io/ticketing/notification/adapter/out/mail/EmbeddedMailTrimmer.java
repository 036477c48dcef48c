package io.ticketing.notification.adapter.out.mail;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drops the embedded SMTP server's mails once it holds more than it should keep. GreenMail keeps every mail it
 * receives in memory; in a local stack that runs for days (or a benchmark: ~80 MB of old generation after one run)
 * they would fill the service's heap, and nobody can read them anyway (the server speaks SMTP only).
 */
class EmbeddedMailTrimmer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailTrimmer.class);
    private static final long EVERY_SECONDS = 30;

    private final GreenMail server;
    private final int keep;
    private @Nullable ScheduledExecutorService schedule;

    EmbeddedMailTrimmer(GreenMail server, int keep) {
        this.server = server;
        this.keep = keep;
    }

    /** Drops every held mail when more than {@code keep} are held; returns how many were dropped. */
    int trim() {
        // counts the stored messages without parsing them into MimeMessages, as getReceivedMessages() would
        int held = server.getManagers().getImapHostManager().getAllMessages().size();
        if (held <= keep) {
            return 0;
        }
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            log.warn("Cannot drop the embedded SMTP server's {} mails: {}", held, e.getMessage());
            return 0;
        }
        log.info("Dropped the {} mails the embedded SMTP server held (it keeps at most {})", held, keep);
        return held;
    }

    /** Trims only a server that was started: with {@code SMTP_EMBEDDED=false} it never listens. */
    @Override
    public void start() {
        if (!server.isRunning()) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("embedded-mail-trimmer").factory());
        schedule.scheduleWithFixedDelay(this::trim, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
