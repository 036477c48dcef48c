package io.ticketing.ticket.adapter.out.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.ticketing.ticket.domain.model.Booking;
import io.ticketing.ticket.domain.model.Money;
import io.ticketing.ticket.domain.model.Rejection;
import io.ticketing.ticket.domain.model.Seat;
import io.ticketing.ticket.domain.model.SeatClass;
import io.ticketing.ticket.domain.model.Stop;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketId;
import io.ticketing.ticket.domain.model.TicketRequest;
import io.ticketing.ticket.domain.model.TicketStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** The ticket row; a flat copy of the aggregate so the domain stays free of persistence concerns. */
@Entity
@Table(name = "ticket")
class TicketEntity {

    @Id
    private UUID id;
    private UUID userId;
    private String requestHash;
    private @Nullable UUID tripId;
    private @Nullable UUID fromStationId;
    private @Nullable UUID toStationId;
    private @Nullable UUID requestedSeatId;
    @Enumerated(EnumType.STRING)
    private @Nullable SeatClass requestedSeatClass;
    private String passengerName;
    @Enumerated(EnumType.STRING)
    private TicketStatus status;
    private @Nullable String reason;
    private @Nullable String reasonDetail;
    private @Nullable String trainNumber;
    private @Nullable UUID seatId;
    private @Nullable Integer seatWagon;
    private @Nullable String seatNumber;
    @Enumerated(EnumType.STRING)
    private @Nullable SeatClass seatClass;
    private @Nullable String fromName;
    private @Nullable Integer fromIndex;
    private @Nullable Instant fromArrival;
    private @Nullable Instant fromDeparture;
    private @Nullable String toName;
    private @Nullable Integer toIndex;
    private @Nullable Instant toArrival;
    private @Nullable Instant toDeparture;
    @Column(precision = 12, scale = 2)
    private @Nullable BigDecimal priceAmount;
    private @Nullable String priceCurrency;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant expiresAt;
    @Version
    private long version;

    protected TicketEntity() {
    }

    static TicketEntity newFrom(Ticket ticket) {
        TicketEntity entity = new TicketEntity();
        entity.id = ticket.id().value();
        entity.userId = ticket.userId();
        entity.requestHash = ticket.requestHash();
        TicketRequest request = ticket.request();
        entity.tripId = request.tripId();
        entity.fromStationId = request.fromStationId();
        entity.toStationId = request.toStationId();
        entity.requestedSeatId = request.seatId();
        entity.requestedSeatClass = request.seatClass();
        entity.passengerName = request.passengerName();
        entity.createdAt = ticket.createdAt();
        entity.expiresAt = ticket.expiresAt();
        entity.copyState(ticket);
        return entity;
    }

    long version() {
        return version;
    }

    /** Copies what a transition can change; the request and the identity never change. */
    void copyState(Ticket ticket) {
        status = ticket.status();
        updatedAt = ticket.updatedAt();
        Rejection rejection = ticket.rejection();
        reason = rejection == null ? null : rejection.reason();
        reasonDetail = rejection == null ? null : rejection.detail();
        Booking booking = ticket.booking();
        if (booking != null) {
            trainNumber = booking.trainNumber();
            seatId = booking.seat().id();
            seatWagon = booking.seat().wagon();
            seatNumber = booking.seat().number();
            seatClass = booking.seat().seatClass();
            fromName = booking.from().name();
            fromIndex = booking.from().index();
            fromArrival = booking.from().arrival();
            fromDeparture = booking.from().departure();
            toName = booking.to().name();
            toIndex = booking.to().index();
            toArrival = booking.to().arrival();
            toDeparture = booking.to().departure();
            priceAmount = booking.price().amount();
            priceCurrency = booking.price().currency();
        }
    }

    Ticket toDomain() {
        return new Ticket(new TicketId(id), userId, requestHash,
                new TicketRequest(tripId, fromStationId, toStationId, requestedSeatId, requestedSeatClass,
                        passengerName),
                status,
                reason == null ? null : new Rejection(reason, reasonDetail == null ? "" : reasonDetail),
                booking(), createdAt, updatedAt, expiresAt, version);
    }

    private @Nullable Booking booking() {
        if (seatId == null || seatWagon == null || seatNumber == null || seatClass == null || priceAmount == null
                || priceCurrency == null || trainNumber == null || fromStationId == null || toStationId == null) {
            return null;
        }
        return new Booking(trainNumber, new Seat(seatId, seatWagon, seatNumber, seatClass),
                new Stop(fromStationId, orEmpty(fromName), fromIndex == null ? 0 : fromIndex, fromArrival,
                        fromDeparture),
                new Stop(toStationId, orEmpty(toName), toIndex == null ? 0 : toIndex, toArrival, toDeparture),
                new Money(priceAmount, priceCurrency));
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
