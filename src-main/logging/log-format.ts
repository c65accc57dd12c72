import { randomBytes } from 'node:crypto';
import pino, { type LoggerOptions } from 'pino';

/**
 * The one log format of LabFlow, used by the desktop host (`logger.ts`) and the sync server
 * (`sync-server/logger.ts`, which imports this file and nothing else of src-main; lint-enforced):
 * one JSON object per line, `time` as ISO 8601, `level` as a word, the text under `message`, the
 * process as `service` and `pid`. Secrets never reach either log: authorization headers, tokens and
 * passwords are redacted.
 */
export const LOG_MESSAGE_KEY = 'message';

export type LogService = 'labflow-desktop' | 'labflow-sync';

export function logOptions(service: LogService, level: string): LoggerOptions {
  return {
    level,
    messageKey: LOG_MESSAGE_KEY,
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['req.headers.authorization', 'password', 'refreshToken', 'accessToken', 'setupToken', '*.password'],
      censor: '[redacted]',
    },
  };
}

/** The id a person quotes to find an unexpected error in the log ("error E-1A2B3C4D"). */
export function newErrorId(): string {
  return 'E-' + randomBytes(4).toString('hex').toUpperCase();
}
