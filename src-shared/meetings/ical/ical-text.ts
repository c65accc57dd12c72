/**
 * The text layer of iCalendar (RFC 5545 §3.1–3.3): content lines with parameters, TEXT escaping,
 * folding at 75 octets of UTF-8 (never inside a character) and CRLF line ends. Pure.
 */

export const CRLF = '\r\n';
const MAX_OCTETS = 75;

// eslint-disable-next-line no-control-regex -- what escapeText changes
const NEEDS_ESCAPE = /[\\;,\u0000-\u001f\u007f]/;

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', ';': '\\;', ',': '\\,', '\n': '\\n', '\r\n': '\\n', '\r': '\\n' };

/** TEXT values (§3.3.11): backslash, semicolon, comma and line breaks are escaped; other control characters dropped. */
export const escapeText = (value: string): string =>
  // Most texts (names, titles) have nothing to escape: one test; the rest in one pass, not five.
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in TEXT
  NEEDS_ESCAPE.test(value) ? value.replace(/\r\n|[\\;,\n\r\u0000-\u0008\u000b-\u001f\u007f]/g, (match) => TEXT_ESCAPES[match] ?? '') : value;

/**
 * A parameter value (§3.2): quoted when it holds `:`, `;` or `,`; a double quote cannot appear
 * even quoted, so it becomes a single one, and control characters are dropped.
 */
export function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in parameter values
  const clean = /["\u0000-\u001f\u007f]/.test(value) ? value.replace(/"/g, "'").replace(/[\u0000-\u001f\u007f]/g, ' ') : value;
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

const utf8Length = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

// eslint-disable-next-line no-control-regex -- the ASCII range, control characters included
const ASCII = /^[\u0000-\u007f]*$/;

/** Splits a line into pieces of at most 75 octets (74 after the first, which lose one to the leading space). */
export function foldLine(line: string): string {
  if (line.length <= MAX_OCTETS && (line.length * 4 <= MAX_OCTETS || ASCII.test(line))) return line;
  // ASCII (nearly every line a feed holds): one octet per character, so plain slices.
  if (ASCII.test(line)) {
    const pieces = [line.slice(0, MAX_OCTETS)];
    for (let at = MAX_OCTETS; at < line.length; at += MAX_OCTETS - 1) pieces.push(line.slice(at, at + MAX_OCTETS - 1));
    return pieces.join(`${CRLF} `);
  }
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join(`${CRLF} `);
}

export type Params = Readonly<Record<string, string | undefined>>;

/** One content line, folded: `NAME;PARAM=value:value`. `value` is written as given (escape TEXT first). */
export function contentLine(name: string, value: string, params: Params = {}): string {
  // A plain loop: a feed writes hundreds of thousands of these.
  let line = name;
  for (const key in params) {
    const param = params[key];
    if (param !== undefined && param !== '') line += `;${key}=${paramValue(param)}`;
  }
  return foldLine(`${line}:${value}`);
}

/** A TEXT property, escaped. */
export const textLine = (name: string, value: string, params: Params = {}): string => contentLine(name, escapeText(value), params);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// An instant as toISOString writes it (how LabFlow stores every instant): 2026-03-16T09:00:00.000Z.
const STORED_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;

/** `YYYY-MM-DDTHH:MM:SS…` as `YYYYMMDDTHHMMSS` (the digits iCalendar writes), read from the text itself. */
export const compactDateTime = (iso: string): string => iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10) + 'T' + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19);

/** UTC DATE-TIME (form 2): 20260316T090000Z. */
export function utcDateTime(iso: string): string {
  // The stored form already holds the digits: no Date object per timestamp (a feed writes tens of thousands).
  if (STORED_INSTANT.test(iso)) return `${compactDateTime(iso)}Z`;
  const d = new Date(Date.parse(iso));
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** Local DATE-TIME for use with TZID (form 3): 20260316T100000. */
export const localDateTime = (wall: { year: number; month: number; day: number; hour: number; minute: number; second: number }): string =>
  `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;

/** DATE value: 20260316 from 2026-03-16. */
export const dateValue = (planDate: string): string => planDate.replace(/-/g, '');

/** `mailto:` URI of an address (CAL-ADDRESS). */
export const mailto = (email: string): string => `mailto:${email.replace(/[\s"<>]/g, '')}`;

/** Joins component lines into iCalendar text with CRLF after every line. */
export const joinLines = (lines: readonly string[]): string => lines.join(CRLF) + CRLF;
