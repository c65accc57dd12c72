import { timingSafeEqual } from 'node:crypto';

/**
 * Serve mode's access token: a fresh secret per run, printed in the address a person opens. The UI
 * presents it when its WebSocket connects (`/bridge?token=…`, from the page's own origin), the test
 * harness as a bearer token on `POST /__test/clock`. Every check of it is here, so a change in how
 * serve mode remembers sign-ins touches one module.
 */

export const BRIDGE_PATH = '/bridge';

/** Compares in constant time, so response timing tells nothing about how much of a guess was right. */
export function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether an `Authorization: Bearer …` header carries the run's token. */
export const isBearerOf = (authorization: string | undefined, token: string): boolean => sameToken(/^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '', token);

/**
 * Who before what (STYLE.md §3): a bridge connection is let through only to the bridge path, from
 * one of the allowed page origins (or no Origin header: not a browser page), with the run's token.
 */
export function isBridgeAllowed(request: { url: string | undefined; origin: string | undefined }, token: string, allowedOrigins: readonly string[]): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== BRIDGE_PATH) return false;
  if (request.origin !== undefined && !allowedOrigins.includes(request.origin)) return false;
  return sameToken(url.searchParams.get('token') ?? '', token);
}
