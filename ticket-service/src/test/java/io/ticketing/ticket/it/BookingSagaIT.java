package io.ticketing.ticket.it;

import java.util.UUID;

import io.ticketing.proto.common.v1.SeatClass;
import io.ticketing.proto.events.v1.RejectionReason;
import io.ticketing.proto.events.v1.TicketBooked;
import io.ticketing.proto.events.v1.TicketCancelled;
import io.ticketing.proto.events.v1.CancellationCause;
import io.ticketing.proto.events.v1.TicketRejected;
import io.ticketing.proto.events.v1.TicketRequested;
import io.ticketing.ticket.support.SagaTestKit;
import io.ticketing.ticket.support.TicketServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@TicketServiceIntegrationTest
class BookingSagaIT extends SagaTestKit {

    @Test
    void aBookingIsStoredPendingAndAsksTrainServiceForASeat() {
        UUID user = UUID.randomUUID();
        Booking booking = bookingFor(user);

        publishBooking(user, booking.command(), booking.ticketId().toString());

        TicketRequested requested = awaitOneTicketEvent(TicketRequested.getDefaultInstance(), booking.ticketId());
        assertThat(requested.getUserId()).isEqualTo(user.toString());
        assertThat(requested.getTripId()).isEqualTo(booking.tripId().toString());
        assertThat(requested.getFromStationId()).isEqualTo(booking.fromStationId().toString());
        assertThat(requested.getToStationId()).isEqualTo(booking.toStationId().toString());
        assertThat(requested.getSeatId()).isEmpty();
        assertThat(requested.getSeatClass()).isEqualTo(SeatClass.SEAT_CLASS_SECOND);
        assertThat(requested.getPassengerName()).isEqualTo("Ada Lovelace");

        Http response = getTicket(user, booking.ticketId());
        assertThat(response.status()).isEqualTo(200);
        assertThat(storedRequestHash(user, booking.ticketId())).isEqualTo("hash-" + booking.ticketId());
        assertThat(response.body().path("status").asString()).isEqualTo("PENDING");
        assertThat(response.body().path("from").path("stationId").asString())
                .isEqualTo(booking.fromStationId().toString());
        assertThat(fieldNames(response.body())).doesNotContain("seat", "price", "reason");
    }

    @Test
    void aReservedSeatConfirmsTheTicketWithExactlyOneTicketBooked() {
        UUID user = UUID.randomUUID();
        Booking booking = bookPending(user);

        trainReserves(booking, DEPARTURE);
        trainReserves(booking, DEPARTURE); // train-service answering twice (another message id) changes nothing

        JsonNode ticket = awaitStatus(user, booking.ticketId(), "CONFIRMED");
        assertThat(ticket.path("seat").path("number").asString()).isEqualTo("3-12");
        assertThat(ticket.path("seat").path("wagon").asInt()).isEqualTo(3);
        assertThat(ticket.path("seat").path("seatClass").asString()).isEqualTo("SECOND");
        assertThat(ticket.path("price").path("amount").asString()).isEqualTo("12.50");
        assertThat(ticket.path("price").path("currency").asString()).isEqualTo("EUR");
        assertThat(ticket.path("from").path("name").asString()).isEqualTo("Berlin Hbf");
        assertThat(ticket.path("from").path("departure").asString()).isEqualTo("2030-06-01T08:15:00Z");
        assertThat(ticket.path("to").path("name").asString()).isEqualTo("Hamburg Hbf");
        assertThat(ticket.path("to").path("arrival").asString()).isEqualTo("2030-06-01T10:15:00Z");

        awaitOutboxDrained();
        assertThat(ticketEvents(TicketBooked.getDefaultInstance(), booking.ticketId())).singleElement()
                .satisfies(booked -> {
                    assertThat(booked.getUserId()).isEqualTo(user.toString());
                    assertThat(booked.getTripId()).isEqualTo(booking.tripId().toString());
                    assertThat(booked.getTrainNumber()).isEqualTo("ICE 101");
                    assertThat(booked.getFrom().getStationName()).isEqualTo("Berlin Hbf");
                    assertThat(booked.getTo().getStationName()).isEqualTo("Hamburg Hbf");
                    assertThat(booked.getSeat().getNumber()).isEqualTo("3-12");
                    assertThat(booked.getPrice().getAmount()).isEqualTo("12.50");
                    assertThat(booked.getPassengerName()).isEqualTo("Ada Lovelace");
                });
    }

