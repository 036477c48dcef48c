package io.ticketing.ticket.adapter.in.messaging;

import java.time.Instant;
import java.util.UUID;

import io.ticketing.platform.command.RequestDefinition;
import io.ticketing.platform.command.RequestHandler;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;
import io.ticketing.platform.messaging.InboundContext;
import io.ticketing.platform.security.CurrentUser;
import io.ticketing.proto.commands.v1.LookupTicket;
import io.ticketing.ticket.application.port.in.GetTicketQuery;
import io.ticketing.ticket.application.port.in.Viewer;
import io.ticketing.ticket.domain.model.Booking;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketId;
import io.ticketing.ticket.domain.model.TicketNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's look at a ticket before it stores a booking or cancellation command. Over NATS request-reply
 * rather than HTTP: it runs on every booking, and here it costs one indexed read instead of a servlet request
 * with its token check and JSON, on both sides.
 */
@Configuration(proxyBeanMethods = false)
class TicketRequests {

    private static final String SERVICE = "ticket";

    /** What the gateway needs to answer a replayed key, refuse a reused one, and refuse a late cancellation. */
    record TicketLookupReply(String status, String requestHash, @Nullable String departure) {

        static TicketLookupReply of(Ticket ticket) {
            Booking booking = ticket.booking();
            Instant departure = booking == null ? null : booking.from().departure();
            return new TicketLookupReply(ticket.status().name(), ticket.requestHash(),
                    departure == null ? null : departure.toString());
        }
    }

    @Bean
    RequestDefinition<LookupTicket> lookupTicketRequest(GetTicketQuery tickets) {
        // any role: the owner finds their ticket, an ADMIN any ticket, as on GET /api/v1/tickets/{id}
        return RequestDefinition.of(SERVICE, LookupTicket.getDefaultInstance(), RequestDefinition.ANYONE,
                (request, context) -> {
                    TicketId id = ticketId(request);
                    Ticket ticket = tickets.get(id, viewer(context));
                    return new RequestHandler.Reply(id.value().toString(), TicketLookupReply.of(ticket));
                });
    }

    private static Viewer viewer(InboundContext context) {
        UUID userId = context.userId();
        if (userId == null) {
            throw new DomainProblem(ProblemKind.UNAUTHORIZED, "Looking up a ticket needs an authenticated caller");
        }
        return new Viewer(userId, context.hasRole(CurrentUser.ADMIN));
    }

    /** An id that is not a UUID names no ticket: the same answer as any unknown id. */
    private static TicketId ticketId(LookupTicket request) {
        try {
            return new TicketId(UUID.fromString(request.getTicketId()));
        } catch (IllegalArgumentException e) {
            throw DomainProblem.notFound("No ticket " + request.getTicketId());
        }
    }
}
