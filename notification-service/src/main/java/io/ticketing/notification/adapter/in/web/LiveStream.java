package io.ticketing.notification.adapter.in.web;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream. Its own virtual thread writes everything in order: first what the client missed,
 * then each new notification as it arrives, and a comment line whenever it was quiet for a heartbeat.
 * A client that cannot keep up is disconnected; it resumes with {@code Last-Event-ID}.
 */
final class LiveStream {

    private static final int MAX_QUEUED = 1_000;

    private final SseEmitter emitter;
    private final Duration heartbeat;
    private final BlockingQueue<Notification> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    // a notification may be both missed (read from the database) and announced live while we catch up
    private final Set<NotificationId> sent = new HashSet<>();
    private volatile boolean open = true;
    private volatile @Nullable Thread writer;

    LiveStream(SseEmitter emitter, Duration heartbeat) {
        this.emitter = emitter;
        this.heartbeat = heartbeat;
    }

    /** Called from messaging threads; never blocks. */
    void offer(Notification notification) {
        if (open && !queue.offer(notification)) {
            close();
        }
    }

    void close() {
        open = false;
        Thread current = writer;
        if (current != null) {
            current.interrupt();
        }
    }

    /** Runs on the stream's own thread until the client goes away or the stream times out. */
    void run(Supplier<List<Notification>> missed) {
        writer = Thread.currentThread();
        try {
            emitter.send(SseEmitter.event().comment("connected"));
            for (Notification notification : missed.get()) {
                send(notification);
            }
            while (open) {
                Notification next = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                } else {
                    send(next);
                }
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away (or the emitter timed out): nothing to tell anyone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open = false;
            emitter.complete();
        }
    }

    private void send(Notification notification) throws IOException {
        if (sent.add(notification.id())) {
            emitter.send(SseEmitter.event()
                    .id(notification.id().toString())
                    .data(NotificationResponse.of(notification), MediaType.APPLICATION_JSON));
        }
    }
}
