/**
 * LabFlow's one money core: integer minor units with an ISO 4217 currency, rounding, tax on a net
 * amount, conversion at a dated exchange rate and allocation of an amount over parts. Finance
 * (invoices, payments, expenses, budgets) and CRM's quotations use these functions, never their own
 * arithmetic; no floating point value is ever an amount (the lint rule in eslint.config.js makes
 * `parseFloat`, `toFixed` and scaling by 100 hard to add in money files). Every product and quotient
 * is taken in BigInt, so a large amount cannot lose a minor unit on the way. It also holds the one
 * table of minor digits and the text an amount is typed and shown as (`parseMoneyAmount`,
 * `majorAmountText`), which the display format and every form use. Pure.
 *
 * Rounding rule: half away from zero (`half_up`, "commercial rounding") for prices, discounts and
 * tax — what the EU VAT practice and the Swiss and UK tax authorities expect on an invoice, and what
 * CRM's quotations always used, so an order's quotation and its invoice agree to the cent. Half to
 * even (`half_even`, "banker's rounding") is offered for conversions that are summed in bulk (bank
 * statement lines, report totals in another currency), where it carries no upward bias. Each caller
 * names the rule; `half_up` is the default.
 */

/** An integer count of a currency's minor units (cents, yen, fils). Make one with `minorUnits`. */
export type MinorUnits = number & { readonly __minorUnits: unique symbol };

/** An ISO 4217 code, three capital letters ("EUR"). */
export type CurrencyCode = string;

export interface Money {
  amountMinor: MinorUnits;
  currency: CurrencyCode;
}

export type RoundingRule = 'half_up' | 'half_even';

/**
 * ISO 4217 minor digits of the currencies that do not have two. Written out rather than asked of
 * Intl, so the host, the sync server and every PC count the same whatever their ICU data.
 */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const CURRENCY = /^[A-Z]{3}$/;

export const isCurrencyCode = (value: string): value is CurrencyCode => CURRENCY.test(value);

/** 2 for EUR, CHF, USD, GBP; 0 for JPY; 3 for KWD and BHD. */
export const minorDigitsOf = (currency: CurrencyCode): number => MINOR_DIGITS[currency] ?? 2;

const LARGEST = BigInt(Number.MAX_SAFE_INTEGER);

/** An integer amount as minor units; anything else (a fraction, NaN, beyond 2⁵³) is a programming error. */
export function minorUnits(value: number | bigint): MinorUnits {
  if (typeof value === 'bigint') {
    if (value > LARGEST || value < -LARGEST) throw new RangeError('An amount is beyond what LabFlow can store exactly.');
    return Number(value) as MinorUnits; // the brand is given here and only here, after the check
  }
  if (!Number.isSafeInteger(value)) throw new RangeError(`An amount must be a whole number of minor units (got ${value}).`);
  return value as MinorUnits;
}

