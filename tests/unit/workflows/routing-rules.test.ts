import { describe, expect, it } from 'vitest';
import { checkCondition, chooseRoute, conditionSchema, evaluateCondition, readVariable, type Condition } from '../../../src-shared/workflows/routing-rules';

const vars = {
  estimated_cost: 150_000,
  category: 'imaging',
  tags: ['urgent', 'grant'],
  note: 'needs calibration certificate',
  due: '2025-03-01',
  zero: 0,
  nothing: null,
  requester: { department: 'chemistry' },
};

describe('routing rule operators', () => {
  it.each<[string, Condition, boolean]>([
    ['eq matches equal values', { var: 'category', op: 'eq', value: 'imaging' }, true],
    ['eq does not coerce 0 to false', { var: 'zero', op: 'eq', value: false }, false],
    ['ne', { var: 'category', op: 'ne', value: 'imaging' }, false],
    ['ne with a missing variable is true', { var: 'missing', op: 'ne', value: 'x' }, true],
    ['gt on numbers', { var: 'estimated_cost', op: 'gt', value: 100_000 }, true],
    ['gt is strict', { var: 'estimated_cost', op: 'gt', value: 150_000 }, false],
    ['gte', { var: 'estimated_cost', op: 'gte', value: 150_000 }, true],
    ['lt', { var: 'estimated_cost', op: 'lt', value: 150_000 }, false],
    ['lte', { var: 'estimated_cost', op: 'lte', value: 150_000 }, true],
    ['lt on ISO dates', { var: 'due', op: 'lt', value: '2025-04-01' }, true],
    ['gt between a string and a number is false, not an error', { var: 'category', op: 'gt', value: 5 }, false],
    ['gt on a missing variable is false', { var: 'missing', op: 'gt', value: 5 }, false],
    ['in', { var: 'category', op: 'in', value: ['imaging', 'optics'] }, true],
    ['in misses', { var: 'category', op: 'in', value: ['optics'] }, false],
    ['nin', { var: 'category', op: 'nin', value: ['optics'] }, true],
    ['exists', { var: 'note', op: 'exists' }, true],
    ['exists is false for null', { var: 'nothing', op: 'exists' }, false],
    ['exists false for a missing variable', { var: 'missing', op: 'exists', value: false }, true],
    ['contains in a string', { var: 'note', op: 'contains', value: 'calibration' }, true],
    ['contains in a list', { var: 'tags', op: 'contains', value: 'grant' }, true],
    ['contains misses', { var: 'tags', op: 'contains', value: 'cheap' }, false],
    ['dotted path', { var: 'requester.department', op: 'eq', value: 'chemistry' }, true],
  ])('%s', (_, condition, expected) => {
    expect(evaluateCondition(condition, vars)).toBe(expected);
  });

  it('nests all, any and not', () => {
    const big = { var: 'estimated_cost', op: 'gt', value: 100_000 } as const;
    const optics = { var: 'category', op: 'eq', value: 'optics' } as const;
    expect(evaluateCondition({ all: [big, optics] }, vars)).toBe(false);
    expect(evaluateCondition({ any: [big, optics] }, vars)).toBe(true);
    expect(evaluateCondition({ not: { any: [big, optics] } }, vars)).toBe(false);
    expect(evaluateCondition({ all: [big, { not: optics }] }, vars)).toBe(true);
  });

  it('never reads through the prototype chain', () => {
    expect(readVariable(vars, 'toString')).toBeUndefined();
    expect(readVariable(vars, 'requester.hasOwnProperty')).toBeUndefined();
    expect(conditionSchema.safeParse({ var: '__proto__.polluted', op: 'exists' }).success).toBe(false);
    expect(conditionSchema.safeParse({ var: 'a', op: 'eval', value: '1' }).success).toBe(false);
  });
});

describe('checking conditions on save', () => {
  it.each<[string, Condition, string]>([
    ['in needs a list', { var: 'x', op: 'in', value: 'a' }, '.value'],
    ['gt needs a number or date', { var: 'x', op: 'gt', value: true }, '.value'],
    ['eq needs a scalar', { var: 'x', op: 'eq', value: { a: 1 } }, '.value'],
    ['exists takes a boolean', { var: 'x', op: 'exists', value: 'yes' }, '.value'],
    ['contains needs a scalar', { var: 'x', op: 'contains', value: [1] }, '.value'],
    ['empty all', { all: [] }, '.all'],
    ['empty any inside not', { not: { any: [] } }, '.not.any'],
  ])('%s', (_, condition, path) => {
    expect(checkCondition(condition)).toEqual([expect.objectContaining({ path })]);
  });

  it('accepts sound conditions and refuses absurd nesting', () => {
    expect(checkCondition({ all: [{ var: 'x', op: 'in', value: [1, 2] }, { not: { var: 'y', op: 'exists' } }] })).toEqual([]);
    let deep: Condition = { var: 'x', op: 'exists' };
    for (let i = 0; i < 10; i++) deep = { not: deep };
    expect(checkCondition(deep)).toHaveLength(1);
  });
});

describe('choosing a route', () => {
  const routing = {
    rules: [
      { when: { var: 'estimated_cost', op: 'gt', value: 1_000_000 } as const, go: 'board' },
      { when: { var: 'estimated_cost', op: 'gt', value: 100_000 } as const, go: 'director' },
    ],
    default: 'manager',
  };
  it('takes the first matching rule in order', () => {
    expect(chooseRoute(routing, { estimated_cost: 2_000_000 })).toEqual({ go: 'board', rule: 0 });
    expect(chooseRoute(routing, { estimated_cost: 200_000 })).toEqual({ go: 'director', rule: 1 });
  });
  it('falls back to the default, and reports no route without one', () => {
    expect(chooseRoute(routing, { estimated_cost: 5 })).toEqual({ go: 'manager', rule: 'default' });
    expect(chooseRoute({ rules: routing.rules }, { estimated_cost: 5 })).toBeNull();
  });
});
