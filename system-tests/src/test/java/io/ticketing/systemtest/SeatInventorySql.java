package io.ticketing.systemtest;

/** SQL run against train-service's own database to check the seat inventory from the outside. */
final class SeatInventorySql {

    /** Pairs of reservations of the same seat on the same trip whose stop ranges overlap. */
    static final String OVERLAPPING_RESERVATIONS = """
            SELECT count(*) FROM seat_reservation a JOIN seat_reservation b
              ON a.trip_id = b.trip_id AND a.seat_id = b.seat_id AND a.ticket_id < b.ticket_id
             AND a.stops && b.stops""";

    private SeatInventorySql() {
    }
}
