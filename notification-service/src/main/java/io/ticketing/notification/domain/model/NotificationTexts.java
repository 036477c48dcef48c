package io.ticketing.notification.domain.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Writes what a user reads: a short specific title and a body with every detail that matters. */
final class NotificationTexts {

    // Stations do not carry a time zone in the events, so times are shown in UTC and say so.
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    record Text(String title, String body) {
    }

    private NotificationTexts() {
    }

    static Text of(Occasion occasion) {
        return switch (occasion) {
            case Occasion.UserRegistered welcome -> new Text(
                    "Welcome to Ticketing, " + welcome.fullName(),
                    "Your account " + welcome.email() + " is ready. Search trips between cities, pick your seat on "
                            + "the seat map and book: we will tell you here and by e-mail as soon as a booking is "
                            + "confirmed, rejected, cancelled or expired.");
            case Occasion.TicketBooked booked -> new Text(
                    "Ticket confirmed: train " + booked.journey().trainNumber() + " " + route(booked.journey()),
                    "Your ticket for " + booked.passengerName() + " is confirmed.\n"
                            + journey(booked.journey()) + "\n"
                            + "Seat " + seat(booked.seat()) + ".\n"
                            + "Price: " + booked.price().amount() + " " + booked.price().currency() + ".\n"
                            + "Ticket " + booked.ticketId() + ".");
            case Occasion.TicketRejected rejected -> new Text(
                    "Booking not possible: " + reasonTitle(rejected.reason()),
                    "We could not book the ticket for " + rejected.passengerName() + ": "
                            + reasonSentence(rejected.reason()) + "."
                            + (rejected.detail().isBlank() ? "" : " (" + rejected.detail() + ")")
                            + "\nNothing was booked and nothing is charged. Please choose another seat or trip.\n"
                            + "Ticket " + rejected.ticketId() + ", trip " + rejected.tripId() + ".");
            case Occasion.TicketCancelled cancelled -> cancellation(cancelled);
            case Occasion.TicketExpired expired -> new Text(
                    "Booking request expired",
                    "Your booking request could not be confirmed in time, so it has expired and any seat held for "
                            + "it has been released. Nothing was booked and nothing is charged. Please book again.\n"
                            + "Ticket " + expired.ticketId() + ", trip " + expired.tripId() + ".");
        };
    }

    private static Text cancellation(Occasion.TicketCancelled cancelled) {
        Occasion.Journey journey = cancelled.journey();
        String why = switch (cancelled.cause()) {
            case TRIP_CANCELLED -> "Train " + journey.trainNumber() + " " + route(journey)
                    + " has been cancelled by the operator, so your ticket is cancelled.";
            case BY_OPERATOR -> "Your ticket has been cancelled by our staff.";
            case BY_TRAVELLER -> "Your ticket has been cancelled as you asked.";
            case UNSPECIFIED -> "Your ticket has been cancelled.";
        };
        String title = cancelled.cause() == Occasion.CancellationCause.TRIP_CANCELLED
                ? "Trip cancelled: train " + journey.trainNumber() + " " + route(journey)
                : "Ticket cancelled: train " + journey.trainNumber() + " " + route(journey);
        return new Text(title, why + "\n"
                + journey(journey) + "\n"
                + (cancelled.seat() == null ? ""
                        : "Seat " + seat(cancelled.seat()) + " is no longer reserved for you.\n")
                + "Ticket " + cancelled.ticketId() + ".");
    }

    private static String route(Occasion.Journey journey) {
        return "from " + journey.from().stationName() + " to " + journey.to().stationName();
    }

    private static String journey(Occasion.Journey journey) {
        return "Train " + journey.trainNumber()
                + " from " + journey.from().stationName() + at("departs", journey.from().time())
                + " to " + journey.to().stationName() + at("arrives", journey.to().time()) + ".";
    }

    private static String at(String verb, @Nullable Instant time) {
        return time == null ? "" : " (" + verb + " " + TIME.format(time) + ")";
    }

    private static String seat(Occasion.SeatInfo seat) {
        String seatClass = switch (seat.seatClass()) {
            case FIRST -> ", first class";
            case SECOND -> ", second class";
            case UNKNOWN -> "";
        };
        return seat.number() + " (wagon " + seat.wagon() + seatClass + ")";
    }

    private static String reasonTitle(Occasion.RejectionReason reason) {
        return switch (reason) {
            case SEAT_TAKEN -> "seat already taken";
            case NO_SEAT_IN_CLASS -> "no seat left in this class";
            case TRIP_DEPARTED -> "train already departed";
            case TRIP_CANCELLED -> "trip cancelled";
            case INVALID_SEGMENT -> "stations not on this trip";
            case TRIP_NOT_FOUND -> "unknown trip";
            case SEAT_NOT_FOUND -> "unknown seat";
            case UNSPECIFIED -> "seat not available";
        };
    }

    private static String reasonSentence(Occasion.RejectionReason reason) {
        return switch (reason) {
            case SEAT_TAKEN -> "the seat you chose was taken by another traveller for this part of the trip";
            case NO_SEAT_IN_CLASS -> "no seat is left in the class you asked for on this part of the trip";
            case TRIP_DEPARTED -> "the train has already departed";
            case TRIP_CANCELLED -> "the trip has been cancelled";
            case INVALID_SEGMENT -> "the stations you chose are not stops of this trip in that order";
            case TRIP_NOT_FOUND -> "the trip does not exist";
            case SEAT_NOT_FOUND -> "the seat does not exist on this train";
            case UNSPECIFIED -> "the seat could not be reserved";
        };
    }
}
