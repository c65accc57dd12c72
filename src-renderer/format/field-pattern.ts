/**
 * The pattern a date field reads and writes, derived from the same Intl options as
 * src-shared/format/display-format.ts, so what a person types into a field looks exactly like the
 * dates around it ("2 Mar 2026" in en-GB, "Mar 2, 2026" in en-US) instead of Chromium's mm/dd/yyyy.
 *
 * The result uses dayjs's tokens (D, MMM, YYYY, HH, mm) with every literal in [brackets], which is how
 * @mui/x-date-pickers' dayjs adapter escapes text. Pure: the locale is passed in (the runtime's when absent).
 */

const DAY_OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
const DAY_TIME_OPTIONS: Intl.DateTimeFormatOptions = { ...DAY_OPTIONS, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

const TOKENS: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = { day: 'D', month: 'MMM', year: 'YYYY', hour: 'HH', minute: 'mm' };

function patternOf(options: Intl.DateTimeFormatOptions, locale?: string): string {
  // Any instant will do: only the order of the parts and the text between them are read.
  const parts = new Intl.DateTimeFormat(locale, options).formatToParts(Date.UTC(2026, 2, 16, 14, 5));
  return parts.map((part) => TOKENS[part.type] ?? (part.value ? `[${part.value}]` : '')).join('');
}

/** A calendar day's pattern, e.g. "D[ ]MMM[ ]YYYY" (en-GB). */
export const dayFieldPattern = (locale?: string): string => patternOf(DAY_OPTIONS, locale);

/** A day and time's pattern, e.g. "D[ ]MMM[ ]YYYY[, ]HH[:]mm" (en-GB). */
export const dayTimeFieldPattern = (locale?: string): string => patternOf(DAY_TIME_OPTIONS, locale);

/**
 * The locale's month names as Intl writes them (en-GB's September is "Sept", dayjs's English "Sep"),
 * so a field shows and accepts the same month names as the rest of the app.
 */
export function monthNames(locale?: string): { long: string[]; short: string[] } {
  const nameOf = (month: 'long' | 'short', index: number) =>
    new Intl.DateTimeFormat(locale, { month, day: 'numeric', timeZone: 'UTC' }).formatToParts(Date.UTC(2026, index, 16)).find((p) => p.type === 'month')?.value ?? '';
  const indexes = Array.from({ length: 12 }, (_v, i) => i);
  return { long: indexes.map((i) => nameOf('long', i)), short: indexes.map((i) => nameOf('short', i)) };
}
