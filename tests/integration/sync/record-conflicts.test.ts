import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/core/result';
import type { RecordConflictsView } from '../../../src-shared/sync/record-conflicts';
import type { ConflictView } from '../../../src-shared/sync/sync-status';
import type { Task } from '../../../src-shared/tasks/task-model';
import { createSyncSettingsStore } from '../../../src-main/sync/sync-settings-store';
import { openProjectWorld, value, type Client } from '../tasks/project-fixture';
import { connectTestClient } from '../support/test-client';

/**
 * The record's view of team-sync conflicts on a real host: conflict documents put into `activity`
 * the way replication stores the server's, the live query that a task drawer subscribes to,
 * "Use my version" through the task's own command, "Dismiss", and the bridge refusing bad input.
 */
let world: Awaited<ReturnType<typeof openProjectWorld>>;
let task: Task;
beforeAll(async () => {
  world = await openProjectWorld();
  task = await world.task(world.admin, { title: 'Weigh samples', assigneeId: world.ben.id });
  value(await world.admin.call('tasks/update', { id: task.id, title: 'Ada title' }));
});
afterAll(async () => world.close());

const now = '2026-03-02T10:14:00.000Z';
const insertConflict = (id: string, fields: { field: string; kept: unknown; lost: unknown }[]) =>
  world.host.db.activity.insert({
    id, kind: 'conflict', subjectType: 'tasks', subjectId: task.id, at: now,
    data: { byId: world.ben.id, fields, lostVersion: { ...task, title: 'Ben title' }, subjectScope: {} },
    createdAt: now, updatedAt: now, createdBy: 'sync-server', updatedBy: 'sync-server', auditId: id,
  });

/** Waits for the live query's next push that passes `isWanted` (a change may push more than once). */
async function nextWhere(subscription: ReturnType<Client['subscribe']>, isWanted: (view: RecordConflictsView) => boolean): Promise<RecordConflictsView> {
  for (let i = 0; i < 20; i++) {
    const view = value(await subscription.next<RecordConflictsView>());
    if (isWanted(view)) return view;
  }
  throw new Error('the live query never pushed the expected view');
}

