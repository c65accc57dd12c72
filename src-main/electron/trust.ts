/**
 * Who and where the desktop app trusts, as pure functions over strings and plain frame data so
 * they run (and are tested with hostile input) in plain Node. Nothing here imports 'electron'.
 *
 * The UI is served from one custom origin, `app://labflow`, registered as a standard, secure
 * scheme: only pages from that origin may talk to the host or be navigated to.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'labflow';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Longer strings are refused before parsing: no real link is this long, and it bounds the work. */
const MAX_URL_LENGTH = 2048;

/** `http(s)://` and a non-empty authority without a login (`@`) or a backslash. */
const RAW_HTTP_URL = /^https?:\/\/[^/?#@\\]+(?:[/?#]|$)/i;
/** Whitespace, control characters and bidi overrides (which can make a link read as something else). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The parts of Electron's WebFrameMain that the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly origin: string;
  readonly parent: object | null;
}

const parseUrl = (value: unknown): URL | null => {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL_LENGTH) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
};

/**
 * True for a URL inside the app's own origin: scheme `app:`, host `labflow`, no port and no
 * credentials. Node's URL parser keeps a custom scheme's host as written, while Chromium lowercases
 * a standard scheme's host, so the host compares case-insensitively.
 */
export function isAppUrl(value: unknown): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  return url.protocol === `${APP_SCHEME}:` && url.hostname.toLowerCase() === APP_HOST && url.port === '' && url.username === '' && url.password === '';
}

/** Navigation inside a window is allowed only within the app's origin. */
export const isAllowedNavigation = (url: unknown): boolean => isAppUrl(url);

/**
 * True for a link the desktop may hand to the system browser: http(s) only (never file:,
 * javascript:, data:, custom schemes that launch other programs), with a host, and without
 * credentials (`https://bank.example@evil.example` is how phishing links hide their real host).
 */
export function isSafeExternalUrl(value: unknown): boolean {
  // The raw text must already be a plain absolute http(s) URL: the parser would quietly repair
  // `https:host`, `http:///host` or an empty `:@` login, and what opens should be what was shown.
  if (typeof value !== 'string' || !RAW_HTTP_URL.test(value) || CONTROL_OR_SPACE.test(value)) return false;
  const url = parseUrl(value);
  if (!url) return false;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.hostname !== '' && url.username === '' && url.password === '';
}

/**
 * Check who before what (STYLE.md §3): an IPC message is only read when it comes from the main
 * frame of a window showing the app's own origin. Subframes, pages that navigated elsewhere and
 * frames that are gone (Electron gives `null`) are refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || typeof frame !== 'object') return false;
  if (frame.parent !== null) return false;
  return frame.origin === APP_ORIGIN && isAppUrl(frame.url);
}
