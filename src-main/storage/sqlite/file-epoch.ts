import { existsSync, statSync } from 'node:fs';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';

/**
 * Epochs say when this process's view of a database file is complete: as long as the epoch of a
 * file does not change, every committed change to it was made through our one connection (and so
 * went through the document cache). The cache may then answer findDocumentsById() for documents
 * it holds without asking SQLite at all.
 *
 * A new epoch starts when
 * - another connection (another process, a tool, a raw handle in a test) commits to the file:
 *   SQLite's `PRAGMA data_version` changes for every commit not made by our connection;
 * - the file is opened and is not byte-for-byte the file we closed (checked with its inode, size
 *   and modification time taken right after our close, when SQLite has folded the WAL back in).
 *
 * Epoch numbers are unique in the process, so a cache entry stamped with one can be compared
 * across files and reopenings.
 */

let nextEpoch = 1;

// Files we closed cleanly, with how they looked right after and the epoch they then had.
const closedFiles = new Map<string, { signature: string; epoch: number }>();

export class FileEpoch {
  private epoch: number;
  private dataVersion: number;
  private readonly versionStatement: Statement<unknown[], unknown>;

  /** `signatureBeforeOpen`: signatureBeforeOpen() taken before SQLite opened the file. */
  constructor(
    private readonly filePath: string,
    db: SqliteDatabase,
    signatureBeforeOpen: string | undefined,
  ) {
    const closed = closedFiles.get(filePath);
    closedFiles.delete(filePath);
    this.epoch = closed && signatureBeforeOpen !== undefined && closed.signature === signatureBeforeOpen ? closed.epoch : nextEpoch++;
    this.versionStatement = db.prepare('PRAGMA data_version').pluck();
    this.dataVersion = this.versionStatement.get() as number;
  }

  /** The epoch as last checked; cheap. Safe for stamping what was just read or written. */
  get known(): number {
    return this.epoch;
  }

  /** Checks for commits by other connections (one cheap PRAGMA) and returns the current epoch. */
  current(): number {
    const version = this.versionStatement.get() as number;
    if (version !== this.dataVersion) {
      this.dataVersion = version;
      this.epoch = nextEpoch++;
    }
    return this.epoch;
  }

  /** Call right after the connection closed, so a reopening can tell whether the file changed. */
  recordClose(): void {
    const signature = fileSignature(this.filePath);
    // A -wal file left behind means someone else still had the file open: no claims about it.
    if (signature !== undefined && !existsSync(this.filePath + '-wal')) {
      closedFiles.set(this.filePath, { signature, epoch: this.epoch });
    }
  }
}

/**
 * How the file looks before SQLite opens it, or undefined when nothing can be claimed about it:
 * it does not exist, or a -wal file is there — someone else has it open or was killed while
 * writing, and their commits may sit in the WAL without having touched the main file.
 */
export function signatureBeforeOpen(filePath: string): string | undefined {
  return existsSync(filePath + '-wal') ? undefined : fileSignature(filePath);
}

/** Identity and state of the file on disk, or undefined when it does not exist. */
function fileSignature(filePath: string): string | undefined {
  try {
    const stat = statSync(filePath, { bigint: true });
    return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
  } catch {
    return undefined;
  }
}

export function forgetClosedFile(filePath: string): void {
  closedFiles.delete(filePath);
}
