package io.ticketing.gateway.adapter.out.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.google.protobuf.Message;
import io.nats.client.api.PublishAck;
import io.ticketing.gateway.application.port.in.Requester;
import io.ticketing.gateway.application.port.out.TicketCommandPublisher;
import io.ticketing.gateway.config.GatewayProperties;
import io.ticketing.gateway.domain.BookingRequest;
import io.ticketing.platform.command.CommandClient;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;
import io.ticketing.platform.messaging.Subjects;
import io.ticketing.proto.commands.v1.BookTicket;
import io.ticketing.proto.commands.v1.CancelTicket;
import io.ticketing.proto.common.v1.SeatClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Publishes ticket commands to the COMMANDS stream with de-duplication ids derived from ticket and caller. */
@Component
class TicketCommandNatsAdapter implements TicketCommandPublisher {

    private static final Logger log = LoggerFactory.getLogger(TicketCommandNatsAdapter.class);
    static final String BOOK = Subjects.command("ticket", BookTicket.class);
    static final String CANCEL = Subjects.command("ticket", CancelTicket.class);

    private final CommandClient commands;
    private final GatewayProperties properties;

    TicketCommandNatsAdapter(CommandClient commands, GatewayProperties properties) {
        this.commands = commands;
        this.properties = properties;
    }

    @Override
    public Mono<Publication> book(UUID ticketId, String idempotencyKey, BookingRequest booking, Requester requester) {
        BookTicket.Builder command = BookTicket.newBuilder()
                .setTicketId(ticketId.toString())
                .setIdempotencyKey(idempotencyKey)
                .setRequestHash(booking.requestHash())
                .setTripId(booking.tripId().toString())
                .setFromStationId(booking.fromStationId().toString())
                .setToStationId(booking.toStationId().toString())
                .setPassengerName(booking.passengerName());
        if (booking.seatId() != null) {
            command.setSeatId(booking.seatId().toString());
        }
        if (booking.seatClass() != null) {
            command.setSeatClass(switch (booking.seatClass()) {
                case FIRST -> SeatClass.SEAT_CLASS_FIRST;
                case SECOND -> SeatClass.SEAT_CLASS_SECOND;
            });
        }
        return publish(BOOK, ticketId.toString(), command.build(), requester)
                .map(ack -> ack.isDuplicate() ? Publication.DUPLICATE : Publication.STORED);
    }

    @Override
    public Mono<Void> cancel(UUID ticketId, Requester requester) {
        // one id per ticket and caller: a traveller's repeated cancellations are stored and handled once, while
        // a stranger's (published blindly while the lookup is down, then ignored) cannot use up the owner's id
        String messageId = UUID.nameUUIDFromBytes(("cancel:" + ticketId + ":" + requester.userId())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return publish(CANCEL, messageId, CancelTicket.newBuilder().setTicketId(ticketId.toString()).build(),
                requester).then();
    }

    private Mono<PublishAck> publish(String subject, String messageId, Message command, Requester requester) {
        CommandClient.Caller caller = caller(requester);
        return Mono.defer(() -> Mono.fromFuture(commands.publishDurably(subject, messageId, command, caller)))
                .timeout(properties.commandTimeout())
                .onErrorMap(e -> !(e instanceof DomainProblem), e -> {
                    log.warn("Could not store {} {} (correlation {}): {}", subject, messageId,
                            requester.correlationId(),
                            e instanceof TimeoutException ? "no PubAck in time" : e.toString());
                    return new DomainProblem(ProblemKind.UNAVAILABLE,
                            "The command could not be stored right now; retry with the same Idempotency-Key");
                });
    }

    /** The verified caller's identity and trace context, as headers of every command and lookup for them. */
    static CommandClient.Caller caller(Requester requester) {
        return new CommandClient.Caller(requester.userId(), requester.roles(), requester.correlationId(),
                requester.traceparent());
    }
}
