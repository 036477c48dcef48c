-- The live stream resumes after the client's Last-Event-ID in the order notifications were committed, per user.
-- created_at and id do not give that order: transactions of one user's notifications overlap (parallel consumers,
-- replicas), and one that took an earlier created_at or id can commit after a later one was already streamed.
--
-- So every notification takes the next number of its user in the transaction that inserts it, from a counter row
-- that the upsert locks until that transaction ends: a transaction that takes a higher number waits until the
-- lower one is committed (or rolled back, when it takes that number itself). A higher seq therefore always commits
-- later, and whatever a reader sees of a user's notifications is a gap-free prefix in seq order.
CREATE TABLE notification_user_cursor (
    user_id  uuid   PRIMARY KEY,
    last_seq bigint NOT NULL
);

ALTER TABLE notification ADD COLUMN seq bigint;

-- Rows written before this were streamed in (created_at, id) order: number them in that order.
UPDATE notification n SET seq = numbered.seq
FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY created_at, id) AS seq FROM notification) numbered
WHERE numbered.id = n.id;

INSERT INTO notification_user_cursor (user_id, last_seq)
SELECT user_id, max(seq) FROM notification GROUP BY user_id;

-- In a trigger, so that no insert can skip it, including those of replicas still running the previous version
-- during a rolling deploy. It runs in the inserting statement: no extra round trip. A given seq is overwritten.
CREATE FUNCTION notification_take_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO notification_user_cursor AS cursor (user_id, last_seq) VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET last_seq = cursor.last_seq + 1
    RETURNING last_seq INTO NEW.seq;
    RETURN NEW;
END
$$;

CREATE TRIGGER notification_take_seq BEFORE INSERT ON notification
    FOR EACH ROW EXECUTE FUNCTION notification_take_seq();

ALTER TABLE notification ALTER COLUMN seq SET NOT NULL;

-- The resume of the live stream and the user's list (newest first) both read in seq order, so this index replaces
-- the one on created_at: still one index to maintain per insert.
ALTER TABLE notification ADD CONSTRAINT notification_user_seq_uq UNIQUE (user_id, seq);
DROP INDEX notification_user_created_idx;
