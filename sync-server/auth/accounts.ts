import type { SqlClient } from '../db/sql-database';

export interface Account {
  personId: string;
  email: string;
  passwordHash: string;
  failedAttempts: number;
  lockedUntil: Date | null;
}

/** After this many wrong passwords in a row, sign-in is locked for LOCK_MINUTES. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

interface Row {
  person_id: string;
  email: string;
  password_hash: string;
  failed_attempts: number;
  locked_until: Date | string | null;
}

const toAccount = (r: Row): Account => ({
  personId: r.person_id,
  email: r.email,
  passwordHash: r.password_hash,
  failedAttempts: Number(r.failed_attempts),
  lockedUntil: r.locked_until ? new Date(r.locked_until) : null,
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
       ON CONFLICT (person_id) DO UPDATE SET email = EXCLUDED.email, password_hash = EXCLUDED.password_hash, failed_attempts = 0, locked_until = NULL, updated_at = now()`,
      [personId, address, passwordHash],
    );
  } else {
    await db.query('UPDATE accounts SET email = $2, updated_at = now() WHERE person_id = $1', [personId, address]);
  }
}

/** Counts a wrong password; locks the account when the limit is reached. Returns whether it is now locked. */
export async function recordFailure(db: SqlClient, personId: string, now: Date): Promise<boolean> {
  const { rows } = await db.query<{ failed_attempts: number }>(
    `UPDATE accounts SET failed_attempts = failed_attempts + 1,
       locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
     WHERE person_id = $1 RETURNING failed_attempts`,
    [personId, MAX_FAILED_ATTEMPTS, new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString()],
  );
  return Number(rows[0]?.failed_attempts ?? 0) >= MAX_FAILED_ATTEMPTS;
}

export async function recordSuccess(db: SqlClient, personId: string): Promise<void> {
  await db.query('UPDATE accounts SET failed_attempts = 0, locked_until = NULL WHERE person_id = $1', [personId]);
}
