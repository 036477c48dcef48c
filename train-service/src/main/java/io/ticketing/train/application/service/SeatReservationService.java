package io.ticketing.train.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.ticketing.train.application.port.in.RecordTravellerUseCase;
import io.ticketing.train.application.port.in.ReleaseSeatCommand;
import io.ticketing.train.application.port.in.ReleaseSeatUseCase;
import io.ticketing.train.application.port.in.ReserveSeatCommand;
import io.ticketing.train.application.port.in.ReserveSeatUseCase;
import io.ticketing.train.application.port.out.SeatInventory;
import io.ticketing.train.application.port.out.TrainEventPublisher;
import io.ticketing.train.application.port.out.TrainRepository;
import io.ticketing.train.application.port.out.TravellerRepository;
import io.ticketing.train.application.port.out.TripRepository;
import io.ticketing.train.domain.model.RejectionReason;
import io.ticketing.train.domain.model.ReservationOutcome;
import io.ticketing.train.domain.model.Seat;
import io.ticketing.train.domain.model.SeatCandidate;
import io.ticketing.train.domain.model.SeatChoice;
import io.ticketing.train.domain.model.SeatClass;
import io.ticketing.train.domain.model.SeatId;
import io.ticketing.train.domain.model.SeatReservation;
import io.ticketing.train.domain.model.Segment;
import io.ticketing.train.domain.model.TicketId;
import io.ticketing.train.domain.model.TrainEvent;
import io.ticketing.train.domain.model.TrainEvent.SeatReservationRejected;
import io.ticketing.train.domain.model.TrainEvent.SeatReserved;
import io.ticketing.train.domain.model.Trip;
import io.ticketing.train.domain.model.TripId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seat inventory's use cases. Every decision about one ticket runs under that ticket's lock, so a
 * request and the ticket's cancellation never interleave; overlaps between tickets are refused by the
 * inventory's store.
 */
@Service
@Transactional
class SeatReservationService implements ReserveSeatUseCase, ReleaseSeatUseCase, RecordTravellerUseCase {

    /** Rounds of "read free seats, try the best few": a round fails only if others took every seat it tried. */
    static final int MAX_ROUNDS = 20;
    static final int ATTEMPTS_PER_ROUND = 5;

    private final TripRepository trips;
    private final TrainRepository trains;
    private final SeatInventory inventory;
    private final TravellerRepository travellers;
    private final TrainEventPublisher events;
    private final Clock clock;

