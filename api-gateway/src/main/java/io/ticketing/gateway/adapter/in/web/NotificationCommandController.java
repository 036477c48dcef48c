package io.ticketing.gateway.adapter.in.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.ticketing.platform.messaging.Subjects;
import io.ticketing.proto.commands.v1.MarkNotificationRead;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Notifications", description = "Commands to notification-service")
class NotificationCommandController {

    private final RequestReply commands;

    NotificationCommandController(RequestReply commands) {
        this.commands = commands;
    }

    @Operation(summary = "Mark one of your notifications read (USER)")
    @ApiResponse(responseCode = "204", description = "Marked read")
    @ApiResponse(responseCode = "404", description = "No such notification of yours")
    @PostMapping("/api/v1/notifications/{id}/read")
    Mono<ResponseEntity<Void>> markRead(@PathVariable UUID id, ServerWebExchange exchange) {
        return commands.noContent(Subjects.request("notification", MarkNotificationRead.class),
                MarkNotificationRead.newBuilder().setNotificationId(id.toString()).build(), exchange);
    }
}
