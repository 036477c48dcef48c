package io.ticketing.ticket.domain.model;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.ticketing.ticket.domain.model.TicketMother.DEADLINE;
import static io.ticketing.ticket.domain.model.TicketMother.DEPARTURE;
import static io.ticketing.ticket.domain.model.TicketMother.NOW;
import static io.ticketing.ticket.domain.model.TicketMother.booking;
import static io.ticketing.ticket.domain.model.TicketMother.inState;
import static io.ticketing.ticket.domain.model.TicketMother.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The booking saga: every input in every state, including late and duplicate answers. */
class TicketTest {

    private static final Instant LATER = NOW.plusSeconds(5);
    private static final Rejection SEAT_TAKEN = new Rejection("SEAT_TAKEN", "seat 3-12 is taken");

    @Nested
    class Requesting {

        @Test
        void aNewRequestWaitsForASeatUntilItsDeadline() {
            Transition t = Ticket.request(new TicketId(java.util.UUID.randomUUID()), TicketMother.USER, "hash",
                    TicketMother.request(), NOW, DEADLINE);

            assertThat(t.ticket().status()).isEqualTo(TicketStatus.PENDING);
            assertThat(t.ticket().expiresAt()).isEqualTo(NOW.plus(DEADLINE));
            assertThat(t.events()).singleElement().isInstanceOf(TicketEvent.Requested.class);
        }

        @Test
        void anInvalidRequestIsStoredRejectedSoTheTravellerLearnsTheOutcome() {
            Transition t = Ticket.rejectInvalid(new TicketId(java.util.UUID.randomUUID()), TicketMother.USER, "hash",
                    new TicketRequest(null, null, null, null, null, ""), "tripId must be a UUID", NOW);

            assertThat(t.ticket().status()).isEqualTo(TicketStatus.REJECTED);
            assertThat(t.ticket().rejection())
                    .isEqualTo(new Rejection(Rejection.INVALID_REQUEST, "tripId must be a UUID"));
            assertThat(t.events()).singleElement().isInstanceOf(TicketEvent.Rejected.class);
        }

        @Test
        void anIncompleteRequestCannotBePending() {
            assertThatThrownBy(() -> Ticket.request(new TicketId(java.util.UUID.randomUUID()), TicketMother.USER,
                    "hash", new TicketRequest(null, null, null, null, null, "Ada"), NOW, DEADLINE))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aRetryIsRecognisedByItsHash() {
            Ticket ticket = pending();
            assertThat(ticket.sameRequest("hash")).isTrue();
            assertThat(ticket.sameRequest("other")).isFalse();
        }
    }

    @Nested
    class SeatReserved {

        @Test
        void confirmsAPendingTicketWithSeatPriceAndStops() {
            Transition t = pending().seatReserved(booking(), LATER);

            assertThat(t.ticket().status()).isEqualTo(TicketStatus.CONFIRMED);
            assertThat(t.ticket().booking()).isEqualTo(booking());
            assertThat(t.ticket().updatedAt()).isEqualTo(LATER);
            assertThat(t.changed()).isTrue();
            assertThat(t.events()).singleElement().isInstanceOf(TicketEvent.Booked.class);
        }

        @Test
        void aDuplicateOnAConfirmedTicketChangesNothing() {
            Ticket confirmed = pending().seatReserved(booking(), LATER).ticket();

            Transition t = confirmed.seatReserved(booking(), LATER.plusSeconds(1));

            assertThat(t.changed()).isFalse();
            assertThat(t.events()).isEmpty();
            assertThat(t.ticket()).isEqualTo(confirmed);
        }

        @ParameterizedTest
        @EnumSource(value = TicketStatus.class, names = {"REJECTED", "CANCELLED", "EXPIRED"})
        void lateOnASettledTicketReleasesTheSeatAndKeepsTheState(TicketStatus status) {
            Ticket settled = inState(status);

            Transition t = settled.seatReserved(booking(), LATER);

            assertThat(t.changed()).isFalse();
            assertThat(t.ticket()).isEqualTo(settled);
            assertThat(t.events()).singleElement().isInstanceOf(TicketEvent.SeatReleaseRequested.class);
        }

        @Test
        void lateOnATicketCancelledWhilePendingReleasesTheSeat() {
            Transition t = TicketMother.cancelledWhilePending().seatReserved(booking(), LATER);

            assertThat(t.ticket().status()).isEqualTo(TicketStatus.CANCELLED);
            assertThat(t.ticket().booking()).isNull();
            assertThat(t.events()).singleElement().isInstanceOf(TicketEvent.SeatReleaseRequested.class);
        }
    }

    @Nested
    class SeatReservationRejected {

        @Test
        void rejectsAPendingTicketWithTheReason() {
            Transition t = pending().reservationRejected(SEAT_TAKEN, LATER);

            assertThat(t.ticket().status()).isEqualTo(TicketStatus.REJECTED);
            assertThat(t.ticket().rejection()).isEqualTo(SEAT_TAKEN);
            assertThat(t.events()).singleElement().isInstanceOf(TicketEvent.Rejected.class);
        }

