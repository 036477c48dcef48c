package io.ticketing.gateway.adapter.out.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.ticketing.gateway.application.port.in.Requester;
import io.ticketing.gateway.application.port.out.TicketLookup;
import io.ticketing.gateway.application.port.out.TicketLookupPort;
import io.ticketing.gateway.config.GatewayProperties;
import io.ticketing.gateway.domain.TicketSnapshot;
import io.ticketing.gateway.domain.TicketStatus;
import io.ticketing.platform.command.CommandClient;
import io.ticketing.platform.messaging.Subjects;
import io.ticketing.proto.commands.v1.CommandReply;
import io.ticketing.proto.commands.v1.LookupTicket;
import io.ticketing.proto.commands.v1.Problem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks ticket-service over NATS request-reply, on the caller's behalf: the identity headers travel with the
 * request, so ticket-service finds only the caller's own ticket (any ticket for an ADMIN). One replica of the
 * queue group answers; none answering in time is {@link TicketLookup.Unknown}.
 */
@Component
class TicketLookupNatsAdapter implements TicketLookupPort {

    static final String LOOKUP = Subjects.request("ticket", LookupTicket.class);
    private static final Logger log = LoggerFactory.getLogger(TicketLookupNatsAdapter.class);

    private final CommandClient commands;
    private final JsonMapper json;
    private final GatewayProperties properties;

    TicketLookupNatsAdapter(CommandClient commands, JsonMapper json, GatewayProperties properties) {
        this.commands = commands;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public Mono<TicketLookup> find(UUID ticketId, Requester requester) {
        CommandClient.Caller caller = TicketCommandNatsAdapter.caller(requester);
        LookupTicket request = LookupTicket.newBuilder().setTicketId(ticketId.toString()).build();
        return Mono.defer(() -> Mono.fromFuture(commands.request(LOOKUP, request, caller,
                        properties.ticketLookupTimeout())))
                .map(reply -> read(ticketId, reply))
                .onErrorResume(e -> {
                    log.info("ticket-service lookup of {} failed ({}); deciding without it", ticketId, e.toString());
                    return Mono.just(new TicketLookup.Unknown(e.toString()));
                });
    }

    private TicketLookup read(UUID ticketId, CommandReply reply) {
        return switch (reply.getOutcomeCase()) {
            case SUCCEEDED -> snapshot(ticketId, reply.getSucceeded().getBody().toByteArray());
            case PROBLEM -> problem(reply.getProblem());
            case OUTCOME_NOT_SET -> new TicketLookup.Unknown("empty reply");
        };
    }

    private static TicketLookup problem(Problem problem) {
        return problem.getStatus() == HttpStatus.NOT_FOUND.value() ? new TicketLookup.Missing()
                : new TicketLookup.Unknown("problem " + problem.getStatus() + ": " + problem.getDetail());
    }

    private TicketLookup snapshot(UUID ticketId, byte[] body) {
        JsonNode ticket;
        try {
            ticket = json.readTree(body);
        } catch (JacksonException e) {
            return new TicketLookup.Unknown("unreadable reply: " + e.getOriginalMessage());
        }
        TicketStatus status;
        try {
            status = TicketStatus.valueOf(ticket.path("status").asString(""));
        } catch (IllegalArgumentException e) {
            return new TicketLookup.Unknown("unknown status " + ticket.path("status"));
        }
        String hash = ticket.path("requestHash").asString("");
        return new TicketLookup.Found(new TicketSnapshot(ticketId, status, hash.isEmpty() ? null : hash,
                instant(ticket.path("departure").asString(""))));
    }

    private static @Nullable Instant instant(String value) {
        try {
            return value.isEmpty() ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