export function money(amountMinor: number | bigint, currency: CurrencyCode): Money {
  if (!isCurrencyCode(currency)) throw new RangeError(`"${currency}" is not an ISO 4217 currency code.`);
  return { amountMinor: minorUnits(amountMinor), currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`Cannot combine ${a.currency} with ${b.currency} without an exchange rate.`);
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(BigInt(a.amountMinor) + BigInt(b.amountMinor), a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(BigInt(a.amountMinor) - BigInt(b.amountMinor), a.currency);
}

/** The exact sum of integer amounts (checked, so a sum past 2⁵³ throws instead of drifting). */
export const sumMinor = (amounts: readonly number[]): MinorUnits =>
  minorUnits(amounts.reduce((total, amount) => total + BigInt(minorUnits(amount)), 0n));

/** numerator / denominator rounded to an integer by the rule; the denominator must be positive. */
export function divideRounded(numerator: bigint, denominator: bigint, rule: RoundingRule = 'half_up'): bigint {
  if (denominator <= 0n) throw new RangeError('Divide by a positive amount.');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = magnitude / denominator;
  const twiceRemainder = (magnitude % denominator) * 2n;
  const roundsUp = twiceRemainder > denominator || (twiceRemainder === denominator && (rule === 'half_up' || quotient % 2n === 1n));
  const rounded = roundsUp ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/**
 * A decimal number as an integer scaled by 10^decimals, read from its shortest decimal text so that
 * 7.7 % is exactly 770 basis points (7.7 × 100 is 770.0000000000001 in floating point). Digits
 * beyond `decimals` round half up; the schemas refuse them before this runs.
 */
export function scaledInteger(value: number, decimals: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`Not a number: ${value}.`);
  const text = Math.abs(value).toString();
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Cannot read ${value} as a decimal.`);
  const exponent = Number(match[3] ?? 0) + decimals;
  const digits = BigInt(`${match[1]}${match[2] ?? ''}`);
  const shift = exponent - (match[2]?.length ?? 0);
  const scaled = shift >= 0 ? digits * 10n ** BigInt(shift) : divideRounded(digits, 10n ** BigInt(-shift));
  return minorUnits(value < 0 ? -scaled : scaled);
}

/** 12.5 % → 1250 basis points. */
export const basisPointsOf = (percent: number): number => scaledInteger(percent, 2);

/** 1.5 units → 1500 thousandths. */
export const thousandthsOf = (quantity: number): number => scaledInteger(quantity, 3);

/** Whether a number has at most `decimals` decimals as typed (7.7 yes, 7.77 for two yes, 0.125 for two no). */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  // Six digits further than asked, so floating point noise (7.000000000000001) still counts as 7.
  if (!Number.isFinite(value)) return false;
  return scaledInteger(value, decimals + 6) % 1_000_000 === 0;
}

/** Tax on a net amount at a rate in basis points (1900 for 19 %), rounded to the minor unit. */
export const taxOnNet = (netMinor: number, rateBasisPoints: number, rule: RoundingRule = 'half_up'): MinorUnits =>
  minorUnits(divideRounded(BigInt(minorUnits(netMinor)) * BigInt(rateBasisPoints), 10_000n, rule));

/** quantity (in thousandths of a unit) × unit price, rounded to the minor unit. */
export const extendedAmount = (quantityThousandths: number, unitPriceMinor: number, rule: RoundingRule = 'half_up'): MinorUnits =>
  minorUnits(divideRounded(BigInt(quantityThousandths) * BigInt(minorUnits(unitPriceMinor)), 1000n, rule));

/** An amount's part in basis points (a 12.5 % discount of it), rounded to the minor unit. */
export const percentOf = (amountMinor: number, basisPoints: number, rule: RoundingRule = 'half_up'): MinorUnits =>
  minorUnits(divideRounded(BigInt(minorUnits(amountMinor)) * BigInt(basisPoints), 10_000n, rule));

/**
 * Splits an amount over parts in proportion to integer weights without losing or inventing a minor
 * unit (largest remainder): each part gets its floor, and the units left over go one each to the
 * parts with the largest remainders, the earlier part first on a tie. The parts always add up to
 * the whole. All weights zero splits evenly. A negative amount is split as its magnitude, negated.
 */
export function allocate(totalMinor: number, weights: readonly number[]): MinorUnits[] {
  if (weights.length === 0) throw new RangeError('Allocate over at least one part.');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('Weights are whole numbers, zero or more.');
  const total = BigInt(minorUnits(totalMinor));
  const magnitude = total < 0n ? -total : total;
  const even = weights.every((w) => w === 0);
  const big = weights.map((w) => BigInt(even ? 1 : w));
  const weightSum = big.reduce((sum, w) => sum + w, 0n);
  const shares = big.map((w) => (magnitude * w) / weightSum);
  const remainders = big.map((w, index) => ({ index, remainder: (magnitude * w) % weightSum }));
  let left = magnitude - shares.reduce((sum, s) => sum + s, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    shares[index] = shares[index]! + 1n;
    left -= 1n;
  }
  return shares.map((share) => minorUnits(total < 0n ? -share : share));
}

/**
 * Minor units as the plain amount in major units, by integer arithmetic: 123456 EUR → "1234.56",
 * -5 EUR → "-0.05", 1000 JPY → "1000". What a person edits, what Intl formats and what exports
 * carry, so no amount passes through a floating point fraction on its way to text.
 */
export function majorAmountText(amountMinor: number, currency: CurrencyCode): string {
  const digits = minorDigitsOf(currency);
  const magnitude = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - digits);
  const sign = amountMinor < 0 ? '-' : '';
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${magnitude.slice(-digits)}`;
}

export type ParsedAmount = { ok: true; amountMinor: MinorUnits } | { ok: false; message: string };

/**
 * What a person types as an amount ("1,234.50", "1234,5", "12", "1 234.50") in minor units of the
 * currency, or an error to show at the field. A comma is the decimal mark when there is no point.
 * Read digit by digit into an integer — never through a float — so "0.29" is 29 cents, always.
 */
export function parseMoneyAmount(text: string, currency: CurrencyCode): ParsedAmount {
  const compact = text.replace(/[\s\u00a0']/g, '');
  const normal = compact.includes('.') ? compact.replace(/,/g, '') : compact.replace(',', '.');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(normal);
  if (!match) return { ok: false, message: 'Enter an amount, e.g. 1250.00.' };
  const digits = minorDigitsOf(currency);
  const decimals = match[2] ?? '';
  if (decimals.length > digits) return { ok: false, message: digits === 0 ? `${currency} has no decimals.` : `At most ${digits} decimals in ${currency}.` };
  const amount = BigInt(`${match[1]}${decimals.padEnd(digits, '0')}`);
  if (amount > LARGEST) return { ok: false, message: 'That amount is too large.' };
  return { ok: true, amountMinor: minorUnits(amount) };
}
