import { describe, expect, it } from 'vitest';
import type { PushResponse, WireDocument } from '../../../src-shared/sync/protocol';
import { authorOf, groupBySender, joinRunsBySender, mergePushResults, PC_ACCOUNT } from '../../../src-main/sync/push-groups';

const row = (id: string, updatedBy?: string, extra: Record<string, unknown> = {}) => ({ newDocumentState: { id, ...(updatedBy ? { updatedBy } : {}), _deleted: false, ...extra } as WireDocument });
const withOwn = (...ids: string[]) => (personId: string) => ids.includes(personId);
const refusal = (id: string) => ({ collection: 'tasks', id, code: 'forbidden' as const, message: `no ${id}` });

describe('authorOf', () => {
  it.each([
    ['a task names its last writer', 'tasks', { updatedBy: 'P-MAX' }, 'P-MAX'],
    ['a soft delete names who deleted', 'tasks', { updatedBy: 'P-ADA', _deleted: true }, 'P-ADA'],
    ['a workflow event names its actor, whatever updatedBy says', 'workflow_events', { updatedBy: 'P-ADA', data: { actor: { userId: 'P-MAX' } } }, 'P-MAX'],
    ['a workflow event without an actor falls back to updatedBy', 'workflow_events', { updatedBy: 'P-ADA', data: {} }, 'P-ADA'],
    ['a timer event is the system’s', 'workflow_events', { updatedBy: 'system', data: { actor: { userId: 'system' } } }, 'system'],
    ['nobody named is the system', 'notifications', {}, 'system'],
    ['an empty or non-text author is the system', 'records', { updatedBy: '' }, 'system'],
    ['a forged object author is the system', 'records', { updatedBy: { id: 'P-ADA' } }, 'system'],
  ])('%s', (_name, collection, doc, expected) => {
    expect(authorOf(collection, doc)).toBe(expected);
  });
});

describe('groupBySender', () => {
  it('sends people with their own sign-in as themselves and everyone else with the PC account', () => {
    const groups = groupBySender('tasks', [row('T1', 'P-MAX'), row('T2', 'P-MAX'), row('T3', 'system'), row('T4', 'P-NOSESSION')], withOwn('P-MAX'));
    expect(groups.map((g) => [g.sender, g.indexes])).toEqual([
      ['P-MAX', [0, 1]],
      [PC_ACCOUNT, [2, 3]],
    ]);
  });

  it('keeps the rows in order: senders alternating make runs, never one group per sender', () => {
    const groups = groupBySender('tasks', [row('T1', 'P-MAX'), row('T2', 'P-ADA'), row('T3', 'P-MAX')], withOwn('P-MAX', 'P-ADA'));
    expect(groups.map((g) => [g.sender, g.rows.map((r) => r.newDocumentState.id)])).toEqual([
      ['P-MAX', ['T1']],
      ['P-ADA', ['T2']],
      ['P-MAX', ['T3']],
    ]);
  });

  it('never takes a document naming the PC account id as a person, nor asks about it', () => {
    const asked: string[] = [];
    const groups = groupBySender('tasks', [row('T1', PC_ACCOUNT)], (id) => (asked.push(id), true));
    expect(groups).toEqual([{ sender: PC_ACCOUNT, indexes: [0], rows: [row('T1', PC_ACCOUNT)] }]);
    expect(asked).toEqual([]);
  });

  it('makes no group of an empty push', () => {
    expect(groupBySender('tasks', [], withOwn())).toEqual([]);
  });
});

describe('mergePushResults', () => {
  it('puts the groups’ conflicts and refusals back in row order', () => {
    const rows = [row('T1', 'P-MAX'), row('T2', 'P-ADA'), row('T3', 'P-MAX'), row('T4', 'system')];
    const groups = groupBySender('tasks', rows, withOwn('P-MAX', 'P-ADA'));
    const answers: PushResponse[] = [
      { conflicts: [{ id: 'T1', _deleted: false }], refused: [refusal('T1')] },
      { conflicts: [{ id: 'T2', _deleted: false }], refused: [] },
      { conflicts: [], refused: [] },
      { conflicts: [{ id: 'T4', _deleted: true }], refused: [refusal('T4')] },
    ];
    expect(mergePushResults(groups, answers, 'id')).toEqual({
      conflicts: [{ id: 'T1', _deleted: false }, { id: 'T2', _deleted: false }, { id: 'T4', _deleted: true }],
      refused: [refusal('T1'), refusal('T4')],
    });
  });

  it('orders within one group by row too, whatever order the server answered in', () => {
    const groups = groupBySender('tasks', [row('T1', 'P-MAX'), row('T2', 'P-MAX')], withOwn('P-MAX'));
    const merged = mergePushResults(groups, [{ conflicts: [{ id: 'T2', _deleted: false }, { id: 'T1', _deleted: false }], refused: [refusal('T2'), refusal('T1')] }], 'id');
    expect(merged.conflicts.map((c) => c.id)).toEqual(['T1', 'T2']);
    expect(merged.refused.map((r) => r.id)).toEqual(['T1', 'T2']);
  });

  it('keeps an answer about no pushed row, after the others, and reads the collection’s primary key', () => {
    const rows = [{ newDocumentState: { passportId: 'A', updatedBy: 'P-MAX', _deleted: false } as WireDocument }];
    const groups = groupBySender('things', rows, withOwn());
    const merged = mergePushResults(groups, [{ conflicts: [{ passportId: 'ELSEWHERE', _deleted: false }, { passportId: 'A', _deleted: false }], refused: [] }], 'passportId');
    expect(merged.conflicts.map((c) => c.passportId)).toEqual(['A', 'ELSEWHERE']);
  });

  it('answers nothing for groups the server answered nothing for', () => {
    const groups = groupBySender('tasks', [row('T1', 'P-MAX'), row('T2', 'system')], withOwn('P-MAX'));
    expect(mergePushResults(groups, [{ conflicts: [], refused: [] }, { conflicts: [], refused: [] }], 'id')).toEqual({ conflicts: [], refused: [] });
  });
});

describe('joinRunsBySender', () => {
  it('joins the turns of people taking turns on one PC into one group each, keeping each one’s order and the positions', () => {
    const runs = groupBySender('tasks', [row('T1', 'P-MAX'), row('T2', 'P-ADA'), row('T3', 'P-MAX'), row('T4', 'system'), row('T5', 'P-ADA')], withOwn('P-MAX', 'P-ADA'));
    expect(runs).toHaveLength(5);
    const joined = joinRunsBySender(runs);
    expect(joined.map((g) => [g.sender, g.indexes, g.rows.map((r) => r.newDocumentState.id)])).toEqual([
      ['P-MAX', [0, 2], ['T1', 'T3']],
      ['P-ADA', [1, 4], ['T2', 'T5']],
      [PC_ACCOUNT, [3], ['T4']],
    ]);
    // The answers still come back in the order of the rows.
    const answers: PushResponse[] = joined.map((g) => ({ conflicts: g.rows.map((r) => r.newDocumentState), refused: [] }));
    expect(mergePushResults(joined, answers, 'id').conflicts.map((d) => d.id)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
  });
});
