import type { SqlClient } from '../db/sql-database';

export interface Account {
  personId: string;
  email: string;
  passwordHash: string;
}

/** After this many wrong passwords in a row from one source, sign-in from there is locked for LOCK_MINUTES. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

interface Row {
  person_id: string;
  email: string;
  password_hash: string;
}

const toAccount = (r: Row): Account => ({
  personId: r.person_id,
  email: r.email,
  passwordHash: r.password_hash,
});

export async function findAccountByEmail(db: SqlClient, email: string): Promise<Account | null> {
  const { rows } = await db.query<Row>('SELECT * FROM accounts WHERE email = $1', [email.trim().toLowerCase()]);
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function countAccounts(db: SqlClient): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM accounts');
  return Number(rows[0]?.n ?? 0);
}

/** Creates or updates the credentials of a person (from an administrator's push or the bootstrap). */
export async function saveCredentials(db: SqlClient, personId: string, email: string, passwordHash: string | null): Promise<void> {
  const address = email.trim().toLowerCase();
  // Another account may hold the address (a person whose email was changed); the newer owner wins it.
  await db.query('DELETE FROM accounts WHERE email = $1 AND person_id <> $2', [address, personId]);
  if (passwordHash) {
    await db.query(
      `INSERT INTO accounts (person_id, email, password_hash) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET email = EXCLUDED.email, password_hash = EXCLUDED.password_hash, updated_at = now()`,
      [personId, address, passwordHash],
    );
  } else {
    await db.query('UPDATE accounts SET email = $2, updated_at = now() WHERE person_id = $1', [personId, address]);
  }
}

/**
 * Counts a wrong password for the person from `source` (the client address); locks sign-in for that
 * person from that source when the limit is reached. Returns whether it is now locked. A lock per
 * person and source keeps a stranger guessing from elsewhere from locking a colleague out.
 */
export async function recordFailure(db: SqlClient, personId: string, source: string, now: Date): Promise<boolean> {
  const { rows } = await db.query<{ failed_attempts: number }>(
    `INSERT INTO sign_in_failures (person_id, source, failed_attempts, locked_until, updated_at) VALUES ($1, $2, 1, NULL, $4::timestamptz)
     ON CONFLICT (person_id, source) DO UPDATE SET
       failed_attempts = sign_in_failures.failed_attempts + 1,
       locked_until = CASE WHEN sign_in_failures.failed_attempts + 1 >= $3 THEN $5::timestamptz ELSE sign_in_failures.locked_until END,
       updated_at = $4::timestamptz
     RETURNING failed_attempts`,
    [personId, source, MAX_FAILED_ATTEMPTS, now.toISOString(), new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString()],
  );
  return Number(rows[0]?.failed_attempts ?? 0) >= MAX_FAILED_ATTEMPTS;
}

/** Until when sign-in is locked for the person from `source`, or null. */
export async function lockedUntil(db: SqlClient, personId: string, source: string, now: Date): Promise<Date | null> {
  const { rows } = await db.query<{ locked_until: Date | string | null }>('SELECT locked_until FROM sign_in_failures WHERE person_id = $1 AND source = $2', [personId, source]);
  const until = rows[0]?.locked_until ? new Date(rows[0].locked_until) : null;
  return until && until.getTime() > now.getTime() ? until : null;
}

/** A right password from `source`: its count starts again (a lock from elsewhere stays). */
export async function recordSuccess(db: SqlClient, personId: string, source: string): Promise<void> {
  await db.query('DELETE FROM sign_in_failures WHERE person_id = $1 AND source = $2', [personId, source]);
}

/** An administrator's unlock: every lock and count of the person ends. Returns how many sources were locked. */
export async function unlockPerson(db: SqlClient, personId: string, now: Date): Promise<number> {
  const { rows } = await db.query<{ locked_until: Date | string | null }>('DELETE FROM sign_in_failures WHERE person_id = $1 RETURNING locked_until', [personId]);
  return rows.filter((r) => r.locked_until && new Date(r.locked_until).getTime() > now.getTime()).length;
}
