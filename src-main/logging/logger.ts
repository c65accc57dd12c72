import pino from 'pino';
import { logOptions, newErrorId } from './log-format';
import { RollingFile, type RollingFileOptions } from './rolling-file';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Logs an unexpected error and returns the id a person can quote to find it in the log. */
  error(message: string, error?: unknown, fields?: Record<string, unknown>): string;
}

/** The host's own logger: also logs what ends the process, on the disk before it goes. */
export interface HostLogger extends Logger {
  fatal(message: string, error?: unknown, fields?: Record<string, unknown>): string;
}

export interface LoggerOptions extends RollingFileOptions {
  /** pino's level; 'info' unless told. */
  level?: string;
}

/** What an error adds to its line: the message and stack (the same fields as before pino). */
function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.message, stack: error.stack };
  return error === undefined ? {} : { error: String(error) };
}

/**
 * The host's log (`<data folder>/logs/labflow.log`): pino in LabFlow's one format
 * (`log-format.ts`, shared with the sync server), written synchronously to a file rolled by size.
 */
export function createLogger(options: LoggerOptions): HostLogger {
  const file = new RollingFile(options);
  const log = pino(logOptions('labflow-desktop', options.level ?? 'info'), file);
  const logError = (level: 'error' | 'fatal', message: string, error: unknown, fields: Record<string, unknown> = {}): string => {
    const errorId = newErrorId();
    log[level]({ errorId, ...errorFields(error), ...fields }, message);
    return errorId;
  };
  return {
    info: (message, fields = {}) => log.info(fields, message),
    warn: (message, fields = {}) => log.warn(fields, message),
    error: (message, error, fields) => logError('error', message, error, fields),
    fatal: (message, error, fields) => {
      const errorId = logError('fatal', message, error, fields);
      file.flushToDisk();
      return errorId;
    },
  };
}

/**
 * Logs an uncaught exception or unhandled rejection as a fatal line (on the disk before anything
 * else happens) and then ends the process through `stop`: by default a line on stderr and exit code
 * 70, as Node would have ended it anyway; the desktop app shows a dialog instead.
 */
export function logCrashes(log: HostLogger, stop: (errorId: string) => void = exitAfterCrash): void {
  const crash = (what: string) => (error: unknown) => stop(log.fatal(what, error));
  process.on('uncaughtException', crash('uncaught exception'));
  process.on('unhandledRejection', crash('unhandled rejection'));
}

function exitAfterCrash(errorId: string): void {
  process.stderr.write(`LabFlow stopped after an unexpected error (${errorId}); the details are in the log.\n`);
  process.exit(70);
}
