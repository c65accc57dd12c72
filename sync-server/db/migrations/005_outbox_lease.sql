-- Deliveries are claimed with a lease and sent outside any transaction (outbox-worker.ts): a claimed
-- row is `sending` until `next_attempt_at`, when a process that died mid-send loses it again.
ALTER TABLE outbox_deliveries DROP CONSTRAINT outbox_deliveries_status_check;
ALTER TABLE outbox_deliveries ADD CONSTRAINT outbox_deliveries_status_check CHECK (status IN ('pending', 'sending', 'delivered', 'failed'));
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox_deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');
