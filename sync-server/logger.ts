import pino, { type DestinationStream, type Logger } from 'pino';
import { logOptions } from '../src-main/logging/log-format';

export type { Logger };

/**
 * Structured JSON logs in LabFlow's one format (src-main/logging/log-format.ts, shared with the
 * desktop host). Authentication events and refused authorisations are logged with an `event` field
 * (`auth.*`, `authz.refused`) so they can be searched and alerted on.
 */
export function createServerLogger(level: string, destination?: DestinationStream): Logger {
  const options = logOptions('labflow-sync', level);
  return destination ? pino(options, destination) : pino(options);
}
