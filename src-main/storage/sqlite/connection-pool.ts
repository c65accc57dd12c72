import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { FileEpoch, forgetClosedFile, signatureBeforeOpen } from './file-epoch';

/**
 * One better-sqlite3 connection per database file per process.
 *
 * better-sqlite3 is synchronous, so a single connection serialises every read and write of this
 * process on that file. That is what makes a bulkWrite (read current revisions, check conflicts,
 * write) atomic with respect to every other storage instance in the process without any locking
 * of our own. Instances share the connection and give it back with release(); the file is closed
 * when the last one does.
 */

export type SqliteSynchronous = 'NORMAL' | 'FULL';

export type ConnectionOptions = {
  /** How long a statement waits for another process's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs: number;
  synchronous: SqliteSynchronous;
};

export type SqliteConnection = {
  readonly filePath: string;
  readonly db: SqliteDatabase;
  /** Prepared statement for this SQL text, compiled once per connection and then reused. */
  statement(sql: string): Statement<unknown[], unknown>;
  /** Whether this process's view of the file is complete; see file-epoch.ts. */
  readonly epoch: FileEpoch;
  /**
   * Notes that a collection was removed. When the last instance then releases the connection and
   * no table is left, the whole database was removed: the file (and its -wal/-shm) is deleted so
   * no removed data stays behind in free pages.
   */
  noteRemoval(): void;
  /** Hands the connection back; closes the file when no instance uses it any more. */
  release(): void;
};

type PoolEntry = {
  db: SqliteDatabase;
  refCount: number;
  statements: Map<string, Statement<unknown[], unknown>>;
  hasRemovals: boolean;
  epoch: FileEpoch;
};

// Query SQL varies with the selector ($in lists, operators), so the cache is bounded.
const MAX_CACHED_STATEMENTS = 500;

const pool = new Map<string, PoolEntry>();

/** An error about one database file; the message always names the file so the host can show it. */
export class SqliteFileError extends Error {
  constructor(
    readonly filePath: string,
    action: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot ${action} SQLite database file "${filePath}": ${reason}`, { cause });
    this.name = 'SqliteFileError';
  }
}

/**
 * Opens (or reuses) the connection to `filePath`, creating the file if it does not exist.
 * Throws SqliteFileError when the file is locked by another process, corrupt or not a database;
 * the file is never deleted or reset.
 */
export function acquireConnection(filePath: string, options: ConnectionOptions): SqliteConnection {
  let entry = pool.get(filePath);
  if (!entry) {
    const signature = signatureBeforeOpen(filePath);
    const db = openDatabase(filePath, options);
    entry = { db, refCount: 0, statements: new Map(), hasRemovals: false, epoch: new FileEpoch(filePath, db, signature) };
    pool.set(filePath, entry);
  }
  entry.refCount++;
  const owned = entry;
  let isReleased = false;
  return {
    filePath,
    db: owned.db,
    epoch: owned.epoch,
    statement: (sql) => cachedStatement(owned, sql),
    noteRemoval: () => {
      owned.hasRemovals = true;
    },
    release: () => {
      if (isReleased) return;
      isReleased = true;
      owned.refCount--;
      if (owned.refCount > 0) return;
      pool.delete(filePath);
      owned.statements.clear();
      const isEmpty = owned.hasRemovals && countTables(owned.db) === 0;
      closeQuietly(owned.db);
      if (isEmpty) {
        deleteDatabaseFiles(filePath);
        forgetClosedFile(filePath);
      } else {
        owned.epoch.recordClose();
      }
    },
  };
}

/** How many instances currently hold the connection to `filePath` (0 when closed). For tests. */
export function connectionRefCount(filePath: string): number {
  return pool.get(filePath)?.refCount ?? 0;
}

function openDatabase(filePath: string, options: ConnectionOptions): SqliteDatabase {
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(filePath, { timeout: options.busyTimeoutMs });
    // Reading the schema forces SQLite to read and check the file header: a file that is not a
    // database (or is encrypted/corrupt) fails here instead of at the first write.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // WAL: readers never block the writer and a commit is a single append to the -wal file.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (String(mode).toLowerCase() !== 'wal') {
      throw new Error(`could not switch to WAL journal mode (got "${String(mode)}")`);
    }
    // WAL + NORMAL: a commit has been written to the -wal file (in the OS page cache) before
    // COMMIT returns, so it survives the process being killed; only an OS crash or power loss can
    // lose the last commits. FULL also fsyncs every commit, for power-loss durability.
    db.pragma(`synchronous = ${options.synchronous}`);
    return db;
  } catch (error) {
    if (db) closeQuietly(db);
    throw new SqliteFileError(filePath, 'open', error);
  }
}

function cachedStatement(entry: PoolEntry, sql: string): Statement<unknown[], unknown> {
  const cache = entry.statements;
  let statement = cache.get(sql);
  if (statement) {
    // Re-insert so the Map's insertion order doubles as least-recently-used order.
    cache.delete(sql);
    cache.set(sql, statement);
    return statement;
  }
  statement = entry.db.prepare<unknown[], unknown>(sql);
  cache.set(sql, statement);
  if (cache.size > MAX_CACHED_STATEMENTS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return statement;
}

function countTables(db: SqliteDatabase): number {
  try {
    return db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
  } catch {
    return -1; // unknown: keep the file
  }
}

function deleteDatabaseFiles(filePath: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      rmSync(filePath + suffix, { force: true });
    } catch {
      // Best effort (e.g. another process still has it open on Windows); an empty file is harmless.
    }
  }
}

function closeQuietly(db: SqliteDatabase): void {
  try {
    if (db.open) {
      // Lets SQLite refresh planner statistics for tables that changed a lot; cheap when nothing did.
      db.pragma('optimize');
      db.close();
    }
  } catch {
    // Closing is best effort: an error here must not hide the error that made us close.
  }
}
