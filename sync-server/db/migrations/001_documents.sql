-- Every synced document of every collection: one generic table, so a collection added to the
-- shared schemas syncs without a migration. `seq` is the server-assigned change sequence that
-- pull checkpoints follow; it is taken under a per-collection advisory lock, so within a collection
-- sequence order is commit order and a reader never skips a change.
CREATE SEQUENCE document_seq;

CREATE TABLE documents (
  collection text NOT NULL,
  id text NOT NULL,
  seq bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, id)
);

CREATE UNIQUE INDEX documents_feed ON documents (collection, seq);
