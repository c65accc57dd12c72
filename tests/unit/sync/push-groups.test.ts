import { describe, expect, it } from 'vitest';
import type { PushResponse, WireDocument } from '../../../src-shared/sync/protocol';
import { authorOf, groupBySending, joinRunsBySending, mergePushResults } from '../../../src-main/sync/push-groups';

/** A row of a document the server has (an assumed master state), last written by `updatedBy`. */
const row = (id: string, updatedBy?: string, extra: Record<string, unknown> = {}) => ({
  newDocumentState: { id, ...(updatedBy ? { updatedBy } : {}), _deleted: false, ...extra } as WireDocument,
  assumedMasterState: { id, _deleted: false } as WireDocument,
});
const created = (id: string, createdBy: string, updatedBy: string) => ({ newDocumentState: { id, createdBy, updatedBy, _deleted: false } as WireDocument });
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

  it('names the creator of a document the server has never had: it goes as its creator’s create', () => {
    expect(authorOf('tasks', { createdBy: 'P-ADA', updatedBy: 'P-MAX' }, true)).toBe('P-ADA');
    expect(authorOf('tasks', { createdBy: 'P-ADA', updatedBy: 'P-MAX' }, false)).toBe('P-MAX');
  });
});

describe('groupBySending', () => {
  it('sends people with their own sign-in as themselves, the system with the PC account, and everyone else as probes', () => {
    const groups = groupBySending('tasks', [row('T1', 'P-MAX'), row('T2', 'P-MAX'), row('T3', 'system'), row('T4', 'P-NOSESSION')], withOwn('P-MAX'));
    expect(groups.map((g) => [g.sending, g.indexes])).toEqual([
      [{ kind: 'person', personId: 'P-MAX' }, [0, 1]],
      [{ kind: 'system' }, [2]],
      [{ kind: 'probe', authorId: 'P-NOSESSION' }, [3]],
    ]);
  });

  it('never lets one person’s sign-in carry another’s rows: two absent authors are two probe runs', () => {
    const groups = groupBySending('tasks', [row('T1', 'P-BEN'), row('T2', 'P-ZOE')], withOwn());
    expect(groups.map((g) => g.sending)).toEqual([{ kind: 'probe', authorId: 'P-BEN' }, { kind: 'probe', authorId: 'P-ZOE' }]);
  });

  it('sends a new document as its creator’s, even when someone else edited it before it left', () => {
    const groups = groupBySending('tasks', [created('T1', 'P-ADA', 'P-MAX')], withOwn('P-ADA', 'P-MAX'));
    expect(groups.map((g) => g.sending)).toEqual([{ kind: 'person', personId: 'P-ADA' }]);
  });

  it('keeps the rows in order: senders alternating make runs, never one group per sender', () => {
    const groups = groupBySending('tasks', [row('T1', 'P-MAX'), row('T2', 'P-ADA'), row('T3', 'P-MAX')], withOwn('P-MAX', 'P-ADA'));
    expect(groups.map((g) => [g.sending, g.rows.map((r) => r.newDocumentState.id)])).toEqual([
      [{ kind: 'person', personId: 'P-MAX' }, ['T1']],
      [{ kind: 'person', personId: 'P-ADA' }, ['T2']],
      [{ kind: 'person', personId: 'P-MAX' }, ['T3']],
    ]);
  });

  it('makes no group of an empty push', () => {
    expect(groupBySending('tasks', [], withOwn())).toEqual([]);
  });
});

describe('mergePushResults', () => {
  it('puts the groups’ conflicts and refusals back in row order', () => {
    const rows = [row('T1', 'P-MAX'), row('T2', 'P-ADA'), row('T3', 'P-MAX'), row('T4', 'system')];
    const groups = groupBySending('tasks', rows, withOwn('P-MAX', 'P-ADA'));
    const answers: PushResponse[] = [
      { conflicts: [{ id: 'T1', _deleted: false }], refused: [refusal('T1')] },
      { conflicts: [{ id: 'T2', _deleted: false }], refused: [], waiting: [] },
      { conflicts: [], refused: [], waiting: ['T3'] },
      { conflicts: [{ id: 'T4', _deleted: true }], refused: [refusal('T4')] },
    ];
    expect(mergePushResults(groups, answers, 'id')).toEqual({
      conflicts: [{ id: 'T1', _deleted: false }, { id: 'T2', _deleted: false }, { id: 'T4', _deleted: true }],
      refused: [refusal('T1'), refusal('T4')],
      waiting: ['T3'],
    });
  });

  it('orders within one group by row too, whatever order the server answered in', () => {
    const groups = groupBySending('tasks', [row('T1', 'P-MAX'), row('T2', 'P-MAX')], withOwn('P-MAX'));
    const merged = mergePushResults(groups, [{ conflicts: [{ id: 'T2', _deleted: false }, { id: 'T1', _deleted: false }], refused: [refusal('T2'), refusal('T1')] }], 'id');
    expect(merged.conflicts.map((c) => c.id)).toEqual(['T1', 'T2']);
    expect(merged.refused.map((r) => r.id)).toEqual(['T1', 'T2']);
  });

  it('keeps an answer about no pushed row, after the others, and reads the collection’s primary key', () => {
    const rows = [{ newDocumentState: { passportId: 'A', updatedBy: 'P-MAX', _deleted: false } as WireDocument, assumedMasterState: null }];
    const groups = groupBySending('things', rows, withOwn());
    const merged = mergePushResults(groups, [{ conflicts: [{ passportId: 'ELSEWHERE', _deleted: false }, { passportId: 'A', _deleted: false }], refused: [] }], 'passportId');
    expect(merged.conflicts.map((c) => c.passportId)).toEqual(['A', 'ELSEWHERE']);
  });

  it('answers nothing for groups the server answered nothing for', () => {
    const groups = groupBySending('tasks', [row('T1', 'P-MAX'), row('T2', 'system')], withOwn('P-MAX'));
    expect(mergePushResults(groups, [{ conflicts: [], refused: [] }, { conflicts: [], refused: [] }], 'id')).toEqual({ conflicts: [], refused: [], waiting: [] });
  });
});

describe('joinRunsBySending', () => {
  it('joins the turns of people taking turns on one PC into one group each, keeping each one’s order and the positions', () => {
    const runs = groupBySending('tasks', [row('T1', 'P-MAX'), row('T2', 'P-ADA'), row('T3', 'P-MAX'), row('T4', 'system'), row('T5', 'P-ADA'), row('T6', 'P-CLEO'), row('T7', 'system')], withOwn('P-MAX', 'P-ADA'));
    expect(runs).toHaveLength(7);
    const joined = joinRunsBySending(runs);
    expect(joined.map((g) => [g.sending, g.indexes, g.rows.map((r) => r.newDocumentState.id)])).toEqual([
      [{ kind: 'person', personId: 'P-MAX' }, [0, 2], ['T1', 'T3']],
      [{ kind: 'person', personId: 'P-ADA' }, [1, 4], ['T2', 'T5']],
      [{ kind: 'system' }, [3, 6], ['T4', 'T7']],
      [{ kind: 'probe', authorId: 'P-CLEO' }, [5], ['T6']],
    ]);
    // The answers still come back in the order of the rows.
    const answers: PushResponse[] = joined.map((g) => ({ conflicts: g.rows.map((r) => r.newDocumentState), refused: [] }));
    expect(mergePushResults(joined, answers, 'id').conflicts.map((d) => d.id)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7']);
  });
});
