/**
 * Exchange rates as finance enters them: dated, and scaled to an integer (no floating point rate
 * ever multiplies an amount). A rate says how many units of `to` one unit of `from` buys on and after
 * `validFrom`, times 10⁹ — nine decimals hold every published rate (1 JPY = 0.006410 USD is 6,410,000).
 * Conversion scales between the two currencies' minor digits and rounds once. Pure.
 */
import { divideRounded, minorDigitsOf, money, type CurrencyCode, type Money, type RoundingRule } from './money';

export const RATE_DECIMALS = 9;
const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS);

export interface ExchangeRate {
  from: CurrencyCode;
  to: CurrencyCode;
  /** The first day (YYYY-MM-DD) the rate applies; it holds until a later rate's day. */
  validFrom: string;
  /** Units of `to` per unit of `from`, × 10⁹ (1.0834 → 1_083_400_000). */
  rateScaled: number;
}

/**
 * A rate as typed ("1.0834", "162.45") as the scaled integer, read digit by digit; null when it is
 * not a positive decimal with at most nine decimals.
 */
export function parseRate(text: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,9}))?$/.exec(text.trim());
  if (!match) return null;
  const scaled = BigInt(match[1]!) * RATE_SCALE + BigInt((match[2] ?? '').padEnd(RATE_DECIMALS, '0'));
  if (scaled === 0n || scaled > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(scaled);
}

/** The scaled rate as text, without trailing zeros ("1.0834"). */
export function rateText(rateScaled: number): string {
  const whole = BigInt(rateScaled) / RATE_SCALE;
  const fraction = (BigInt(rateScaled) % RATE_SCALE).toString().padStart(RATE_DECIMALS, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** The rate from → to that applies on a day: the latest with `validFrom` on or before it; null if none. */
export function rateOn(rates: readonly ExchangeRate[], from: CurrencyCode, to: CurrencyCode, day: string): ExchangeRate | null {
  if (from === to) return { from, to, validFrom: day, rateScaled: Number(RATE_SCALE) };
  let best: ExchangeRate | null = null;
  for (const rate of rates) {
    if (rate.from !== from || rate.to !== to || rate.validFrom > day) continue;
    if (!best || rate.validFrom > best.validFrom) best = rate;
  }
  return best;
}

/** An amount in the rate's `to` currency: amount × rate, moved between the two minor digit counts, rounded once. */
export function convert(amount: Money, rate: ExchangeRate, rule: RoundingRule = 'half_up'): Money {
  if (amount.currency !== rate.from) throw new RangeError(`This rate converts ${rate.from}, not ${amount.currency}.`);
  const digitShift = minorDigitsOf(rate.to) - minorDigitsOf(rate.from);
  const numerator = BigInt(amount.amountMinor) * BigInt(rate.rateScaled) * 10n ** BigInt(Math.max(digitShift, 0));
  const denominator = RATE_SCALE * 10n ** BigInt(Math.max(-digitShift, 0));
  return money(divideRounded(numerator, denominator, rule), rate.to);
}
