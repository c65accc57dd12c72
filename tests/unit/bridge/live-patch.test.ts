import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, diffValue, isSameValue, livePatchSchema, type LivePatch } from '../../../src-shared/bridge/live-patch';

/** What the wire does to a value: the patch and both results cross JSON. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const row = fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), title: fc.string({ maxLength: 6 }), depth: fc.nat(3), tags: fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }) }, { requiredKeys: ['id', 'title'] });
const rows = fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 12 });
/** A view like the Gantt's: keyed lists, a list of pairs without ids, scalars and nested objects. */
const view = fc.record({ tasks: rows, links: fc.array(fc.record({ fromId: fc.string({ maxLength: 2 }), toId: fc.string({ maxLength: 2 }) }), { maxLength: 4 }), title: fc.string({ maxLength: 5 }), extra: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }) }, { requiredKeys: ['tasks', 'title'] });

/** `before` and a later version of it: items edited, removed, added and reordered. */
const change = view.chain((before) =>
  fc.record({
    before: fc.constant(before),
    after: fc.record({
      edits: fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 6 })), { maxLength: 3 }),
      removals: fc.array(fc.nat(), { maxLength: 3 }),
      added: rows,
      shuffle: fc.boolean(),
      title: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
    }).map(({ edits, removals, added, shuffle, title }) => {
      let tasks = before.tasks.map((t) => t);
      for (const [at, text] of edits) if (tasks.length) tasks[at % tasks.length] = { ...(tasks[at % tasks.length] as (typeof tasks)[number]), title: text };
      for (const at of removals) if (tasks.length) tasks.splice(at % tasks.length, 1);
      const ids = new Set(tasks.map((t) => t.id));
      tasks = [...tasks, ...added.filter((t) => !ids.has(t.id))];
      if (shuffle) tasks.reverse();
      return { ...before, tasks, ...(title !== undefined ? { title } : {}) };
    }),
  }),
);

function expectApplies(before: unknown, after: unknown): void {
  const patch = diffValue(before, after);
  if (patch === undefined) {
    expect(wire(before)).toStrictEqual(wire(after));
    return;
  }
  const applied = applyPatch(wire(before), wire(patch));
  expect(applied.ok).toBe(true);
  expect(applied.ok && wire(applied.value)).toStrictEqual(wire(after));
}

