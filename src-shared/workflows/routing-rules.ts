import { z } from 'zod';

/**
 * Data-based routing: ordered rules over instance variables in a declarative form. Nothing here
 * evaluates code; a condition is plain data (a comparison, or all/any/not of conditions), so a
 * definition written by a lab admin or received from another PC cannot run anything.
 */

export const comparisonOps = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'exists', 'contains'] as const;
export type ComparisonOp = (typeof comparisonOps)[number];

/** A variable path: names separated by dots (`requester.department`); no prototype tricks. */
const variablePath = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'A variable is a name like estimated_cost or requester.department.')
  .refine((path) => !path.split('.').some((part) => forbiddenKeys.has(part)), 'This variable name is not allowed.');

const forbiddenKeys = new Set(['__proto__', 'prototype', 'constructor']);

export interface Comparison {
  var: string;
  op: ComparisonOp;
  value?: unknown;
}
export type Condition = Comparison | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const comparisonSchema = z.object({ var: variablePath, op: z.enum(comparisonOps), value: z.unknown().optional() }).strict();

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparisonSchema,
    z.object({ all: z.array(conditionSchema) }).strict(),
    z.object({ any: z.array(conditionSchema) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

export const routingRuleSchema = z.object({ when: conditionSchema, go: z.string() }).strict();
export type RoutingRule = z.infer<typeof routingRuleSchema>;

/** Ordered rules; the first that matches wins, else `default`. Validation requires `default`. */
export const routingSchema = z.object({ rules: z.array(routingRuleSchema), default: z.string().optional() }).strict();
export type Routing = z.infer<typeof routingSchema>;

const maxDepth = 8;

/** Problems with one condition, each with a path relative to the condition. Empty when it is sound. */
export function checkCondition(condition: Condition, path = '', depth = 0): { path: string; message: string }[] {
  if (depth > maxDepth) return [{ path, message: `Conditions nest at most ${maxDepth} levels deep.` }];
  if ('all' in condition || 'any' in condition) {
    const list = 'all' in condition ? condition.all : condition.any;
    const key = 'all' in condition ? 'all' : 'any';
    if (list.length === 0) return [{ path: `${path}.${key}`, message: `"${key}" needs at least one condition.` }];
    return list.flatMap((c, i) => checkCondition(c, `${path}.${key}[${i}]`, depth + 1));
  }
  if ('not' in condition) return checkCondition(condition.not, `${path}.not`, depth + 1);
  return checkComparison(condition, path);
}

function checkComparison({ op, value }: Comparison, path: string): { path: string; message: string }[] {
  const at = `${path}.value`;
  const isScalar = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v) || v === null;
  switch (op) {
    case 'eq':
    case 'ne':
      return isScalar(value) ? [] : [{ path: at, message: `"${op}" compares with a string, number, boolean or null.` }];
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return typeof value === 'number' || typeof value === 'string'
        ? []
        : [{ path: at, message: `"${op}" compares with a number or a date string.` }];
    case 'in':
    case 'nin':
      return Array.isArray(value) && value.every(isScalar) ? [] : [{ path: at, message: `"${op}" needs a list of values.` }];
    case 'exists':
      return value === undefined || typeof value === 'boolean' ? [] : [{ path: at, message: '"exists" takes true, false or nothing.' }];
    case 'contains':
      return isScalar(value) ? [] : [{ path: at, message: '"contains" looks for a string, number or boolean.' }];
  }
}

/** Reads a dotted path from the variables, own properties only. */
export function readVariable(variables: Readonly<Record<string, unknown>>, path: string): unknown {
  let current: unknown = variables;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || forbiddenKeys.has(part)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * True when the condition holds. Comparisons between values of different kinds (a string against a
 * number, a missing variable against anything but `exists`/`ne`/`nin`) are false, never an error:
 * the routing's default branch catches them.
 */
export function evaluateCondition(condition: Condition, variables: Readonly<Record<string, unknown>>): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, variables));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, variables));
  if ('not' in condition) return !evaluateCondition(condition.not, variables);
  return compare(readVariable(variables, condition.var), condition.op, condition.value);
}

function compare(actual: unknown, op: ComparisonOp, expected: unknown): boolean {
  switch (op) {
    case 'exists':
      return (actual !== undefined && actual !== null) === (expected ?? true);
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && expected.includes(actual);
    case 'nin':
      return Array.isArray(expected) && !expected.includes(actual);
    case 'contains':
      if (typeof actual === 'string' && typeof expected === 'string') return actual.includes(expected);
      return Array.isArray(actual) && actual.includes(expected);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const isComparable =
        (typeof actual === 'number' && typeof expected === 'number' && Number.isFinite(actual)) ||
        (typeof actual === 'string' && typeof expected === 'string');
      if (!isComparable) return false;
      const a = actual as number | string;
      const b = expected as number | string;
      if (op === 'gt') return a > b;
      if (op === 'gte') return a >= b;
      if (op === 'lt') return a < b;
      return a <= b;
    }
  }
}

/** The step the routing sends to, the default when no rule matches, or null when there is neither. */
export function chooseRoute(routing: Routing, variables: Readonly<Record<string, unknown>>): { go: string; rule: number | 'default' } | null {
  for (const [index, rule] of routing.rules.entries()) {
    if (evaluateCondition(rule.when, variables)) return { go: rule.go, rule: index };
  }
  return routing.default === undefined ? null : { go: routing.default, rule: 'default' };
}
