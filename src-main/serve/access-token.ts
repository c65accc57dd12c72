import { timingSafeEqual } from 'node:crypto';

/**
 * Serve mode's access token: a secret kept in the data folder (access-token-file.ts), printed in the
 * address a person opens. The page's first load sets it as an HttpOnly cookie; the UI presents it
 * when its WebSocket connects (`/bridge?token=…` or the cookie, from the page's own origin), the
 * test harness as a bearer token on `POST /__test/clock`. Every check of it is here, so a change in how
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
 * The cookie a browser keeps the token in once a page was opened with it, so the bare address (a
 * bookmark: the UI strips the token from the address bar) opens LabFlow too. HttpOnly: the page's
 * scripts cannot read it; SameSite=Strict: no other site's page can make the browser send it.
 */
export const ACCESS_COOKIE = 'labflow_access';
const COOKIE_MAX_AGE_S = 400 * 86_400;

export const accessCookie = (token: string): string => `${ACCESS_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_S}`;

/** The token a `Cookie` header carries, or '' when none. */
export function tokenFromCookie(cookieHeader: string | undefined): string {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === ACCESS_COOKIE) return value.join('=');
  }
  return '';
}

/** Whether a request carries the run's token, in the address (`?token=`) or in the access cookie. */
export function carriesToken(request: { url: string | undefined; cookie: string | undefined }, token: string): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost');
  return sameToken(url.searchParams.get('token') ?? '', token) || sameToken(tokenFromCookie(request.cookie), token);
}

/**
 * Who before what (STYLE.md §3): a bridge connection is let through only to the bridge path, from
 * one of the allowed page origins (or no Origin header: not a browser page), with the run's token
 * in the address or the access cookie.
 */
export function isBridgeAllowed(request: { url: string | undefined; origin: string | undefined; cookie?: string | undefined }, token: string, allowedOrigins: readonly string[]): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== BRIDGE_PATH) return false;
  if (request.origin !== undefined && !allowedOrigins.includes(request.origin)) return false;
  return carriesToken({ url: request.url, cookie: request.cookie }, token);
}
