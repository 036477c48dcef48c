-- The purge of closed tickets deletes the oldest in small batches; without this index each batch would scan the
-- whole table. Not CONCURRENTLY: Flyway's transactional lock keeps a transaction open that a concurrent build
-- waits for forever, and the table is narrow enough that the build holds up closing tickets only briefly.
CREATE INDEX closed_ticket_closed_at_idx ON closed_ticket (closed_at);
