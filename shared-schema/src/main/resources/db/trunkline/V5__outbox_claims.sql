-- A relay claims outbox rows by stamping how long they are its own, in one short statement, instead of holding
-- row locks (and a transaction and a pooled connection) while it waits for Kafka. Rows whose claim expired (the
-- relay stopped, or gave up waiting) are claimed again. Additive: a replica that predates the column claims with
-- FOR UPDATE SKIP LOCKED as before and ignores it.
ALTER TABLE outbox_events ADD COLUMN claimed_until TIMESTAMPTZ;
