package io.ticketing.gateway.application.service;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.ticketing.gateway.application.port.in.BookTicketCommand;
import io.ticketing.gateway.application.port.in.BookTicketUseCase;
import io.ticketing.gateway.application.port.in.CancelTicketCommand;
import io.ticketing.gateway.application.port.in.CancelTicketUseCase;
import io.ticketing.gateway.application.port.in.Requester;
import io.ticketing.gateway.application.port.in.TicketAccepted;
import io.ticketing.gateway.application.port.out.RecentBookings;
import io.ticketing.gateway.application.port.out.TicketCommandPublisher;
import io.ticketing.gateway.application.port.out.TicketCommandPublisher.Publication;
import io.ticketing.gateway.application.port.out.TicketLookup;
import io.ticketing.gateway.application.port.out.TicketLookupPort;
import io.ticketing.gateway.domain.BookingRequest;
import io.ticketing.gateway.domain.TicketStatus;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;
import reactor.core.publisher.Mono;

/**
 * Turns bookings and cancellations into durable commands. The pre-check against ticket-service only answers
 * early; when ticket-service is unreachable the command is stored anyway and ticket-service applies the same
 * rules when it consumes it (first body wins for a ticket id). Until ticket-service has stored a booking, the
 * first request this replica published for its key decides whether another one is the same booking; a key whose
 * first request went through another replica is judged by the stored ticket, never answered 202 unchecked.
 */
public class TicketCommandService implements BookTicketUseCase, CancelTicketUseCase {

    private static final int MISSING_RECHECKS = 5;
    private static final Duration MISSING_RECHECK_PAUSE = Duration.ofMillis(200);

    private final TicketLookupPort tickets;
    private final TicketCommandPublisher commands;
    private final RecentBookings recentBookings;
    private final Clock clock;

    public TicketCommandService(TicketLookupPort tickets, TicketCommandPublisher commands,
            RecentBookings recentBookings, Clock clock) {
        this.tickets = tickets;
        this.commands = commands;
        this.recentBookings = recentBookings;
        this.clock = clock;
    }

    @Override
    public Mono<TicketAccepted> book(BookTicketCommand command) {
        UUID ticketId = BookingRequest.ticketId(command.requester().userId(), command.idempotencyKey());
        String hash = command.booking().requestHash();
        return tickets.find(ticketId, command.requester()).flatMap(lookup -> switch (lookup) {
            case TicketLookup.Found found -> {
                found.ticket().checkSameBooking(hash);
                yield Mono.just(accepted(ticketId));
            }
            case TicketLookup.Missing missing -> publishBooking(ticketId, hash, command);
            case TicketLookup.Unknown unknown -> publishBooking(ticketId, hash, command);
        });
    }

    /**
     * Not stored yet (or ticket-service unreachable): the first request this replica sent for the key, if any,
     * decides - another body is refused (422) here, not dropped silently later as JetStream's duplicate; the same
     * body is sent again, which JetStream and ticket-service take as the same booking. A command this replica did
     * not send may be in the stream already (another replica's, or this one's before a restart): the broker then
     * reports a duplicate, and only the stored ticket can tell whether it is the same booking.
     */
    private Mono<TicketAccepted> publishBooking(UUID ticketId, String hash, BookTicketCommand command) {
        String first = recentBookings.rememberFirst(ticketId, hash).orElse(null);
        BookingRequest.checkSameRequest(first, hash);
        return commands.book(ticketId, command.idempotencyKey(), command.booking(), command.requester())
                // not stored (503): the client may come back with any body
                .doOnError(notStored -> {
                    if (first == null) {
                        recentBookings.forget(ticketId, hash);
                    }
                })
                .flatMap(publication -> {
                    if (publication == Publication.STORED) {
                        recentBookings.stored(ticketId, hash);
                    } else if (!recentBookings.storedFirst(ticketId, hash)) {
                        // not this replica's first: even a request that found its body remembered here may have
                        // found one still in flight, which then met another replica's
                        return answerAsTheStoredBooking(ticketId, hash, command.requester());
                    }
                    return Mono.just(accepted(ticketId));
                });
    }

    /**
     * A booking is answered as its first request was, however far it has got since (API.md: the same key and body
     * again, the same answer): its Location tells the current status.
     */
    private static TicketAccepted accepted(UUID ticketId) {
        return new TicketAccepted(ticketId, TicketStatus.PENDING);
    }

    /**
     * Another request for this key reached the stream first: this one is accepted only if it is the same booking,
     * which ticket-service can tell once it has stored the first (within a second, normally). Until then neither a
     * 202 (the body may be dropped as a duplicate) nor a 422 (it may be the same) would be true: 503, try again.
     */
    private Mono<TicketAccepted> answerAsTheStoredBooking(UUID ticketId, String hash, Requester requester) {
        recentBookings.forget(ticketId, hash);
        return findAllowingForItsBooking(ticketId, requester, MISSING_RECHECKS).map(lookup -> {
            if (lookup instanceof TicketLookup.Found found) {
                found.ticket().checkSameBooking(hash);
                return accepted(ticketId);
            }
            throw new DomainProblem(ProblemKind.UNAVAILABLE, "An earlier request with this Idempotency-Key is "
                    + "still being stored; retry with the same key");
        });
    }

    @Override
    public Mono<TicketAccepted> cancel(CancelTicketCommand command) {
        UUID ticketId = command.ticketId();
        return findAllowingForItsBooking(ticketId, command.requester(), MISSING_RECHECKS)
                .flatMap(lookup -> switch (lookup) {
                    case TicketLookup.Found found -> {
                        found.ticket().checkCancellable(clock.instant());
                        yield commands.cancel(ticketId, command.requester())
                                .thenReturn(new TicketAccepted(ticketId, found.ticket().status()));
                    }
                    // the code ticket-service gives an unknown ticket on GET, so both answers read the same
                    case TicketLookup.Missing missing -> Mono.error(
                            new DomainProblem(ProblemKind.NOT_FOUND, "TICKET_NOT_FOUND", "No ticket " + ticketId));
                    // ticket-service is down: it checks ownership and state when it consumes the command
                    case TicketLookup.Unknown unknown -> commands.cancel(ticketId, command.requester())
                            .thenReturn(new TicketAccepted(ticketId, null));
                });
    }

    /**
     * A ticket booked a moment ago may not be stored yet (its command is on its way to ticket-service): a cancel
     * right after the 202 must not be told 404, nor a repeated booking be judged without it, so "missing" is asked
     * again a few times within a second before it stands.
     */
    private Mono<TicketLookup> findAllowingForItsBooking(UUID ticketId, Requester requester, int rechecksLeft) {
        return tickets.find(ticketId, requester).flatMap(lookup ->
                lookup instanceof TicketLookup.Missing && rechecksLeft > 0
                        ? Mono.delay(MISSING_RECHECK_PAUSE)
                                .then(findAllowingForItsBooking(ticketId, requester, rechecksLeft - 1))
                        : Mono.just(lookup));
    }
}
