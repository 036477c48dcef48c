package io.ticketing.notification.adapter.in.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.ticketing.notification.application.port.in.WatchNotificationsUseCase.Subscription;
import io.ticketing.notification.domain.model.Notification;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream. Its own virtual thread writes everything: first what the client missed, then what is new
 * each time the stream is woken, and a comment line whenever it was quiet for a heartbeat. It always reads what to
 * send from its subscription, in the order the notifications were stored, never in the order they were announced:
 * so the id of each event is a sound point to resume from, nothing stored before it is still to come.
 */
final class LiveStream {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    private final SseEmitter emitter;
    private final Duration heartbeat;
    private final int pageSize;
    // one waiting wake-up is enough: the read it causes finds everything stored until then
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private volatile boolean open = true;
    private volatile @Nullable Thread writer;

    LiveStream(SseEmitter emitter, Duration heartbeat, int pageSize) {
        this.emitter = emitter;
        this.heartbeat = heartbeat;
        this.pageSize = Math.max(1, pageSize);
    }

    /** Called from messaging threads; never blocks. */
    void wakeUp() {
        wakeUps.offer(Boolean.TRUE);
    }

    void close() {
        open = false;
        Thread current = writer;
        if (current != null) {
            current.interrupt();
        }
    }

    /** Runs on the stream's own thread until the client goes away or the stream times out. */
    void run(Subscription subscription) {
        writer = Thread.currentThread();
        try {
            emitter.send(SseEmitter.event().comment("connected"));
            sendWhatIsNew(subscription);
            while (open) {
                if (wakeUps.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS) == null) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                } else {
                    sendWhatIsNew(subscription);
                }
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away (or the emitter timed out): nothing to tell anyone
        } catch (DataAccessException e) {
            // the client reconnects and resumes after the last event it got
            log.warn("Ending a notification stream, cannot read notifications: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open = false;
            emitter.complete();
        }
    }

    private void sendWhatIsNew(Subscription subscription) throws IOException {
        List<Notification> page;
        do {
            page = subscription.next(pageSize);
            for (Notification notification : page) {
                emitter.send(SseEmitter.event()
                        .id(notification.id().toString())
                        .data(NotificationResponse.of(notification), MediaType.APPLICATION_JSON));
            }
        } while (page.size() == pageSize && open);
    }
}