        @ParameterizedTest
        @EnumSource(value = TicketStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
        void isIgnoredOnceTheTicketLeftPending(TicketStatus status) {
            Ticket ticket = inState(status);

            Transition t = ticket.reservationRejected(SEAT_TAKEN, LATER);

            assertThat(t.changed()).isFalse();
            assertThat(t.events()).isEmpty();
            assertThat(t.ticket()).isEqualTo(ticket);
        }
    }

    @Nested
    class Expiry {

        @Test
        void aPendingTicketExpiresAtItsDeadline() {
            Transition t = pending().expireIfDue(NOW.plus(DEADLINE));

            assertThat(t.ticket().status()).isEqualTo(TicketStatus.EXPIRED);
            assertThat(t.events()).singleElement().isInstanceOf(TicketEvent.Expired.class);
        }

        @Test
        void aPendingTicketBeforeItsDeadlineKeepsWaiting() {
            Transition t = pending().expireIfDue(NOW.plus(DEADLINE).minusMillis(1));

            assertThat(t.changed()).isFalse();
            assertThat(t.events()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = TicketStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
        void neverTouchesAnAnsweredTicket(TicketStatus status) {
            Ticket ticket = inState(status);

            Transition t = ticket.expireIfDue(NOW.plus(DEADLINE.multipliedBy(10)));

            assertThat(t.changed()).isFalse();
            assertThat(t.events()).isEmpty();
        }
    }

    @Nested
    class Cancellation {

        @ParameterizedTest
        @EnumSource(value = TicketStatus.class, names = {"PENDING", "CONFIRMED"})
        void aStandingTicketIsCancelledBeforeDeparture(TicketStatus status) {
            Transition t = inState(status).cancel(CancellationCause.BY_TRAVELLER, LATER);

            assertThat(t.ticket().status()).isEqualTo(TicketStatus.CANCELLED);
            assertThat(t.events()).singleElement().isEqualTo(
                    new TicketEvent.Cancelled(t.ticket(), CancellationCause.BY_TRAVELLER));
        }

        @Test
        void aCancelledConfirmedTicketKeepsItsSeatSoTheEventCanFreeIt() {
            Ticket cancelled = inState(TicketStatus.CONFIRMED).cancel(CancellationCause.BY_OPERATOR, LATER).ticket();

            assertThat(cancelled.booking()).isEqualTo(booking());
        }

        @ParameterizedTest
        @EnumSource(value = TicketStatus.class, names = {"REJECTED", "CANCELLED", "EXPIRED"})
        void aSettledTicketCannotBeCancelled(TicketStatus status) {
            Ticket ticket = inState(status);

            assertThatThrownBy(() -> ticket.cancel(CancellationCause.BY_TRAVELLER, LATER))
                    .isInstanceOf(TicketAlreadySettled.class);
        }

        @Test
        void aConfirmedTicketCannotBeCancelledOnceTheTrainLeft() {
            Ticket confirmed = inState(TicketStatus.CONFIRMED);

            assertThatThrownBy(() -> confirmed.cancel(CancellationCause.BY_TRAVELLER, DEPARTURE))
                    .isInstanceOf(TripAlreadyDeparted.class);
        }

        @ParameterizedTest
        @EnumSource(value = TicketStatus.class, names = {"PENDING", "CONFIRMED"})
        void aCancelledTripCancelsEveryStandingTicketEvenAfterDeparture(TicketStatus status) {
            Transition t = inState(status).tripCancelled(DEPARTURE.plusSeconds(60));

            assertThat(t.ticket().status()).isEqualTo(TicketStatus.CANCELLED);
            assertThat(t.events()).singleElement().isEqualTo(
                    new TicketEvent.Cancelled(t.ticket(), CancellationCause.TRIP_CANCELLED));
        }

        @ParameterizedTest
        @EnumSource(value = TicketStatus.class, names = {"REJECTED", "CANCELLED", "EXPIRED"})
        void aCancelledTripLeavesSettledTicketsAlone(TicketStatus status) {
            Ticket ticket = inState(status);

            Transition t = ticket.tripCancelled(LATER);

            assertThat(t.changed()).isFalse();
            assertThat(t.events()).isEmpty();
        }

        @Test
        void aDuplicateTripCancellationIsHarmless() {
            Ticket cancelled = inState(TicketStatus.CONFIRMED).tripCancelled(LATER).ticket();

            assertThat(cancelled.tripCancelled(LATER.plusSeconds(1)).events()).isEmpty();
        }
    }

    @Test
    void aConfirmedTicketNeedsABooking() {
        Ticket pending = pending();
        assertThatThrownBy(() -> new Ticket(pending.id(), pending.userId(), pending.requestHash(), pending.request(),
                TicketStatus.CONFIRMED, null, null, NOW, NOW, NOW, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