describe('live-query patches', () => {
  it('applying diff(a, b) to a gives b, for any JSON values', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (a, b) => {
      expectApplies(a, b);
    }));
  });

  it('treats keys named like Object.prototype members (toString, constructor, __proto__) as plain keys', () => {
    expectApplies({ toString: {} }, {});
    expectApplies({}, { constructor: 1 });
    expectApplies({ valueOf: 1, hasOwnProperty: 2 }, { valueOf: 2 });
    expectApplies(JSON.parse('{"__proto__":{"x":1},"a":1}'), { a: 2 });
    expectApplies({ a: 1 }, JSON.parse('{"__proto__":{"x":1},"a":1}'));
  });

  it('applying diff(a, b) to a gives b, for views whose lists were edited, cut, grown and reordered', () => {
    fc.assert(fc.property(change, ({ before, after }) => {
      expectApplies(before, after);
    }), { numRuns: 300 });
  });

  it('applying diff(a, b) to a gives b, for lists of objects without ids (the columns of a board) edited in place', () => {
    const column = fc.record({ status: fc.constantFrom('todo', 'done'), cards: rows, wip: fc.nat(3) });
    const columns = fc.array(column, { maxLength: 4 });
    fc.assert(
      fc.property(columns, fc.array(fc.tuple(fc.nat(), column), { maxLength: 2 }), (before, edits) => {
        const after = before.map((c) => c);
        for (const [at, replacement] of edits) if (after.length) after[at % after.length] = { ...replacement, cards: [...(after[at % after.length]?.cards ?? []).slice(1), ...replacement.cards.filter((r) => !after.some((c) => c.cards.some((x) => x.id === r.id)))] };
        expectApplies(before, after);
        const patch = diffValue(before, after);
        const applied = patch && applyPatch(before, patch);
        if (applied?.ok) (applied.value as typeof before).forEach((c, at) => after[at] === before[at] && expect(c).toBe(before[at]));
      }),
      { numRuns: 300 },
    );
    expect(diffValue([{ s: 'a', n: 1 }, { s: 'b', n: 1 }], [{ s: 'a', n: 1 }, { s: 'b', n: 2 }])).toStrictEqual({ i: { 1: { o: { n: { v: 2 } } } } });
  });

  it('keeps every unchanged item and unchanged branch as the same object', () => {
    fc.assert(
      fc.property(change, ({ before, after }) => {
        const patch = diffValue(before, after);
        if (!patch) return;
        const applied = applyPatch(before, wire(patch));
        if (!applied.ok) throw new Error(applied.error.message);
        const value = applied.value as typeof before;
        const old = new Map(before.tasks.map((t) => [t.id, t]));
        for (const task of value.tasks) if (isSameValue(old.get(task.id), task)) expect(task).toBe(old.get(task.id));
        if (isSameValue(before.links, after.links)) expect(value.links).toBe(before.links);
      }),
      { numRuns: 300 },
    );
  });

  it('sends only the changed item when one task of many is renamed', () => {
    const tasks = Array.from({ length: 2000 }, (_, i) => ({ id: `t${i}`, title: `Task ${i}`, dependsOn: [`t${i - 1}`] }));
    const before = { tasks, criticalTaskIds: tasks.map((t) => t.id), problem: null };
    const after = { ...before, tasks: tasks.map((t) => (t.id === 't700' ? { ...t, title: 'Renamed' } : { ...t })) };
    expect(diffValue(before, after)).toStrictEqual({ o: { tasks: { l: { put: [{ id: 't700', title: 'Renamed', dependsOn: ['t699'] }] } } } });
    expect(diffValue(before, wire(before))).toBeUndefined();
  });

  it('sends the new order only when it is not the old order with new items at the end', () => {
    const a = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(diffValue(a, [{ id: 'a' }, { id: 'c' }, { id: 'd' }])).toStrictEqual({ l: { put: [{ id: 'd' }], del: ['b'] } });
    expect(diffValue(a, [{ id: 'c' }, { id: 'a' }, { id: 'b' }])).toStrictEqual({ l: { order: ['c', 'a', 'b'] } });
    expect(diffValue({ x: 1, y: 2 }, { x: 1 })).toStrictEqual({ o: {}, d: ['y'] });
  });

  it('compares only plain objects by their keys (two Dates are not equal for having no keys)', () => {
    const later = new Date(2);
    expect(diffValue({ at: new Date(1) }, { at: later })).toStrictEqual({ o: { at: { v: later } } });
  });

  it.each<[string, unknown, LivePatch]>([
    ['a list patch on an object', { id: 'a' }, { l: { del: ['a'] } }],
    ['an object patch on a list', [{ id: 'a' }], { o: { x: { v: 1 } } }],
    ['removing an unknown item', [{ id: 'a' }], { l: { del: ['b'] } }],
    ['an item without an id', [{ id: 'a' }], { l: { put: [{ title: 'x' }] } }],
    ['the same item twice', [{ id: 'a' }], { l: { put: [{ id: 'b' }, { id: 'b' }] } }],
    ['an order that leaves an item out', [{ id: 'a' }, { id: 'b' }], { l: { order: ['a'] } }],
    ['an order naming an unknown item', [{ id: 'a' }], { l: { order: ['z'] } }],
    ['an order naming an item twice', [{ id: 'a' }, { id: 'b' }], { l: { order: ['a', 'a'] } }],
    ['removing a missing key', { x: 1 }, { o: {}, d: ['y'] }],
    ['a position patch on an object', { x: 1 }, { i: { 0: { v: 1 } } }],
    ['a position past the end', [{ x: 1 }], { i: { 1: { v: 1 } } }],
    ['a __proto__ key', { x: 1 }, JSON.parse('{"o":{"__proto__":{"v":{"isAdmin":true}}}}') as LivePatch],
  ])('refuses %s', (_, before, patch) => {
    const applied = applyPatch(before, patch);
    expect(applied.ok).toBe(false);
    expect(!applied.ok && applied.error.code).toBe('malformed_message');
  });

  it.each([{}, { x: 1 }, { v: 1, o: {} }, { o: [] }, { o: { a: { w: 1 } } }, { l: { put: 'a' } }, { l: { del: [1] } }, { l: {}, v: 1 }, { i: { '-1': { v: 1 } } }, { i: { x: { v: 1 } } }, null, 'v'])('the schema refuses %j', (patch) => {
    expect(livePatchSchema.safeParse(patch).success).toBe(false);
  });

  it('the schema accepts what diffValue makes', () => {
    fc.assert(fc.property(change, ({ before, after }) => {
      const patch = diffValue(before, after);
      if (patch) expect(livePatchSchema.safeParse(wire(patch)).success).toBe(true);
    }));
  });
});
