-- What the service knows about users, from UserRegistered: where their e-mail goes.
CREATE TABLE recipient (
    user_id    uuid        PRIMARY KEY,
    email      text        NOT NULL,
    full_name  text        NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE notification (
    id              uuid        PRIMARY KEY,
    user_id         uuid        NOT NULL,
    type            text        NOT NULL CHECK (type IN ('WELCOME', 'TICKET_BOOKED', 'TICKET_REJECTED',
                                                         'TICKET_CANCELLED', 'TICKET_EXPIRED')),
    title           text        NOT NULL,
    body            text        NOT NULL,
    ticket_id       uuid,
    -- the Nats-Msg-Id of the event that caused it: one notification per event, whatever redelivers it
    source_event_id text        NOT NULL CONSTRAINT notification_source_event_uq UNIQUE,
    created_at      timestamptz NOT NULL,
    read_at         timestamptz
);

-- a user's list, newest first, and the Last-Event-ID resume of the live stream
CREATE INDEX notification_user_created_idx ON notification (user_id, created_at DESC, id DESC);
CREATE INDEX notification_user_unread_idx ON notification (user_id) WHERE read_at IS NULL;

-- The e-mail of each notification, written in the notification's transaction and sent by a job.
CREATE TABLE mail_delivery (
    notification_id uuid        PRIMARY KEY REFERENCES notification (id),
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    sent_at         timestamptz
);

-- the sender scans only what is still due
CREATE INDEX mail_delivery_due_idx ON mail_delivery (next_attempt_at) WHERE status = 'PENDING';