describe('sync/record-conflicts', () => {
  it('pushes a conflict about the record as it arrives, with names, labels and the commands that restore it', async () => {
    const bens = world.ben.client.subscribe('sync/record-conflicts', { collection: 'tasks', recordId: task.id });
    expect(value(await bens.next<RecordConflictsView>())).toEqual({ conflicts: [], refused: [] });

    await insertConflict('CONFLICT-1', [
      { field: 'title', kept: 'Ada title', lost: 'Ben title' },
      { field: 'checklist', kept: [], lost: [{ id: 'c1', text: 'Tare the balance', isDone: false }] },
    ]);
    const view = await nextWhere(bens, (v) => v.conflicts.length === 1);
    expect(view.conflicts[0]).toMatchObject({
      id: 'CONFLICT-1',
      at: now,
      by: { id: world.ben.id, name: 'Ben Bench', isYou: true },
      isSettled: false,
      fields: [
        { field: 'title', label: 'Title', keptText: 'Ada title', lostText: 'Ben title', keptBy: { id: world.adminId, name: 'Ada Admin', isYou: false }, isRestorable: true, isRestored: false },
        { field: 'checklist', label: 'Checklist', lostText: 'Tare the balance', isRestorable: false },
      ],
      restore: [{ command: 'tasks/update', input: { id: task.id, title: 'Ben title' } }],
    });
    // Ada sees the same conflict, told from her side.
    const adas = value(await world.admin.subscribe('sync/record-conflicts', { collection: 'tasks', recordId: task.id }).next<RecordConflictsView>());
    expect(adas.conflicts[0]).toMatchObject({ by: { name: 'Ben Bench', isYou: false }, fields: [{ keptBy: { isYou: true } }, {}] });
    // Settings → Team sync names the record.
    const list = value(await world.ben.client.subscribe('sync/conflicts', {}).next<ConflictView[]>());
    expect(list).toEqual([expect.objectContaining({ id: 'CONFLICT-1', recordId: task.id, record: { title: 'Ada title' } })]);
  });

  it('"Use my version" runs the task’s own command (audited as Ben’s), and the view follows', async () => {
    const bens = world.ben.client.subscribe('sync/record-conflicts', { collection: 'tasks', recordId: task.id });
    const [conflict] = value(await bens.next<RecordConflictsView>()).conflicts;
    for (const call of conflict!.restore) value(await world.ben.client.call(call.command, call.input));

    const view = await nextWhere(bens, (v) => v.conflicts[0]!.fields[0]!.isRestored);
    // The checklist has no command to write it back: still to look at.
    expect(view.conflicts[0]).toMatchObject({ isSettled: false, restore: [], fields: [{ isRestored: true, currentText: 'Ben title' }, { isRestored: false }] });
    const audit = await world.host.db.audit.find({ selector: { recordId: task.id, command: 'tasks/update', actorId: world.ben.id } }).exec();
    expect(audit.map((e) => (e.toJSON() as { changes: unknown[] }).changes)).toEqual([[{ field: 'title', old: 'Ada title', new: 'Ben title' }]]);
  });

  it('"Dismiss" settles it for that person on this PC only', async () => {
    const bens = world.ben.client.subscribe('sync/record-conflicts', { collection: 'tasks', recordId: task.id });
    await bens.next();
    expect(await world.ben.client.call('sync/review-conflict', { id: 'CONFLICT-1' })).toEqual({ ok: true, value: { id: 'CONFLICT-1' } });
    expect((await nextWhere(bens, (v) => v.conflicts[0]!.isSettled)).conflicts[0]!.id).toBe('CONFLICT-1');
    const adas = value(await world.admin.subscribe('sync/record-conflicts', { collection: 'tasks', recordId: task.id }).next<RecordConflictsView>());
    expect(adas.conflicts[0]!.isSettled).toBe(false);
  });

  it('shows this PC’s refused writes to the record, and dismisses them by key', async () => {
    const bens = world.ben.client.subscribe('sync/record-conflicts', { collection: 'tasks', recordId: task.id });
    await bens.next();
    await createSyncSettingsStore(world.host.db).addRefused([
      { collection: 'tasks', id: task.id, message: 'Only the project team can change this task.', at: now, document: { id: task.id } },
      { collection: 'tasks', id: 'SOMETHING-ELSE', message: 'Not this one.', at: now, document: {} },
    ]);
    const view = await nextWhere(bens, (v) => v.refused.length > 0);
    expect(view.refused).toEqual([{ key: `refused:tasks/${task.id}/${now}`, at: now, message: 'Only the project team can change this task.', isReviewed: false }]);
    value(await world.ben.client.call('sync/review-conflict', { id: view.refused[0]!.key }));
    expect((await nextWhere(bens, (v) => v.refused[0]!.isReviewed)).refused).toHaveLength(1);
  });

  it('refuses bad input at the bridge and answers nothing without a session', async () => {
    const client = world.ben.client;
    const first = async (input: unknown) => client.subscribe('sync/record-conflicts', input).next();
    expect(await first({ collection: 'nope', recordId: task.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'collection' } });
    expect(await first({ collection: 'tasks', recordId: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'recordId' } });
    expect(await first({ collection: 'tasks', recordId: 'x'.repeat(41) })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'recordId' } });
    expect(await first({ collection: 'tasks' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'recordId' } });
    expect(await first({ collection: 'tasks', recordId: { $ne: null } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // A record without conflicts is an empty answer, not an error.
    expect(await first({ collection: 'projects', recordId: 'NO-SUCH-RECORD' })).toEqual({ ok: true, value: { conflicts: [], refused: [] } });

    expect(await client.call('sync/review-conflict', { id: 'NO-SUCH-CONFLICT' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Another kind of activity (a comment) is not a conflict to dismiss.
    const comment = value(await client.call<{ comment: { id: string } }>('comments/add', { taskId: task.id, body: 'hello' }));
    expect(await client.call('sync/review-conflict', { id: comment.comment.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await client.call('sync/review-conflict', { id: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
    expect(await client.call('sync/review-conflict', { id: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
    expect(await client.call('sync/review-conflict', { id: 'refused:tasks/x/y' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const stranger = connectTestClient(world.host);
    expect(await stranger.subscribe('sync/record-conflicts', { collection: 'tasks', recordId: task.id }).next<Result<unknown>>()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await stranger.call('sync/review-conflict', { id: 'CONFLICT-1' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    stranger.close();
  });
});