    @Test
    void aRejectedReservationRejectsTheTicketAndALateRejectionAfterConfirmationIsIgnored() {
        UUID user = UUID.randomUUID();
        Booking rejected = bookPending(user);

        trainRejects(rejected, RejectionReason.REJECTION_REASON_SEAT_TAKEN);

        JsonNode ticket = awaitStatus(user, rejected.ticketId(), "REJECTED");
        assertThat(ticket.path("reason").asString()).isEqualTo("SEAT_TAKEN");
        TicketRejected event = awaitOneTicketEvent(TicketRejected.getDefaultInstance(), rejected.ticketId());
        assertThat(event.getReason()).isEqualTo(RejectionReason.REJECTION_REASON_SEAT_TAKEN);
        assertThat(event.getUserId()).isEqualTo(user.toString());

        Booking confirmed = bookConfirmed(user, DEPARTURE);
        String late = UUID.randomUUID().toString();
        publishTrainEvent(io.ticketing.proto.events.v1.SeatReservationRejected.newBuilder()
                .setTicketId(confirmed.ticketId().toString()).setTripId(confirmed.tripId().toString())
                .setReason(RejectionReason.REJECTION_REASON_SEAT_TAKEN).build(), late);
        awaitProcessed("ticket-service-trains", late);
        assertThat(getTicket(user, confirmed.ticketId()).body().path("status").asString()).isEqualTo("CONFIRMED");
        awaitOutboxDrained();
        assertThat(ticketEvents(TicketRejected.getDefaultInstance(), confirmed.ticketId())).isEmpty();
    }

    @Test
    void anInvalidBookingIsRejectedSoTheTravellerIsTold() {
        UUID user = UUID.randomUUID();
        Booking booking = bookingFor(user);
        publishBooking(user, booking.command().toBuilder().setPassengerName(" ").setTripId("not-a-uuid").build(),
                booking.ticketId().toString());

        JsonNode ticket = awaitStatus(user, booking.ticketId(), "REJECTED");
        assertThat(ticket.path("reason").asString()).isEqualTo("INVALID_REQUEST");
        TicketRejected event = awaitOneTicketEvent(TicketRejected.getDefaultInstance(), booking.ticketId());
        assertThat(event.getDetail()).startsWith("INVALID_REQUEST").contains("tripId", "passengerName");
        assertThat(ticketEvents(TicketRequested.getDefaultInstance(), booking.ticketId())).isEmpty();
    }

    @Test
    void aPassengerNameWithANulCharacterIsRejectedInsteadOfFailingToBeStored() {
        UUID user = UUID.randomUUID();
        Booking booking = bookingFor(user);
        publishBooking(user, booking.command().toBuilder().setPassengerName("Ada\u0000Lovelace").build(),
                booking.ticketId().toString());

        JsonNode ticket = awaitStatus(user, booking.ticketId(), "REJECTED");
        assertThat(ticket.path("reason").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(ticket.path("passengerName").asString()).isEqualTo("AdaLovelace");
        TicketRejected event = awaitOneTicketEvent(TicketRejected.getDefaultInstance(), booking.ticketId());
        assertThat(event.getDetail()).startsWith("INVALID_REQUEST").contains("passengerName");
    }

    @Test
    void aCancelledTripCancelsEveryStandingTicketOfIt() {
        UUID user = UUID.randomUUID();
        Booking confirmed = bookConfirmed(user, DEPARTURE);
        Booking pendingBase = bookingFor(user);
        Booking pending = new Booking(pendingBase.ticketId(), user, confirmed.tripId(), pendingBase.fromStationId(),
                pendingBase.toStationId(),
                pendingBase.command().toBuilder().setTripId(confirmed.tripId().toString()).build());
        publishBooking(user, pending.command(), pending.ticketId().toString());
        awaitOneTicketEvent(TicketRequested.getDefaultInstance(), pending.ticketId());

        trainCancelsTrip(confirmed.tripId());

        awaitStatus(user, confirmed.ticketId(), "CANCELLED");
        awaitStatus(user, pending.ticketId(), "CANCELLED");
        TicketCancelled withSeat = awaitOneTicketEvent(TicketCancelled.getDefaultInstance(), confirmed.ticketId());
        assertThat(withSeat.getCause()).isEqualTo(CancellationCause.CANCELLATION_CAUSE_TRIP_CANCELLED);
        assertThat(withSeat.getSeat().getNumber()).isEqualTo("3-12");
        assertThat(withSeat.getUserId()).isEqualTo(user.toString());
        TicketCancelled withoutSeat = awaitOneTicketEvent(TicketCancelled.getDefaultInstance(), pending.ticketId());
        assertThat(withoutSeat.getCause()).isEqualTo(CancellationCause.CANCELLATION_CAUSE_TRIP_CANCELLED);
        assertThat(withoutSeat.hasSeat()).isFalse();
    }
}