    SeatReservationService(TripRepository trips, TrainRepository trains, SeatInventory inventory,
            TravellerRepository travellers, TrainEventPublisher events, Clock clock) {
        this.trips = trips;
        this.trains = trains;
        this.inventory = inventory;
        this.travellers = travellers;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ReservationOutcome reserveSeat(ReserveSeatCommand command) {
        Instant now = clock.instant();
        inventory.lockTicket(command.ticketId());
        ReservationOutcome outcome = decide(command, now);
        events.publish((TrainEvent) outcome);
        return outcome;
    }

    private ReservationOutcome decide(ReserveSeatCommand command, Instant now) {
        if (inventory.isClosed(command.ticketId())) {
            return rejected(command, RejectionReason.TICKET_CLOSED,
                    "The ticket was already cancelled, expired or released", now);
        }
        Optional<Trip> found = trips.findForReservation(command.tripId());
        if (found.isEmpty()) {
            return rejected(command, RejectionReason.TRIP_NOT_FOUND, "Unknown trip " + command.tripId(), now);
        }
        Trip trip = found.get();
        Optional<SeatReservation> existing = inventory.findByTicket(command.ticketId());
        if (existing.isPresent()) {
            SeatReservation reservation = existing.get();
            Seat seat = trains.findSeat(trip.trainId(), reservation.seatId()).orElseThrow();
            return reserved(trip, reservation, seat, now);
        }
        Optional<Segment> segment = trip.segment(command.from(), command.to());
        if (segment.isEmpty()) {
            return rejected(command, RejectionReason.INVALID_SEGMENT,
                    "The trip does not go from " + command.from() + " to " + command.to(), now);
        }
        Optional<RejectionReason> refusal = trip.refusesReservation(segment.get(), now);
        if (refusal.isPresent()) {
            return rejected(command, refusal.get(), "The trip cannot be booked: " + refusal.get(), now);
        }
        if (command.seatId() != null) {
            return reserveNamedSeat(command, trip, command.seatId(), segment.get(), now);
        }
        if (command.seatClass() != null) {
            return reserveAnySeat(command, trip, command.seatClass(), segment.get(), now);
        }
        return rejected(command, RejectionReason.NO_SEAT_IN_CLASS, "Neither a seat nor a class was asked for", now);
    }

    private ReservationOutcome reserveNamedSeat(ReserveSeatCommand command, Trip trip, SeatId seatId, Segment segment,
            Instant now) {
        Optional<Seat> seat = trains.findSeat(trip.trainId(), seatId);
        if (seat.isEmpty()) {
            return rejected(command, RejectionReason.SEAT_NOT_FOUND, "The train has no seat " + seatId, now);
        }
        SeatReservation reservation = new SeatReservation(command.ticketId(), trip.id(), seatId, segment);
        if (!inventory.tryReserve(reservation, now)) {
            return rejected(command, RejectionReason.SEAT_TAKEN,
                    "Seat " + seat.get().label() + " is taken on part of this segment", now);
        }
        return reserved(trip, reservation, seat.get(), now);
    }

    private ReservationOutcome reserveAnySeat(ReserveSeatCommand command, Trip trip, SeatClass seatClass,
            Segment segment, Instant now) {
        if (trip.price(seatClass, segment).isEmpty()) {
            return rejected(command, RejectionReason.NO_SEAT_IN_CLASS, "The train has no " + seatClass + " class", now);
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<SeatCandidate> free = inventory.freeSeats(trip, seatClass, segment);
            if (free.isEmpty()) {
                break;
            }
            List<SeatCandidate> ranked = SeatChoice.rank(segment, free, ThreadLocalRandom.current());
            for (SeatCandidate candidate : ranked.subList(0, Math.min(ATTEMPTS_PER_ROUND, ranked.size()))) {
                SeatReservation reservation =
                        new SeatReservation(command.ticketId(), trip.id(), candidate.seat().id(), segment);
                if (inventory.tryReserve(reservation, now)) {
                    return reserved(trip, reservation, candidate.seat(), now);
                }
            }
        }
        return rejected(command, RejectionReason.NO_SEAT_IN_CLASS,
                "No " + seatClass + " class seat is free for this segment", now);
    }

    private static SeatReserved reserved(Trip trip, SeatReservation reservation, Seat seat, Instant now) {
        Segment segment = reservation.segment();
        return new SeatReserved(reservation.ticketId(), trip.id(), trip.trainNumber(), seat, trip.stop(segment.from()),
                trip.stop(segment.to()), trip.price(seat.seatClass(), segment).orElseThrow(), now);
    }

    private static SeatReservationRejected rejected(ReserveSeatCommand command, RejectionReason reason, String detail,
            Instant now) {
        return new SeatReservationRejected(command.ticketId(), command.tripId(), reason, detail, now);
    }

    @Override
    public void releaseSeat(ReleaseSeatCommand command) {
        Instant now = clock.instant();
        inventory.lockTicket(command.ticketId());
        inventory.markClosed(command.ticketId(), command.cause().name(), now);
        travellers.forget(command.ticketId());
        inventory.release(command.ticketId()).ifPresent(released -> events.publish(new TrainEvent.SeatReleased(
                released.ticketId(), released.tripId(), released.seatId(), released.segment(), now)));
    }

    @Override
    public void recordTraveller(TicketId ticketId, TripId tripId, UUID userId) {
        inventory.lockTicket(ticketId);
        if (!inventory.isClosed(ticketId)) {
            travellers.record(ticketId, tripId, userId);
        }
    }
}
