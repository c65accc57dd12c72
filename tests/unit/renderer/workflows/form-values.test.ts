import { describe, expect, it } from 'vitest';
import { flatComparisons, formatValue, fromComparisons, parseValue } from '../../../../src-renderer/workflows/routing-values';
import { rowsToVariables } from '../../../../src-renderer/workflows/variable-rows';
import { workflowRoute } from '../../../../src-renderer/workflows/workflow-route';

describe('rule builder values', () => {
  it('reads typed values the way a person means them', () => {
    expect(parseValue('gt', '10000')).toBe(10000);
    expect(parseValue('eq', 'true')).toBe(true);
    expect(parseValue('eq', '"42"')).toBe('42');
    expect(parseValue('eq', 'lab A')).toBe('lab A');
    expect(parseValue('in', 'a, 2, false')).toEqual(['a', 2, false]);
    expect(parseValue('exists', '')).toBeUndefined();
  });

  it('writes values back so that reading them again gives the same value', () => {
    for (const value of [10000, true, '42', 'lab A', 'null', ['a', 2]]) {
      const op = Array.isArray(value) ? 'in' : 'eq';
      expect(parseValue(op, formatValue(value))).toEqual(value);
    }
  });

  it('edits flat "all" conditions and leaves nested ones to the JSON view', () => {
    const one = { var: 'amount', op: 'gt' as const, value: 1 };
    expect(flatComparisons(one)).toEqual([one]);
    expect(flatComparisons({ all: [one, one] })).toEqual([one, one]);
    expect(flatComparisons({ any: [one] })).toBeNull();
    expect(fromComparisons([one])).toEqual(one);
    expect(fromComparisons([one, one])).toEqual({ all: [one, one] });
  });
});

describe('typed variable rows', () => {
  it('builds typed variables and skips blank rows', () => {
    expect(rowsToVariables([
      { key: 'equipment_name', kind: 'text', value: 'Solar simulator' },
      { key: 'estimated_cost', kind: 'number', value: '500000' },
      { key: 'is_urgent', kind: 'boolean', value: 'false' },
      { key: '', kind: 'text', value: '' },
    ])).toEqual({ ok: true, value: { equipment_name: 'Solar simulator', estimated_cost: 500000, is_urgent: false } });
  });

  it('names the row that cannot become a variable', () => {
    expect(rowsToVariables([{ key: 'cost', kind: 'number', value: 'lots' }])).toMatchObject({ ok: false, index: 0 });
    expect(rowsToVariables([{ key: 'a', kind: 'text', value: '' }, { key: 'a', kind: 'text', value: '' }])).toMatchObject({ ok: false, index: 1 });
    expect(rowsToVariables([{ key: '__proto__x y', kind: 'text', value: '' }])).toMatchObject({ ok: false, index: 0 });
  });
});

describe('workflow sub-routes', () => {
  it('maps hash paths to views, with notification links to an instance', () => {
    expect(workflowRoute([])).toEqual({ view: 'tab', tab: 'my-work' });
    expect(workflowRoute(['definitions'])).toEqual({ view: 'tab', tab: 'definitions' });
    expect(workflowRoute(['definitions', 'EQUIPMENT_PROCUREMENT'])).toEqual({ view: 'editor', code: 'EQUIPMENT_PROCUREMENT' });
    expect(workflowRoute(['definitions', 'EQUIPMENT_PROCUREMENT', 'migrate'])).toEqual({ view: 'migration', code: 'EQUIPMENT_PROCUREMENT' });
    expect(workflowRoute(['instances', 'wi-1'])).toEqual({ view: 'instance', instanceId: 'wi-1' });
    expect(workflowRoute(['wi-2'])).toEqual({ view: 'instance', instanceId: 'wi-2' });
  });
});
