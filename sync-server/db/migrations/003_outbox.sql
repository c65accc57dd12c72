-- Email and webhook deliveries of `notifications` documents of kind `outbox`, sent once per
-- notification id however many PCs pushed it: workers claim rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE outbox_deliveries (
  notification_id text PRIMARY KEY,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX outbox_due ON outbox_deliveries (next_attempt_at) WHERE status = 'pending';
