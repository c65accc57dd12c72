import { majorAmountText, minorDigitsOf } from '../finance/money';
/**
 * How LabFlow writes dates, times, numbers and money for people: one format everywhere, on screen
 * (registers, record pages, lists) and in what the host produces for them (CSV and spreadsheet
 * exports, documents), so an export reads exactly like the register it came from.
 *
 * Pure: the locale and time zone are passed in (the UI passes its own when it asks the host for
 * text); left out, the runtime's own are used, which in the UI are the person's.
 */

export interface FormatPlace {
  /** BCP 47 locale, e.g. 'en-GB'; the runtime's when absent. */
  locale?: string;
  /** IANA time zone, e.g. 'Europe/Berlin'; the runtime's when absent. */
  timeZone?: string;
}

export const EMPTY_TEXT = '—';

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
const cached = <T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T => {
  let found = formatters.get(key) as T | undefined;
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
};

const dayFormat = (place: FormatPlace) =>
  // A calendar day has no time zone: it is built and written in UTC so it never shifts a day.
  cached(`day|${place.locale ?? ''}`, () => new Intl.DateTimeFormat(place.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));

const dateTimeFormat = (place: FormatPlace) =>
  cached(`time|${place.locale ?? ''}|${place.timeZone ?? ''}`, () =>
    new Intl.DateTimeFormat(place.locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(place.timeZone ? { timeZone: place.timeZone } : {}) }));

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' as a calendar day, e.g. "2 Mar 2026"; '—' when empty, the text itself when it is not a date. */
export function formatDay(date: string | undefined | null, place: FormatPlace = {}): string {
  if (!date) return EMPTY_TEXT;
  const match = DAY.exec(date);
  if (!match) return date.includes('T') ? formatDateTime(date, place) : date;
  return dayFormat(place).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** 'YYYY-MM' as a calendar month, e.g. "Mar 2026" (a forecast's month); the text itself when it is not one. */
export function formatMonth(month: string, place: FormatPlace = {}): string {
  const match = MONTH.exec(month);
  if (!match) return month;
  return cached(`month|${place.locale ?? ''}`, () => new Intl.DateTimeFormat(place.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

/** An ISO instant in the place's time zone, e.g. "2 Mar 2026, 14:05"; '—' when empty. */
export function formatDateTime(iso: string | undefined | null, place: FormatPlace = {}): string {
  if (!iso) return EMPTY_TEXT;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : dateTimeFormat(place).format(at);
}

/**
 * Integer minor units as a number in major units (1234 EUR cents → 12.34), for what needs a number —
 * a chart's axis, a spreadsheet cell. Read from the exact decimal text (money.ts), never divided.
 */
export const majorAmount = (amountMinor: number, currency: string): number => Number(majorAmountText(amountMinor, currency));

/**
 * Integer minor units as money in its currency, e.g. "€12,500.00"; with `display: 'code'`
 * "EUR 12,500.00" (documents, where a symbol such as $ could mean several currencies).
 */
export function formatMoney(amountMinor: number, currency: string, place: FormatPlace = {}, display: 'symbol' | 'code' = 'symbol'): string {
  try {
    // The decimals from money.ts's one table, whatever this runtime's ICU says; the amount as exact decimal text.
    const digits = minorDigitsOf(currency);
    const format = cached(`money|${place.locale ?? ''}|${currency}|${display}`, () => new Intl.NumberFormat(place.locale, { style: 'currency', currency, currencyDisplay: display, minimumFractionDigits: digits, maximumFractionDigits: digits }));
    return format.format(majorAmountText(amountMinor, currency) as Intl.StringNumericLiteral);
  } catch {
    return `${majorAmountText(amountMinor, currency)} ${currency}`;
  }
}

/** A number with the place's digit grouping and decimals, e.g. "12,500" or "2.5". */
export const formatNumber = (value: number, place: FormatPlace = {}): string =>
  cached(`number|${place.locale ?? ''}`, () => new Intl.NumberFormat(place.locale, { maximumFractionDigits: 6 })).format(value);

