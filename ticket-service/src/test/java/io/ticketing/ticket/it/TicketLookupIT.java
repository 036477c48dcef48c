package io.ticketing.ticket.it;

import java.util.UUID;

import io.ticketing.proto.commands.v1.CommandReply;
import io.ticketing.ticket.support.SagaTestKit;
import io.ticketing.ticket.support.TicketServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's look at a ticket before it stores a command, over NATS request-reply. */
@TicketServiceIntegrationTest
class TicketLookupIT extends SagaTestKit {

    @Test
    void theOwnerFindsTheTicketsStatusRequestHashAndDeparture() {
        UUID owner = UUID.randomUUID();
        Booking booking = bookConfirmed(owner, DEPARTURE);

        CommandReply reply = lookup(booking.ticketId().toString(), owner, "USER");

        assertThat(reply.hasSucceeded()).isTrue();
        assertThat(reply.getSucceeded().getResourceId()).isEqualTo(booking.ticketId().toString());
        JsonNode body = json.readTree(reply.getSucceeded().getBody().toByteArray());
        assertThat(body.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(body.path("requestHash").asString()).isEqualTo(booking.command().getRequestHash());
        assertThat(body.path("departure").asString()).isEqualTo(DEPARTURE.toString());
    }

    @Test
    void aPendingTicketHasNoDepartureYet() {
        UUID owner = UUID.randomUUID();
        Booking booking = bookPending(owner);

        JsonNode body = json.readTree(lookup(booking.ticketId().toString(), owner, "USER").getSucceeded()
                .getBody().toByteArray());

        assertThat(body.path("status").asString()).isEqualTo("PENDING");
        assertThat(body.path("departure").isNull()).isTrue();
    }

    @Test
    void anotherUsersTicketIsNotFoundButAnAdminFindsIt() {
        Booking booking = bookPending(UUID.randomUUID());

        CommandReply stranger = lookup(booking.ticketId().toString(), UUID.randomUUID(), "USER");
        assertThat(stranger.getProblem().getStatus()).isEqualTo(404);
        CommandReply admin = lookup(booking.ticketId().toString(), UUID.randomUUID(), "ADMIN");
        assertThat(admin.hasSucceeded()).isTrue();
    }

    @Test
    void unknownAndMalformedIdsAreNotFoundAndAnAnonymousCallerIsRefused() {
        assertThat(lookup(UUID.randomUUID().toString(), UUID.randomUUID(), "USER").getProblem().getStatus())
                .isEqualTo(404);
        assertThat(lookup("not-a-uuid", UUID.randomUUID(), "USER").getProblem().getStatus()).isEqualTo(404);
        assertThat(lookup(UUID.randomUUID().toString(), null, "USER").getProblem().getStatus()).isEqualTo(401);
    }

}
