/**
 * Keys that name JavaScript's object machinery rather than data. JSON can carry them (`{"__proto__": …}`
 * parses to an own property), but schema parsers and object spreads treat them specially: zod drops
 * them silently, so `{"wipLimits": {"__proto__": 3}}` would become an empty change. Inputs carrying
 * one are refused at the boundary instead (issue 18).
 */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** The first reserved key anywhere in a JSON value, as a path (`wipLimits.__proto__`), or null. Iterative: a hostile value may be deep. */
export function findReservedKey(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    for (const key of Object.keys(current)) {
      const at = path ? `${path}.${key}` : key;
      if (RESERVED.has(key)) return at;
      stack.push([(current as Record<string, unknown>)[key], at]);
    }
  }
  return null;
}
