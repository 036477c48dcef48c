package io.ticketing.systemtest.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Booking helpers: accept, then long-poll until the ticket leaves PENDING. */
public final class Tickets {

    /** The states a ticket never leaves. */
    public static final Set<String> FINAL_STATUSES = Set.of("CONFIRMED", "REJECTED", "EXPIRED", "CANCELLED");

    private Tickets() {
    }

    /** Books and returns the accepted ticket id (asserts 202 + Location). */
    public static String book(Session who, Map<String, Object> body) {
        Api.Response accepted = who.api().bookTicket(body);
        assertThat(accepted.status()).as("booking: %s", accepted).isEqualTo(202);
        String id = accepted.text("id");
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/tickets/" + id);
        Summary.count("bookings attempted");
        return id;
    }

    /** The ticket once it is no longer PENDING (or as it is after {@code max}). */
    public static JsonNode awaitSettled(Session who, String ticketId, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        JsonNode ticket;
        do {
            Api.Response response = who.api().get("/api/v1/tickets/" + ticketId + "?wait=10s");
            assertThat(response.status()).as("ticket %s: %s", ticketId, response).isEqualTo(200);
            ticket = response.json();
        } while ("PENDING".equals(ticket.path("status").asString()) && System.nanoTime() < deadline);
        return ticket;
    }

    public static JsonNode awaitSettled(Session who, String ticketId) {
        return awaitSettled(who, ticketId, Duration.ofSeconds(60));
    }

    public static JsonNode awaitStatus(Session who, String ticketId, String status, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        JsonNode ticket;
        do {
            ticket = who.api().get("/api/v1/tickets/" + ticketId).json();
            if (status.equals(ticket.path("status").asString())) {
                return ticket;
            }
            Stack.sleep(100);
        } while (System.nanoTime() < deadline);
        return ticket;
    }

    /** The ticket ids of the user's notifications other than the welcome, one entry per notification. */
    public static List<String> outcomeNotifications(Session user) {
        List<String> ticketIds = new ArrayList<>();
        int page = 0;
        JsonNode items;
        do {
            Api.Response list = user.api().get("/api/v1/notifications?size=100&page=" + page++);
            assertThat(list.status()).as("notifications: %s", list).isEqualTo(200);
            items = list.json().path("items");
            for (JsonNode n : items) {
                if (!n.path("type").asString().equals("WELCOME")) {
                    ticketIds.add(n.path("ticketId").asString());
                }
            }
        } while (items.size() == 100);
        return ticketIds;
    }
}
