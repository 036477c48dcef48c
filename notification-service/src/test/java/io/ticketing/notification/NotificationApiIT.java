package io.ticketing.notification;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.ticketing.notification.support.Events;
import io.ticketing.notification.support.NotificationIntegrationTest;
import io.ticketing.notification.support.TestFixture;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.platform.test.TestTokens;
import io.ticketing.proto.commands.v1.CommandReply;
import io.ticketing.proto.commands.v1.MarkNotificationRead;
import io.ticketing.proto.events.v1.CancellationCause;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@NotificationIntegrationTest
class NotificationApiIT {

    @Autowired
    TestFixture fx;

    @Test
    void listsOnlyTheCallersNotificationsNewestFirstInPages() {
        UUID ada = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        fx.registered(ada);
        fx.registered(other);
        UUID booked = UUID.randomUUID();
        fx.awaitNotificationFor(fx.publishTicketEvent(Events.ticketBooked(ada, booked)));
        fx.awaitNotificationFor(fx.publishTicketEvent(
                Events.ticketCancelled(ada, booked, CancellationCause.CANCELLATION_CAUSE_BY_TRAVELLER)));

        JsonNode first = ok(fx.get("/api/v1/notifications?page=0&size=2", TestTokens.user(ada)));
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("totalItems").asLong()).isEqualTo(3);
        assertThat(types(first)).containsExactly("TICKET_CANCELLED", "TICKET_BOOKED");
        JsonNode newest = first.get("items").get(0);
        assertThat(newest.get("ticketId").asString()).isEqualTo(booked.toString());
        assertThat(newest.get("read").asBoolean()).isFalse();
        assertThat(newest.get("createdAt").asString()).endsWith("Z");
        assertThat(newest.get("title").asString()).startsWith("Ticket cancelled: train IC 2041");

        JsonNode second = ok(fx.get("/api/v1/notifications?page=1&size=2", TestTokens.user(ada)));
        assertThat(types(second)).containsExactly("WELCOME");
        assertThat(second.get("items").get(0).has("ticketId")).isFalse();
    }

    @Test
    void markingReadLowersTheUnreadCount() {
        UUID ada = UUID.randomUUID();
        fx.registered(ada);
        fx.awaitNotificationFor(fx.publishTicketEvent(Events.ticketBooked(ada, UUID.randomUUID())));
        assertThat(unread(ada)).isEqualTo(2);
        String id = ok(fx.get("/api/v1/notifications", TestTokens.user(ada))).get("items").get(0).get("id").asString();

        CommandReply reply = markRead(id, ada);
        assertThat(reply.hasSucceeded()).isTrue();
        assertThat(reply.getSucceeded().getBody().toStringUtf8()).isEqualTo("{}");
        assertThat(unread(ada)).isEqualTo(1);
        assertThat(ok(fx.get("/api/v1/notifications", TestTokens.user(ada))).get("items").get(0).get("read")
                .asBoolean()).isTrue();

        assertThat(markRead(id, ada).hasSucceeded()).as("marking twice is harmless").isTrue();
        assertThat(unread(ada)).isEqualTo(1);
    }

    @Test
    void anotherUsersOrAnUnknownNotificationIsNotFound() {
        UUID ada = UUID.randomUUID();
        UUID mallory = UUID.randomUUID();
        fx.registered(ada);
        String adas = ok(fx.get("/api/v1/notifications", TestTokens.user(ada))).get("items").get(0).get("id")
                .asString();

        assertThat(markRead(adas, mallory).getProblem().getStatus()).isEqualTo(404);
        assertThat(markRead(UUID.randomUUID().toString(), ada).getProblem().getStatus()).isEqualTo(404);
        assertThat(markRead("not-an-id", ada).getProblem().getStatus()).isEqualTo(404);
        assertThat(unread(ada)).isEqualTo(1);
    }

    @Test
    void refusesCallsWithoutAValidTokenAndBadPaging() {
        HttpResponse<String> anonymous = fx.get("/api/v1/notifications", "");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fx.get("/api/v1/notifications", "not.a.token").statusCode()).isEqualTo(401);

        HttpResponse<String> badSize = fx.get("/api/v1/notifications?size=101", TestTokens.user(UUID.randomUUID()));
        assertThat(badSize.statusCode()).isEqualTo(400);
        assertThat(fx.json(badSize.body()).get("errors").get(0).get("field").asString()).isEqualTo("size");
    }

    private long unread(UUID userId) {
        return ok(fx.get("/api/v1/notifications/unread-count", TestTokens.user(userId))).get("unread").asLong();
    }

    private CommandReply markRead(String notificationId, UUID caller) {
        Headers headers = new Headers()
                .put(MessageHeaders.MESSAGE_ID, UUID.randomUUID().toString())
                .put(MessageHeaders.USER_ID, caller.toString())
                .put(MessageHeaders.ROLES, "USER");
        try {
            Message answer = fx.nats().request("requests.notification.MarkNotificationRead", headers,
                    MarkNotificationRead.newBuilder().setNotificationId(notificationId).build().toByteArray(),
                    Duration.ofSeconds(10));
            return CommandReply.parseFrom(answer.getData());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return fx.json(response.body());
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.get("items").forEach(item -> types.add(item.get("type").asString()));
        return types;
    }
}
