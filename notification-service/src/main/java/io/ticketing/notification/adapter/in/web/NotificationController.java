package io.ticketing.notification.adapter.in.web;

import java.util.UUID;

import io.ticketing.notification.application.port.in.GetNotificationsQuery;
import io.ticketing.notification.application.port.in.GetNotificationsQuery.NotificationPage;
import io.ticketing.platform.security.CurrentUser;
import io.ticketing.platform.web.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications. Marking one read is a command ({@code MarkNotificationRead}) via the gateway. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final GetNotificationsQuery notifications;

    NotificationController(GetNotificationsQuery notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    PageResponse<NotificationResponse> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageResponse.PageRequest request = new PageResponse.PageRequest(page, size);
        UUID userId = CurrentUser.require().id();
        NotificationPage result = notifications.list(userId, request.offset(), request.size());
        return new PageResponse<>(result.items().stream().map(NotificationResponse::of).toList(), request.page(),
                request.size(), result.totalItems());
    }

    @GetMapping("/unread-count")
    UnreadCount unreadCount() {
        return new UnreadCount(notifications.countUnread(CurrentUser.require().id()));
    }

    record UnreadCount(long unread) {
    }
}
