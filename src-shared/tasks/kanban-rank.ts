/**
 * Fractional ranks for ordering Kanban cards: strings of base-36 digits compared as plain strings,
 * never ending in '0', so there is always room for another rank between any two. Moving a card
 * rewrites only that card's rank, which keeps offline edits on different PCs from conflicting.
 */

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const RANK = /^[0-9a-z]*[1-9a-z]$/;

export const isKanbanRank = (value: string): boolean => RANK.test(value) && value.length <= 100;

/**
 * A rank strictly between `before` and `after`; `null` means the start or the end of the column.
 * Throws when a rank is malformed or `before` is not below `after`: callers check that first
 * (ranks that collide after concurrent edits are re-spread with `evenRanks`).
 */
export function rankBetween(before: string | null, after: string | null): string {
  if (before !== null && !isKanbanRank(before)) throw new Error(`Not a Kanban rank: ${before}`);
  if (after !== null && !isKanbanRank(after)) throw new Error(`Not a Kanban rank: ${after}`);
  if (before !== null && after !== null && before >= after) throw new Error(`Rank ${before} is not below ${after}`);
  if (before === null && after === null) return 'i';
  // Cards are mostly added at the ends of a column; stepping one digit there (instead of halving the
  // open range) keeps ranks about one character longer per 35 cards rather than per 5.
  if (before === null) return stepDown(after as string);
  if (after === null) return stepUp(before);
  return midpoint(before, after);
}

/** The next rank above `a`, as short as possible. '' stands for the lowest possible rank. */
function stepUp(a: string): string {
  if (a === '') return '1';
  const digit = DIGITS.indexOf(a[0] as string);
  return digit < DIGITS.length - 1 ? (DIGITS[digit + 1] as string) : `z${stepUp(a.slice(1))}`;
}

/** The next rank below `b` (never '' and never ending in '0'). */
function stepDown(b: string): string {
  const digit = DIGITS.indexOf(b[0] as string);
  if (digit > 1) return DIGITS[digit - 1] as string;
  if (digit === 1) return b.length > 1 ? '1' : '0z';
  return `0${stepDown(b.slice(1))}`;
}

/** `a` < `b` (b null: above everything); '' stands for the lowest possible rank. */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    // Skip the shared prefix, reading a missing digit of `a` as '0'.
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const low = a === '' ? 0 : DIGITS.indexOf(a[0] as string);
  const high = b === null ? DIGITS.length : DIGITS.indexOf(b[0] as string);
  if (high - low > 1) return DIGITS[Math.round((low + high) / 2)] as string;
  // Adjacent first digits: a shorter prefix of `b` fits when `b` is longer; otherwise go one digit deeper after `a`.
  if (b !== null && b.length > 1) return b[0] as string;
  return (DIGITS[low] as string) + midpoint(a.slice(1), null);
}

/** `count` ascending ranks spread evenly, as short as possible: for a new column or to re-spread collided ranks. */
export function evenRanks(count: number): string[] {
  let width = 1;
  while (36 ** width < count + 1) width++;
  const space = 36 ** width;
  return Array.from({ length: count }, (_, i) =>
    Math.floor(((i + 1) * space) / (count + 1))
      .toString(36)
      .padStart(width, '0')
      .replace(/0+$/, ''),
  );
}
