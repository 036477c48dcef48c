package io.ticketing.gateway.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.ticketing.gateway.adapter.out.memory.InMemoryRecentBookings;
import io.ticketing.gateway.application.port.in.BookTicketCommand;
import io.ticketing.gateway.application.port.in.CancelTicketCommand;
import io.ticketing.gateway.application.port.in.Requester;
import io.ticketing.gateway.application.port.in.TicketAccepted;
import io.ticketing.gateway.application.port.out.TicketCommandPublisher;
import io.ticketing.gateway.application.port.out.TicketLookup;
import io.ticketing.gateway.domain.BookingRequest;
import io.ticketing.gateway.domain.SeatClass;
import io.ticketing.gateway.domain.TicketSnapshot;
import io.ticketing.gateway.domain.TicketStatus;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketCommandServiceTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private final Requester requester = new Requester(UUID.randomUUID(), Set.of("USER"), "corr", "tp");
    private final BookingRequest booking = new BookingRequest(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            null, SeatClass.FIRST, "Ann");
    private final List<String> published = new ArrayList<>();
    private TicketLookup lookup = new TicketLookup.Missing();
    private boolean failPublishing;
    /** The broker holds a booking with this id already, sent through another replica. */
    private boolean publishedElsewhere;
    /** Lookups left that still find nothing, as before ticket-service stored a booking published elsewhere. */
    private int missingLookups;

    private final InMemoryRecentBookings recentBookings = new InMemoryRecentBookings(Duration.ofMinutes(2));
    private final TicketCommandService service = new TicketCommandService((id, who) -> Mono.fromSupplier(
            () -> missingLookups-- > 0 ? new TicketLookup.Missing() : lookup),
            new TicketCommandPublisher() {
                @Override
                public Mono<Publication> book(UUID ticketId, String key, BookingRequest b, Requester r) {
                    if (failPublishing) {
                        return Mono.error(new IllegalStateException("JetStream unreachable"));
                    }
                    if (publishedElsewhere) {
                        return Mono.just(Publication.DUPLICATE);
                    }
                    published.add("book " + ticketId);
                    return Mono.just(Publication.STORED);
                }

                @Override
                public Mono<Void> cancel(UUID ticketId, Requester r) {
                    return Mono.fromRunnable(() -> published.add("cancel " + ticketId));
                }
            }, recentBookings, Clock.fixed(NOW, ZoneOffset.UTC));

    private TicketAccepted book() {
        return service.book(new BookTicketCommand(requester, "key", booking)).block();
    }

    private UUID ticketId() {
        return BookingRequest.ticketId(requester.userId(), "key");
    }

    @Test
    void publishesANewBookingAsPending() {
        assertThat(book()).isEqualTo(new TicketAccepted(ticketId(), TicketStatus.PENDING));
        assertThat(published).containsExactly("book " + ticketId());
    }

    @Test
    void publishesWhenTicketServiceCannotBeAsked() {
        lookup = new TicketLookup.Unknown("connection refused");
        assertThat(book().status()).isEqualTo(TicketStatus.PENDING);
        assertThat(published).hasSize(1);
    }

    @Test
    void answersTheSameBodyAsTheFirstRequestWasAnsweredEvenOnceTheTicketHasMovedOn() {
        lookup = new TicketLookup.Found(
                new TicketSnapshot(ticketId(), TicketStatus.CONFIRMED, booking.requestHash(), null));
        assertThat(book()).isEqualTo(new TicketAccepted(ticketId(), TicketStatus.PENDING));
        assertThat(published).isEmpty();
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        lookup = new TicketLookup.Found(new TicketSnapshot(ticketId(), TicketStatus.PENDING, "other", null));
        assertThatThrownBy(this::book).isInstanceOfSatisfying(DomainProblem.class,
                p -> assertThat(p.kind()).isEqualTo(ProblemKind.RULE_VIOLATED));
        assertThat(published).isEmpty();
    }

    @Test
    void refusesAnotherBodyForAKeyWhoseFirstBookingIsNotStoredYet() {
        book();
        BookingRequest other = new BookingRequest(booking.tripId(), booking.fromStationId(), booking.toStationId(),
                null, SeatClass.SECOND, "Bob");

        assertThatThrownBy(() -> service.book(new BookTicketCommand(requester, "key", other)).block())
                .isInstanceOfSatisfying(DomainProblem.class,
                        p -> assertThat(p.kind()).isEqualTo(ProblemKind.RULE_VIOLATED));
        assertThat(book().status()).as("the same body again is the same booking").isEqualTo(TicketStatus.PENDING);
        assertThat(published).containsExactly("book " + ticketId(), "book " + ticketId());
    }

    @Test
    void aKeyFirstUsedThroughAnotherReplicaIsJudgedByTheTicketStoredForIt() {
        publishedElsewhere = true;
        // the lookup before publishing and two rechecks find nothing yet; then ticket-service has stored it
        missingLookups = 3;
        lookup = new TicketLookup.Found(new TicketSnapshot(ticketId(), TicketStatus.PENDING, "other", null));
        assertThatThrownBy(this::book).isInstanceOfSatisfying(DomainProblem.class,
                p -> assertThat(p.kind()).isEqualTo(ProblemKind.RULE_VIOLATED));

        missingLookups = 3;
        lookup = new TicketLookup.Found(
                new TicketSnapshot(ticketId(), TicketStatus.CONFIRMED, booking.requestHash(), null));
        assertThat(book().status()).as("the same booking, sent again through another replica")
                .isEqualTo(TicketStatus.PENDING);
        assertThat(published).isEmpty();
    }

    @Test
    void aRequestFindingItsBodyInFlightHereIsStillJudgedByTheTicketWhenTheStreamHeldAnotherReplicas() {
        publishedElsewhere = true;
        lookup = new TicketLookup.Found(new TicketSnapshot(ticketId(), TicketStatus.PENDING, "other", null));
        // an identical request through this replica is in flight: it has remembered the body, has no answer yet
        recentBookings.rememberFirst(ticketId(), booking.requestHash());

        assertThatThrownBy(this::book).isInstanceOfSatisfying(DomainProblem.class,
                p -> assertThat(p.kind()).isEqualTo(ProblemKind.RULE_VIOLATED));
    }

    @Test
    void theSameBodyAgainAfterThisReplicasFirstWasStoredIsAcceptedAtOnce() {
        assertThat(book().status()).isEqualTo(TicketStatus.PENDING);
        // JetStream takes the second as a duplicate of this replica's own first: nothing to look up
        publishedElsewhere = true;
        lookup = new TicketLookup.Unknown("ticket-service down");
        assertThat(book().status()).isEqualTo(TicketStatus.PENDING);
    }

    @Test
    void aKeyFirstUsedThroughAnotherReplicaIsNeitherAcceptedNorRefusedUntilItsTicketIsStored() {
        publishedElsewhere = true;
        lookup = new TicketLookup.Missing();
        assertThatThrownBy(this::book).isInstanceOfSatisfying(DomainProblem.class,
                p -> assertThat(p.kind()).isEqualTo(ProblemKind.UNAVAILABLE));
        lookup = new TicketLookup.Unknown("ticket-service down");
        assertThatThrownBy(this::book).isInstanceOfSatisfying(DomainProblem.class,
                p -> assertThat(p.kind()).isEqualTo(ProblemKind.UNAVAILABLE));

        publishedElsewhere = false;
        BookingRequest other = new BookingRequest(booking.tripId(), booking.fromStationId(), booking.toStationId(),
                null, SeatClass.SECOND, "Bob");
        assertThat(service.book(new BookTicketCommand(requester, "key", other)).block().status())
                .as("the body this replica could not judge was not remembered as the key's first")
                .isEqualTo(TicketStatus.PENDING);
    }

    @Test
    void aBookingThatWasNotStoredBindsTheKeyToNothing() {
        failPublishing = true;
        assertThatThrownBy(this::book).isInstanceOf(IllegalStateException.class);
        failPublishing = false;
        BookingRequest other = new BookingRequest(booking.tripId(), booking.fromStationId(), booking.toStationId(),
                null, SeatClass.SECOND, "Bob");

        assertThat(service.book(new BookTicketCommand(requester, "key", other)).block().status())
                .isEqualTo(TicketStatus.PENDING);
    }

    @Test
    void cancellationRefusesUnknownFinalAndDepartedTickets() {
        UUID id = UUID.randomUUID();
        CancelTicketCommand cancel = new CancelTicketCommand(requester, id);
        lookup = new TicketLookup.Missing();
        assertThatThrownBy(() -> service.cancel(cancel).block()).isInstanceOfSatisfying(DomainProblem.class,
                p -> assertThat(p.kind()).isEqualTo(ProblemKind.NOT_FOUND));
        lookup = new TicketLookup.Found(new TicketSnapshot(id, TicketStatus.EXPIRED, null, NOW.plusSeconds(60)));
        assertThatThrownBy(() -> service.cancel(cancel).block()).isInstanceOfSatisfying(DomainProblem.class,
                p -> assertThat(p.kind()).isEqualTo(ProblemKind.CONFLICT));
        lookup = new TicketLookup.Found(new TicketSnapshot(id, TicketStatus.CONFIRMED, null, NOW.minusSeconds(60)));
        assertThatThrownBy(() -> service.cancel(cancel).block()).isInstanceOfSatisfying(DomainProblem.class,
                p -> assertThat(p.kind()).isEqualTo(ProblemKind.RULE_VIOLATED));
        assertThat(published).isEmpty();
    }

    @Test
    void cancellationIsPublishedForAnUpcomingTicketOrWhenTicketServiceIsDown() {
        UUID id = UUID.randomUUID();
        lookup = new TicketLookup.Found(new TicketSnapshot(id, TicketStatus.CONFIRMED, null, NOW.plusSeconds(60)));
        assertThat(service.cancel(new CancelTicketCommand(requester, id)).block())
                .isEqualTo(new TicketAccepted(id, TicketStatus.CONFIRMED));
        lookup = new TicketLookup.Unknown("HTTP 503");
        assertThat(service.cancel(new CancelTicketCommand(requester, id)).block().status()).isNull();
        assertThat(published).containsExactly("cancel " + id, "cancel " + id);
    }
}
