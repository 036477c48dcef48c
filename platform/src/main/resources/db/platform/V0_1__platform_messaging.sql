-- Shipped by platform, applied by every service that uses the outbox or the inbox.

CREATE TABLE outbox_message (
    id           uuid        PRIMARY KEY,
    subject      text        NOT NULL,
    message_type text        NOT NULL,
    payload      bytea       NOT NULL,
    headers      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);

-- The relay scans only what is still pending, oldest first.
CREATE INDEX outbox_message_pending_idx ON outbox_message (created_at) WHERE published_at IS NULL;
CREATE INDEX outbox_message_published_idx ON outbox_message (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE inbox_message (
    consumer     text        NOT NULL,
    message_id   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);

CREATE INDEX inbox_message_processed_idx ON inbox_message (processed_at);
