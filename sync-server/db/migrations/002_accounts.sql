-- Credentials live here, never in the synced `people` documents. person_id is the id of the
-- person's `people` document, which holds name, roles and whether the account is active.
CREATE TABLE accounts (
  person_id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Rotating refresh tokens. Only a hash of each token is stored. Every sign-in starts a family;
-- each refresh marks its token used and issues the next one in the family. Presenting a used
-- token again means it leaked: the whole family is revoked.
CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,
  family_id text NOT NULL,
  person_id text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

-- Server-wide settings shared by every process on this database (signing secret in development,
-- one-time set-up tokens).
CREATE TABLE server_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);
