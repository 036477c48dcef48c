-- btree_gist lets a GiST exclusion constraint combine equality on uuids with range overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE city (
    id      uuid PRIMARY KEY,
    name    text NOT NULL,
    country text NOT NULL,
    CONSTRAINT city_name_country_key UNIQUE (name, country)
);
-- serves the prefix search of GET /cities?q=
CREATE INDEX city_name_prefix_idx ON city (lower(name) text_pattern_ops);

CREATE TABLE station (
    id      uuid PRIMARY KEY,
    name    text NOT NULL,
    code    text NOT NULL,
    city_id uuid NOT NULL REFERENCES city (id),
    CONSTRAINT station_code_key UNIQUE (code)
);
CREATE INDEX station_city_idx ON station (city_id, name);

CREATE TABLE train (
    id     uuid PRIMARY KEY,
    number text NOT NULL,
    name   text NOT NULL,
    CONSTRAINT train_number_key UNIQUE (number)
);

-- A wagon is the set of its seats; every seat carries its wagon's class.
CREATE TABLE seat (
    id         uuid PRIMARY KEY,
    train_id   uuid NOT NULL REFERENCES train (id),
    wagon      int  NOT NULL CHECK (wagon > 0),
    seat_no    int  NOT NULL CHECK (seat_no > 0),
    seat_class text NOT NULL CHECK (seat_class IN ('FIRST', 'SECOND')),
    CONSTRAINT seat_position_key UNIQUE (train_id, wagon, seat_no)
);
CREATE INDEX seat_train_class_idx ON seat (train_id, seat_class);

CREATE TABLE trip (
    id         uuid        PRIMARY KEY,
    train_id   uuid        NOT NULL REFERENCES train (id),
    status     text        NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    departs_at timestamptz NOT NULL,
    arrives_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (departs_at < arrives_at),
    -- a train cannot run two scheduled trips at the same time
    CONSTRAINT trip_train_no_overlap EXCLUDE USING gist (
        train_id WITH =, tstzrange(departs_at, arrives_at) WITH &&) WHERE (status = 'SCHEDULED')
);

-- city_id is copied from the station (stations never move) so the search needs no join to find stops.
CREATE TABLE trip_stop (
    trip_id    uuid NOT NULL REFERENCES trip (id),
    stop_index int  NOT NULL CHECK (stop_index >= 0),
    station_id uuid NOT NULL REFERENCES station (id),
    city_id    uuid NOT NULL REFERENCES city (id),
    arrives_at timestamptz,
    departs_at timestamptz,
    PRIMARY KEY (trip_id, stop_index),
    CONSTRAINT trip_stop_station_once UNIQUE (trip_id, station_id)
);
-- the search: stops in the origin city departing within the day (each candidate trip's later stop in the
-- destination city then comes from the primary key: a trip has few stops)
CREATE INDEX trip_stop_search_from_idx ON trip_stop (city_id, departs_at) INCLUDE (trip_id, stop_index, station_id);

CREATE TABLE trip_fare (
    trip_id    uuid          NOT NULL REFERENCES trip (id),
    seat_class text          NOT NULL CHECK (seat_class IN ('FIRST', 'SECOND')),
    amount     numeric(12, 2) NOT NULL CHECK (amount >= 0),
    currency   char(3)       NOT NULL,
    PRIMARY KEY (trip_id, seat_class)
);

-- A seat held or sold for the stop-index range [from, to) of a trip. Two reservations of one seat on one
-- trip can never overlap: PostgreSQL refuses the second insert (SQLState 23P01), however many race.
CREATE TABLE seat_reservation (
    ticket_id   uuid        PRIMARY KEY,
    trip_id     uuid        NOT NULL REFERENCES trip (id),
    seat_id     uuid        NOT NULL REFERENCES seat (id),
    stops       int4range   NOT NULL CHECK (NOT isempty(stops) AND lower(stops) >= 0),
    reserved_at timestamptz NOT NULL,
    CONSTRAINT seat_reservation_no_overlap EXCLUDE USING gist (
        trip_id WITH =, seat_id WITH =, stops WITH &&)
);

-- Tickets seen cancelled, expired or released: a TicketRequested arriving after them must not hold a seat.
CREATE TABLE closed_ticket (
    ticket_id uuid        PRIMARY KEY,
    cause     text        NOT NULL,
    closed_at timestamptz NOT NULL
);

-- Confirmed travellers (from TicketBooked), who may review their trip.
CREATE TABLE trip_traveller (
    ticket_id uuid NOT NULL PRIMARY KEY,
    trip_id   uuid NOT NULL,
    user_id   uuid NOT NULL
);
CREATE INDEX trip_traveller_trip_user_idx ON trip_traveller (trip_id, user_id);

CREATE TABLE review (
    id         uuid        PRIMARY KEY,
    trip_id    uuid        NOT NULL REFERENCES trip (id),
    user_id    uuid        NOT NULL,
    rating     smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment    text        NOT NULL CHECK (char_length(comment) <= 2000),
    created_at timestamptz NOT NULL,
    CONSTRAINT review_one_per_user UNIQUE (trip_id, user_id)
);
CREATE INDEX review_trip_created_idx ON review (trip_id, created_at DESC);
