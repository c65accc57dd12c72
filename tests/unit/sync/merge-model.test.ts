import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSameValue, resolvePush, type LostField } from '../../../src-shared/sync/conflicts';
import { rulesOf } from '../../../src-shared/sync/merge-rules';
import { taskSchema, TASK_STATUSES } from '../../../src-shared/tasks/task-model';
import { makeTask } from '../tasks/task-fixtures';

/**
 * A model test of the sync server's merge (resolvePush with the tasks' rules): two PCs start from
 * the same valid task and each runs a sequence of task commands offline, through a model of the
 * commands that keeps their rules (done means 100%, dates in order, dependencies once each). One
 * PC's version reaches the server first, the other's is merged onto it. Whatever the sequences:
 * the stored task is valid by the task model, the first PC's changes stand, every field the second
 * PC changed is either stored with its value or reported lost with it, and answering the same push
 * again (a retry) loses nothing new and changes nothing.
 */
type Task = ReturnType<typeof makeTask>;
type Command = (task: Task) => Partial<Task> | null;

const day = fc.integer({ min: 1, max: 9 }).map((d) => `2026-02-0${d}`);
const commands: fc.Arbitrary<Command> = fc.oneof(
  fc.constantFrom('Weigh', 'Weigh samples', 'Re-weigh').map((title): Command => () => ({ title })),
  fc.constantFrom('', 'Use the new balance').map((description): Command => () => ({ description })),
  // tasks/set-status and tasks/move: done means 100% (kanban-move.ts).
  fc.constantFrom(...TASK_STATUSES).map((status): Command => () => ({ status, ...(status === 'done' ? { progress: 100 } : {}) })),
  // tasks/set-progress: refused on a done task below 100.
  fc.constantFrom(0, 40, 100).map((progress): Command => (t) => (t.status === 'done' && progress < 100 ? null : { progress })),
  // tasks/update and tasks/reschedule: refused when the due date would come before the start.
  fc.tuple(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined })).map(([startDate, dueDate]): Command => (t) => {
    const next = { startDate: startDate ?? t.startDate, dueDate: dueDate ?? t.dueDate };
    return next.startDate && next.dueDate && next.dueDate < next.startDate ? null : next;
  }),
  fc.subarray(['t-2', 't-3', 't-4']).map((dependsOn): Command => () => ({ dependsOn })),
);

/** A PC's offline edits: each command that passes its checks is a new version, as the audited writer writes it. */
function runOffline(start: Task, sequence: Command[], pc: string): Task {
  return sequence.reduce((task, command, i) => {
    const change = command(task);
    if (!change) return task;
    const at = `2026-02-10T10:${pc === 'A' ? '1' : '2'}${i}:00.000Z`;
    return { ...task, ...change, updatedAt: at, updatedBy: `P-${pc}`, auditId: `${pc}${String(i).padStart(3, '0')}` };
  }, start);
}

const base = makeTask({ id: 't-1', status: 'in_review', progress: 100, startDate: '2026-02-03', dueDate: '2026-02-06', dependsOn: ['t-2'] });
const TRACKED = ['title', 'description', 'status', 'progress', 'startDate', 'dueDate', 'dependsOn'] as const;
const rules = rulesOf('tasks');
const stored = (resolution: ReturnType<typeof resolvePush>, incoming: Task) => (resolution.kind === 'accept' ? incoming : resolution.doc) as Task;

describe('the sync server’s merge of two divergent task histories', () => {
  it('is valid by the task model, keeps the first PC’s changes, and keeps every value of the second as stored or lost', () => {
    expect(taskSchema.safeParse(base).success).toBe(true);
    fc.assert(
      fc.property(fc.array(commands, { maxLength: 8 }), fc.array(commands, { maxLength: 8 }), (first, second) => {
        const a = runOffline(base, first, 'A');
        const b = runOffline(base, second, 'B');
        expect(taskSchema.safeParse(a).success && taskSchema.safeParse(b).success).toBe(true);

        // A's push finds the server where both started; B's finds A's version there.
        const afterA = stored(resolvePush({ isAppendOnly: false, master: base, assumed: base, incoming: a, rules }), a);
        const resolution = resolvePush({ isAppendOnly: false, master: afterA, assumed: base, incoming: b, rules });
        const result = stored(resolution, b);
        const lost: LostField[] = resolution.kind === 'accept' ? [] : resolution.lost;

        const validity = taskSchema.safeParse(result);
        expect(validity.success, JSON.stringify(validity.error?.issues)).toBe(true);
        for (const field of TRACKED) {
          if (!isSameValue(a[field], base[field])) expect(result[field], `A's ${field}`).toEqual(a[field]);
          if (isSameValue(b[field], base[field]) || isSameValue(result[field], b[field])) continue;
          expect(lost.filter((l) => l.field === field), `B's ${field}`).toEqual([{ field, kept: result[field] ?? null, lost: b[field] ?? null }]);
        }

        // The same push answered again (its answer lost in a cut): nothing new is lost, nothing changes.
        const retry = resolvePush({ isAppendOnly: false, master: result, assumed: base, incoming: b, rules });
        expect(isSameValue({ ...stored(retry, b), updatedAt: 0, updatedBy: 0, auditId: 0 }, { ...result, updatedAt: 0, updatedBy: 0, auditId: 0 })).toBe(true);
        const lostAgain = retry.kind === 'accept' ? [] : retry.lost;
        for (const entry of lostAgain) expect(lost).toContainEqual(entry);
      }),
      { numRuns: 500 },
    );
  });
});
