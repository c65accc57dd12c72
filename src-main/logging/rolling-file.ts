import { appendFileSync, existsSync, fsyncSync, mkdirSync, openSync, closeSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface RollingFileOptions {
  directory: string;
  fileName?: string;
  /** Roll over when the current file would grow past this size. */
  maxBytes?: number;
  /** How many rolled files to keep (labflow.1.log … labflow.N.log, 1 the newest). */
  keep?: number;
  /** Also echo each line to stdout (development). */
  echo?: boolean;
}

/**
 * The host log's destination for pino: each line appended synchronously, so a line logged just
 * before a crash is in the file (the log is for post-mortems, and a host writes few lines), rolled
 * over by size. The file is opened per line, not held, so several processes on one data folder (the
 * app and `npm run labflow`) append to the same file and nobody holds a handle to a rolled one.
 */
export class RollingFile {
  readonly path: string;
  private readonly directory: string;
  private readonly fileName: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly echo: boolean;

  constructor(options: RollingFileOptions) {
    this.directory = options.directory;
    this.fileName = options.fileName ?? 'labflow.log';
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
    this.keep = options.keep ?? 5;
    this.echo = options.echo ?? false;
    mkdirSync(this.directory, { recursive: true });
    this.path = join(this.directory, this.fileName);
  }

  /** pino's destination interface: one serialised line, newline included. */
  write(line: string): void {
    try {
      this.rollIfFull(Buffer.byteLength(line));
      appendFileSync(this.path, line);
    } catch {
      // A full disk must not take the app down with it; the console still gets the line with echo.
    }
    if (this.echo) process.stdout.write(line);
  }

  /** Asks the OS to put the file on the disk itself (after a fatal line: the machine may go next). */
  flushToDisk(): void {
    try {
      const fd = openSync(this.path, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      // Nothing more to do for a log that cannot be opened.
    }
  }

  /** The rolled file number n (1 is the newest). */
  rolledPath(n: number): string {
    return join(this.directory, this.fileName.replace(/\.log$/, `.${n}.log`));
  }

  private rollIfFull(incomingBytes: number): void {
    if (!existsSync(this.path)) return;
    const size = statSync(this.path).size;
    if (size === 0 || size + incomingBytes <= this.maxBytes) return;
    rmSync(this.rolledPath(this.keep), { force: true });
    for (let n = this.keep - 1; n >= 1; n--) if (existsSync(this.rolledPath(n))) renameSync(this.rolledPath(n), this.rolledPath(n + 1));
    renameSync(this.path, this.rolledPath(1));
  }
}
