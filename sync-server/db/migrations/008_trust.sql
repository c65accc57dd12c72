-- Issue 18, team-mode trust. What a pushed record row said about the audit entries behind it: an
-- audit entry is accepted only when its pusher claimed it with a change the server took (and, for
-- the last entry behind a pushed state, that state). One row per entry and person, so nobody can
-- claim someone else's entries first.
CREATE TABLE audit_claims (
  audit_id text NOT NULL,
  person_id text NOT NULL,
  collection text NOT NULL,
  record_id text NOT NULL,
  state jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (audit_id, person_id)
);

-- Each writer's (PC and person) hash chain as the server holds it: an entry must follow the one
-- before it, and no two entries hold one place.
CREATE TABLE audit_chain (
  writer_id text NOT NULL,
  seq bigint NOT NULL,
  audit_id text NOT NULL UNIQUE,
  hash text NOT NULL,
  PRIMARY KEY (writer_id, seq)
);

-- Access tokens of a signed-out sign-in (its refresh-token family) are refused until they expire.
CREATE TABLE revoked_token_families (
  family_id text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);

-- Wrong passwords counted per person and source address: guessing from one place locks that place
-- out, not the person everywhere, so a stranger cannot lock a colleague out. An administrator unlocks.
CREATE TABLE sign_in_failures (
  person_id text NOT NULL,
  source text NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, source)
);
