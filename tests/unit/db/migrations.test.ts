import { describe, expect, it } from 'vitest';
import { migrations } from '../../../src-shared/db/migrations';
import { schemas, collectionNames } from '../../../src-shared/db/schemas';

describe('schema migrations', () => {
  it('has a strategy for every version step of every collection', () => {
    for (const name of collectionNames) {
      const version = schemas[name].version;
      for (let v = 1; v <= version; v++) expect(migrations[name]?.[v], `${name} v${v}`).toBeTypeOf('function');
    }
  });

  it('moves people v0 (active, role) to v1 (isActive, roles)', () => {
    const v1 = migrations.people?.[1];
    expect(v1?.({ id: 'a', name: 'Ada', active: false, role: 'qa_manager' })).toEqual({ id: 'a', name: 'Ada', isActive: false, roles: ['qa_manager'] });
    expect(v1?.({ id: 'b', name: 'Bo' })).toEqual({ id: 'b', name: 'Bo', isActive: true, roles: [] });
  });

  it('moves tasks v0 (a few fields) to v1 with the task model\'s defaults', () => {
    const v1 = migrations.tasks?.[1];
    const v0 = { id: 't', projectId: 'p', title: 'Calibrate', status: 'done', kanbanRank: 'i', dueDate: '2026-03-02' };
    expect(v1?.(v0)).toEqual({ ...v0, description: '', watcherIds: [], priority: 'medium', progress: 100, checklist: [], dependsOn: [] });
    const kept = { ...v0, status: 'todo', description: 'x', watcherIds: ['a'], priority: 'high', progress: 40, checklist: [{ id: 'c', text: 'y', isDone: true }], dependsOn: ['u'] };
    expect(v1?.(kept)).toEqual(kept);
  });

  it('moves projects v0 to v1 with an empty team', () => {
    const v1 = migrations.projects?.[1];
    expect(v1?.({ id: 'p', code: 'QC', name: 'QC', ownerId: 'a' })).toEqual({ id: 'p', code: 'QC', name: 'QC', ownerId: 'a', teamIds: [], tags: [] });
    expect(v1?.({ id: 'p', teamIds: ['b'], tags: ['x'] })).toEqual({ id: 'p', teamIds: ['b'], tags: ['x'] });
  });

  it('lifts activity projectId and personId out of data (v1), leaving other entries alone', () => {
    const v1 = migrations.activity?.[1];
    const entry = { id: 'a', kind: 'time_entry', data: { projectId: 'p', personId: 'u', hours: 2 } };
    expect(v1?.(entry)).toEqual({ ...entry, projectId: 'p', personId: 'u' });
    const other = { id: 'b', kind: 'interaction', data: { note: 'call' } };
    expect(v1?.(other)).toEqual(other);
  });

  it('moves notifications v0 to v1 (event, status and dueAt for the new indexes)', () => {
    const v1 = migrations.notifications?.[1];
    const old = { id: 'n', kind: 'notification', recipientId: 'P', isRead: false, at: '2026-01-01T00:00:00.000Z', data: { subject: 'Hi', event: 'mention' } };
    expect(v1?.(old)).toEqual({ ...old, event: 'mention', status: '', dueAt: '2026-01-01T00:00:00.000Z' });
    expect(v1?.({ ...old, data: {} })).toMatchObject({ event: '', status: '' });
  });

  it('keeps the collection count under RxDB\'s open-source limit of 13 per process', () => {
    expect(collectionNames.length).toBeLessThanOrEqual(12);
  });
});
