package io.ticketing.notification.adapter.in.web;

import java.util.List;
import java.util.UUID;

import io.ticketing.notification.application.port.in.WatchNotificationsUseCase;
import io.ticketing.notification.application.port.in.WatchNotificationsUseCase.Subscription;
import io.ticketing.notification.config.LiveStreamSettings;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/notifications/stream}: the caller's new notifications as server-sent events
 * (id = notification id, data = its JSON). A browser's EventSource sends {@code Last-Event-ID} when it
 * reconnects and gets what was stored meanwhile.
 */
@RestController
class NotificationStreamController {

    static final String PATH = "/api/v1/notifications/stream";

    private final WatchNotificationsUseCase watch;
    private final LiveStreamSettings settings;
    private final OpenStreams openStreams;

    NotificationStreamController(WatchNotificationsUseCase watch, LiveStreamSettings settings,
            OpenStreams openStreams) {
        this.watch = watch;
        this.settings = settings;
        this.openStreams = openStreams;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            HttpServletResponse response) {
        UUID userId = CurrentUser.require().id();
        // tell buffering proxies (nginx) to pass events through at once
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-cache");
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        LiveStream stream = new LiveStream(emitter, settings.heartbeat());
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(error -> stream.close());
        // subscribe before reading what was missed, so nothing falls between the two
        Subscription subscription = watch.watch(userId, stream::offer);
        NotificationId resumeAfter = parse(lastEventId);
        openStreams.add(stream);
        Thread.ofVirtual().name("notification-stream-" + userId).start(() -> {
            try {
                stream.run(() -> resumeAfter == null ? List.<Notification>of()
                        : watch.missedSince(userId, resumeAfter, settings.resumeLimit()));
            } finally {
                subscription.close();
                openStreams.remove(stream);
            }
        });
        return emitter;
    }

    private static @Nullable NotificationId parse(@Nullable String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return new NotificationId(UUID.fromString(lastEventId.trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
