-- One row per ticket; the id is the gateway's idempotency key (user + Idempotency-Key).
CREATE TABLE ticket (
    id                   uuid          PRIMARY KEY,
    user_id              uuid          NOT NULL,
    request_hash         varchar(128)  NOT NULL,
    -- the request; ids are NULL only on a ticket rejected as INVALID_REQUEST
    trip_id              uuid,
    from_station_id      uuid,
    to_station_id        uuid,
    requested_seat_id    uuid,
    requested_seat_class varchar(16),
    passenger_name       varchar(100)  NOT NULL,
    status               varchar(16)   NOT NULL
        CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED', 'EXPIRED')),
    reason               varchar(64),
    reason_detail        varchar(1000),
    -- the booking, once train-service reserved a seat
    train_number         varchar(64),
    seat_id              uuid,
    seat_wagon           integer,
    seat_number          varchar(32),
    seat_class           varchar(16),
    from_name            varchar(200),
    from_index           integer,
    from_arrival         timestamptz,
    from_departure       timestamptz,
    to_name              varchar(200),
    to_index             integer,
    to_arrival           timestamptz,
    to_departure         timestamptz,
    price_amount         numeric(12, 2),
    price_currency       varchar(3),
    created_at           timestamptz   NOT NULL,
    updated_at           timestamptz   NOT NULL,
    expires_at           timestamptz   NOT NULL,
    version              bigint        NOT NULL,
    CHECK (status <> 'CONFIRMED' OR seat_id IS NOT NULL)
);

-- "my tickets, newest first"
CREATE INDEX ticket_user_created_idx ON ticket (user_id, created_at DESC, id DESC);
-- the expiry job scans only what is still waiting
CREATE INDEX ticket_pending_expiry_idx ON ticket (expires_at) WHERE status = 'PENDING';
-- a cancelled trip cancels its standing tickets
CREATE INDEX ticket_trip_standing_idx ON ticket (trip_id) WHERE status IN ('PENDING', 'CONFIRMED');
