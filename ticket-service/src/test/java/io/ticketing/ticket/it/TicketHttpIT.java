package io.ticketing.ticket.it;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.ticketing.platform.test.TestTokens;
import io.ticketing.ticket.support.SagaTestKit;
import io.ticketing.ticket.support.TicketServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TicketServiceIntegrationTest
class TicketHttpIT extends SagaTestKit {

    @Test
    void anotherUsersTicketIsNotFoundButAnAdminSeesIt() {
        UUID owner = UUID.randomUUID();
        Booking booking = bookPending(owner);

        Http stranger = get(TestTokens.user(UUID.randomUUID()), "/api/v1/tickets/" + booking.ticketId());
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(stranger.headers().firstValue("Idempotency-Request-Hash")).isEmpty();

        Http admin = get(TestTokens.admin(UUID.randomUUID()), "/api/v1/tickets/" + booking.ticketId());
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body().path("id").asString()).isEqualTo(booking.ticketId().toString());
    }

    @Test
    void unknownTicketsAndMissingTokensAreProblems() {
        assertThat(getTicket(UUID.randomUUID(), UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(getAnonymously("/api/v1/tickets/" + UUID.randomUUID()).status()).isEqualTo(401);
        Http badId = get(TestTokens.user(UUID.randomUUID()), "/api/v1/tickets/not-a-uuid");
        assertThat(badId.status()).isEqualTo(400);
    }

    @Test
    void listsOnlyOwnTicketsNewestFirstInPages() {
        UUID user = UUID.randomUUID();
        Booking first = bookPending(user);
        Booking second = bookPending(user);
        bookPending(UUID.randomUUID());

        Http page = get(TestTokens.user(user), "/api/v1/tickets?page=0&size=1");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("totalItems").asLong()).isEqualTo(2);
        assertThat(page.body().path("size").asInt()).isEqualTo(1);
        assertThat(page.body().path("items").get(0).path("id").asString()).isEqualTo(second.ticketId().toString());
        Http next = get(TestTokens.user(user), "/api/v1/tickets?page=1&size=1");
        assertThat(next.body().path("items").get(0).path("id").asString()).isEqualTo(first.ticketId().toString());
    }

    @Test
    void refusesBadPagingAndWaitValues() {
        String token = TestTokens.user(UUID.randomUUID());
        assertThat(get(token, "/api/v1/tickets?size=0").status()).isEqualTo(400);
        assertThat(get(token, "/api/v1/tickets?size=101").status()).isEqualTo(400);
        assertThat(get(token, "/api/v1/tickets?page=-1").status()).isEqualTo(400);
        Http badWait = get(token, "/api/v1/tickets/" + UUID.randomUUID() + "?wait=soon");
        assertThat(badWait.status()).isEqualTo(400);
        assertThat(badWait.body().path("errors").get(0).path("field").asString()).isEqualTo("wait");
    }

    @Test
    void aLongPollReturnsAsSoonAsTheTicketIsSettled() {
        UUID user = UUID.randomUUID();
        Booking booking = bookPending(user);

        CompletableFuture<Http> poll = getAsync(TestTokens.user(user),
                "/api/v1/tickets/" + booking.ticketId() + "?wait=30s");
        assertThat(poll).isNotDone();
        trainReserves(booking, DEPARTURE);

        // well within the 30 s it asked for: it was woken by the change, not by its timeout
        Http settled = await().atMost(PATIENCE).until(poll::join, r -> true);
        assertThat(settled.status()).isEqualTo(200);
        JsonNode ticket = settled.body();
        assertThat(ticket.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(ticket.path("seat").path("number").asString()).isEqualTo("3-12");
    }

    @Test
    void aLongPollOnASettledTicketAnswersAtOnce() {
        UUID user = UUID.randomUUID();
        Booking booking = bookConfirmed(user, DEPARTURE);

        Http response = get(TestTokens.user(user), "/api/v1/tickets/" + booking.ticketId() + "?wait=30s");

        assertThat(response.body().path("status").asString()).isEqualTo("CONFIRMED");
    }
}
