import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Logs an unexpected error and returns the id a person can quote to find it in the log. */
  error(message: string, error?: unknown, fields?: Record<string, unknown>): string;
}

export interface LoggerOptions {
  directory: string;
  fileName?: string;
  /** Rotate when the current file grows past this size. */
  maxBytes?: number;
  /** How many rotated files to keep (labflow.1.log … labflow.N.log). */
  keep?: number;
  clock?: () => Date;
  /** Also echo to the console (serve mode and development). */
  echo?: boolean;
}

/**
 * A small rotating JSON-lines logger. Synchronous appends: the log is for post-mortems, so a line
 * written just before a crash must be on disk.
 */
export function createLogger(options: LoggerOptions): Logger {
  const { directory, fileName = 'labflow.log', maxBytes = 5 * 1024 * 1024, keep = 5, clock = () => new Date(), echo = false } = options;
  mkdirSync(directory, { recursive: true });
  const path = join(directory, fileName);

  const rotateIfNeeded = () => {
    if (!existsSync(path) || statSync(path).size < maxBytes) return;
    const rotated = (n: number) => join(directory, fileName.replace(/\.log$/, `.${n}.log`));
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    renameSync(path, rotated(1));
  };

  const write = (level: string, message: string, fields: Record<string, unknown> = {}) => {
    const line = JSON.stringify({ time: clock().toISOString(), level, message, ...fields });
    try {
      rotateIfNeeded();
      appendFileSync(path, line + '\n');
    } catch {
      // A full disk must not take the app down with it; the console still gets the line.
    }
    if (echo) (level === 'error' ? console.error : console.log)(line);
  };

  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, error, fields) => {
      const errorId = 'E-' + randomBytes(4).toString('hex').toUpperCase();
      const detail = error instanceof Error ? { error: error.message, stack: error.stack } : error === undefined ? {} : { error: String(error) };
      write('error', message, { errorId, ...detail, ...fields });
      return errorId;
    },
  };
}
