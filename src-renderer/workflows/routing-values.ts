import type { Comparison, Condition, ComparisonOp } from '../../src-shared/workflows/routing-rules';

/**
 * The rule builder edits flat lists of comparisons ("all of these hold"); these helpers turn a
 * stored condition into such a list and back, and read typed values from what a person typed.
 */

const isComparison = (c: Condition): c is Comparison => 'var' in c;

/** The comparisons of a condition the builder can show, or null when it nests (any/not): the JSON view edits those. */
export function flatComparisons(condition: Condition): Comparison[] | null {
  if (isComparison(condition)) return [condition];
  if ('all' in condition && condition.all.every(isComparison)) return condition.all as Comparison[];
  return null;
}

export const fromComparisons = (list: Comparison[]): Condition => (list.length === 1 ? (list[0] as Comparison) : { all: list });

const scalar = (text: string): unknown => {
  const t = text.trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t === 'null') return null;
  if (t !== '' && !Number.isNaN(Number(t))) return Number(t);
  return t.replace(/^"(.*)"$/, '$1');
};

/** Typed text → the comparison's value: numbers, true/false, null, text; a comma list for in / nin. */
export function parseValue(op: ComparisonOp, text: string): unknown {
  if (op === 'exists') return text === '' ? undefined : text === 'true';
  if (op === 'in' || op === 'nin') return text.split(',').map((part) => scalar(part)).filter((v) => v !== '');
  return scalar(text);
}

export function formatValue(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => formatValue(v)).join(', ');
  if (typeof value === 'string' && (value === 'true' || value === 'false' || value === 'null' || (value.trim() !== '' && !Number.isNaN(Number(value))))) return `"${value}"`;
  return String(value);
}

export const opLabel: Record<ComparisonOp, string> = {
  eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', in: 'is one of', nin: 'is none of', exists: 'is set', contains: 'contains',
};
