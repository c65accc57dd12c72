import { describe, expect, it } from 'vitest';
import { buildRecordConflicts, refusalKey, type RecordConflictInputs } from '../../../src-shared/sync/record-conflicts';

const record = { id: 'T1', title: 'Ana title', dueDate: '2026-03-02', checklist: [] };
const conflict = (id: string, at: string, fields: { field: string; kept: unknown; lost: unknown }[], subjectId = 'T1') => ({
  id, at, subjectType: 'tasks', subjectId, data: { byId: 'BEN', fields },
});
const inputs = (over: Partial<RecordConflictInputs> = {}): RecordConflictInputs => ({
  collection: 'tasks',
  recordId: 'T1',
  record,
  conflicts: [conflict('C1', '2026-01-01T10:00:00Z', [{ field: 'title', kept: 'Ana title', lost: 'Ben title' }])],
  audit: [
    { at: '2026-01-01T09:00:00Z', actorId: 'ANA', actorName: 'Ana (old name)', changes: [{ field: 'title' }], after: { title: 'Ana title' } },
    { at: '2026-01-01T09:30:00Z', actorId: 'BEN', actorName: 'Ben', changes: [{ field: 'title' }], after: { title: 'Ben title' } },
  ],
  refused: [],
  names: new Map([['ANA', 'Ana Lima'], ['BEN', 'Ben Okafor']]),
  viewerId: 'BEN',
  reviewed: new Set(),
  ...over,
});

describe('buildRecordConflicts', () => {
  it('names the loser and, from the audit trail, who wrote the kept value', () => {
    const [view] = buildRecordConflicts(inputs()).conflicts;
    expect(view).toMatchObject({
      id: 'C1',
      by: { id: 'BEN', name: 'Ben Okafor', isYou: true },
      isSettled: false,
      fields: [{ field: 'title', label: 'Title', keptText: 'Ana title', lostText: 'Ben title', currentText: 'Ana title', keptBy: { id: 'ANA', name: 'Ana Lima', isYou: false }, isRestored: false, isRestorable: true }],
      restore: [{ command: 'tasks/update', input: { id: 'T1', title: 'Ben title' } }],
    });
  });

  it('does not know who kept a value without an audit entry for it', () => {
    expect(buildRecordConflicts(inputs({ audit: [] })).conflicts[0]!.fields[0]!.keptBy).toBeNull();
  });

  it('is settled once dismissed, or once every lost value is back in the record', () => {
    expect(buildRecordConflicts(inputs({ reviewed: new Set(['C1']) })).conflicts[0]!.isSettled).toBe(true);
    const restored = buildRecordConflicts(inputs({ record: { ...record, title: 'Ben title' } })).conflicts[0]!;
    expect(restored).toMatchObject({ isSettled: true, restore: [], fields: [{ isRestored: true }] });
  });

  it('lists newest first and only what is about this record', () => {
    const view = buildRecordConflicts(inputs({
      conflicts: [
        conflict('OLD', '2026-01-01T08:00:00Z', [{ field: 'dueDate', kept: '2026-03-02', lost: null }]),
        conflict('NEW', '2026-01-02T08:00:00Z', [{ field: 'title', kept: 'Ana title', lost: 'Ben title' }]),
        conflict('OTHER', '2026-01-03T08:00:00Z', [{ field: 'title', kept: 'x', lost: 'y' }], 'T2'),
      ],
      refused: [
        { collection: 'tasks', id: 'T1', message: 'Not allowed.', at: '2026-01-01T07:00:00Z' },
        { collection: 'tasks', id: 'T2', message: 'Not yours.', at: '2026-01-01T07:00:00Z' },
        { collection: 'projects', id: 'T1', message: 'Other collection.', at: '2026-01-01T07:00:00Z' },
      ],
    }));
    expect(view.conflicts.map((c) => c.id)).toEqual(['NEW', 'OLD']);
    expect(view.conflicts[1]!.fields[0]).toMatchObject({ label: 'Due date', lostText: '', isRestorable: true });
    expect(view.refused).toEqual([{ key: 'refused:tasks/T1/2026-01-01T07:00:00Z', at: '2026-01-01T07:00:00Z', message: 'Not allowed.', isReviewed: false }]);
  });

  it('marks a refusal reviewed by its key, and cannot restore anything on a removed record', () => {
    const refused = { collection: 'tasks', id: 'T1', message: 'No.', at: '2026-01-01T07:00:00Z' };
    const view = buildRecordConflicts(inputs({ record: null, refused: [refused], reviewed: new Set([refusalKey(refused)]) }));
    expect(view.refused[0]!.isReviewed).toBe(true);
    expect(view.conflicts[0]).toMatchObject({ restore: [], isSettled: false, fields: [{ isRestored: false, currentText: '' }] });
  });
});
