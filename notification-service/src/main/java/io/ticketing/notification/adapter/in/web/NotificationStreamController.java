package io.ticketing.notification.adapter.in.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.ticketing.notification.application.port.in.TooManyOpenStreams;
import io.ticketing.notification.application.port.in.WatchNotificationsUseCase;
import io.ticketing.notification.application.port.in.WatchNotificationsUseCase.Subscription;
import io.ticketing.notification.config.LiveStreamSettings;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;
import io.ticketing.platform.security.CurrentUser;
import io.ticketing.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/notifications/stream}: the caller's new notifications as server-sent events
 * (id = notification id, data = its JSON), in the order they were stored. A browser's EventSource sends
 * {@code Last-Event-ID} when it reconnects and gets what was stored after that one.
 */
@RestController
class NotificationStreamController {

    static final String PATH = "/api/v1/notifications/stream";

    private final WatchNotificationsUseCase watch;
    private final LiveStreamSettings settings;
    private final OpenStreams openStreams;
    private final Clock clock;

    NotificationStreamController(WatchNotificationsUseCase watch, LiveStreamSettings settings,
            OpenStreams openStreams, Clock clock) {
        this.watch = watch;
        this.settings = settings;
        this.openStreams = openStreams;
        this.clock = clock;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            HttpServletResponse response) {
        UUID userId = CurrentUser.require().id();
        SseEmitter emitter = new SseEmitter(openFor(CurrentUser.tokenExpiresAt()).toMillis());
        LiveStream stream = new LiveStream(emitter, settings.heartbeat(), settings.pageSize());
        // throws when the user has too many streams open already
        Subscription subscription = watch.watch(userId, parse(lastEventId), stream::wakeUp);
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(error -> stream.close());
        // tell buffering proxies (nginx) to pass events through at once
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-cache");
        openStreams.add(stream);
        Thread.ofVirtual().name("notification-stream-" + userId).start(() -> {
            try {
                stream.run(subscription);
            } finally {
                subscription.close();
                openStreams.remove(stream);
            }
        });
        return emitter;
    }

    /**
     * No longer than the token that opened it is valid: a stream must not go on delivering to a token that has
     * expired (or was stolen and has); the client reconnects with its refreshed token and {@code Last-Event-ID}.
     * A token past its expiry but within the verifier's clock skew is refused here: a stream it opened would end
     * at once, and a browser's EventSource would reconnect with it again and again.
     */
    private Duration openFor(@Nullable Instant tokenExpiresAt) {
        if (tokenExpiresAt == null) {
            return settings.timeout();
        }
        Duration tokenLeft = Duration.between(clock.instant(), tokenExpiresAt);
        if (tokenLeft.isNegative() || tokenLeft.isZero()) {
            throw new DomainProblem(ProblemKind.UNAUTHORIZED, "The token has expired");
        }
        return tokenLeft.compareTo(settings.timeout()) < 0 ? tokenLeft : settings.timeout();
    }

    /**
     * Problem+json with the Retry-After a 429 promises, although the client asked for an event stream: a
     * browser's EventSource does not retry a refused stream on its own, so its page has to.
     */
    @ExceptionHandler(TooManyOpenStreams.class)
    ResponseEntity<ProblemDetail> tooManyStreams(TooManyOpenStreams problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.kind().status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfter().toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.of(problem, request.getRequestURI()));
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
