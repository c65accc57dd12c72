import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs (pino). Authentication events and refused authorisations are logged with an
 * `event` field (`auth.*`, `authz.refused`) so they can be searched and alerted on. Secrets never
 * reach the log: authorization headers, tokens and passwords are redacted.
 */
export function createServerLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'labflow-sync' },
    redact: { paths: ['req.headers.authorization', 'password', 'refreshToken', 'accessToken', 'setupToken', '*.password'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
