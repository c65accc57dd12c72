import { fail, ok } from '../../src-shared/core/result';
import type { TimeEntryDocument } from '../../src-shared/tasks/task-views';
import type { LabDatabase } from '../database/open-database';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { localToday, writeContextOf } from '../projects/project-access';
import { softDelete } from './soft-delete';
import { editableTask } from './task-store';

type TimeCommands = 'time/start-timer' | 'time/stop-timer' | 'time/log' | 'time/update' | 'time/remove';

/** The person's running timer, if any (the (personId, kind, at) index keeps this to their own entries). */
export async function runningTimer(db: LabDatabase, personId: string): Promise<TimeEntryDocument | null> {
  const docs = await db.activity.find({ selector: { personId, kind: 'time_entry' }, sort: [{ at: 'desc' }] }).exec();
  const running = docs.find((d) => (d.get('data') as TimeEntryDocument['data']).isRunning);
  return running ? (running.toJSON() as TimeEntryDocument) : null;
}

/** Elapsed hours, two decimals; at least 0.01 so a stopped timer always records something. */
const elapsedHours = (startedAt: string, now: Date) => Math.max(0.01, Math.round(((now.getTime() - Date.parse(startedAt)) / 3_600_000) * 100) / 100);

async function stop(context: CommandContext, entry: TimeEntryDocument): Promise<TimeEntryDocument> {
  const now = context.clock();
  const data = { ...entry.data, isRunning: false, endedAt: now.toISOString(), hours: elapsedHours(entry.data.startedAt ?? entry.at, now) };
  return (await context.writer.update<TimeEntryDocument>('activity', entry.id, { data }, writeContextOf(context))) ?? entry;
}

/** An own time entry, or the refusal. */
async function ownEntry(context: CommandContext, id: string) {
  const doc = await context.db.activity.findOne(id).exec();
  if (!doc || doc.get('kind') !== 'time_entry') return { refusal: fail('not_found', 'That time entry no longer exists.') };
  const entry = doc.toJSON() as TimeEntryDocument;
  if (entry.personId !== context.actor.id) return { refusal: fail('forbidden', 'People can only change their own time entries.') };
  return { entry };
}

export const timeCommandHandlers: CommandHandlers<TimeCommands> = {
  async 'time/start-timer'(input, context) {
    const { task, refusal } = await editableTask(context, input.taskId);
    if (refusal) return refusal;
    const running = await runningTimer(context.db, context.actor.id);
    if (running?.subjectId === task.id) return ok({ entry: running, stopped: null });
    const stopped = running ? await stop(context, running) : null;
    const now = context.clock();
    const entry = await context.writer.insert<TimeEntryDocument>(
      'activity',
      {
        kind: 'time_entry',
        subjectType: 'task',
        subjectId: task.id,
        projectId: task.projectId,
        personId: context.actor.id,
        at: now.toISOString(),
        data: { date: localToday(now), hours: 0, note: input.note, isBillable: input.isBillable, isRunning: true, startedAt: now.toISOString() },
      },
      writeContextOf(context),
    );
    return ok({ entry, stopped });
  },

  async 'time/stop-timer'(_input, context) {
    const running = await runningTimer(context.db, context.actor.id);
    if (!running) return fail('invalid_state', 'No timer is running.');
    return ok(await stop(context, running));
  },

  async 'time/log'(input, context) {
    const { task, refusal } = await editableTask(context, input.taskId);
    if (refusal) return refusal;
    const entry = await context.writer.insert<TimeEntryDocument>(
      'activity',
      {
        kind: 'time_entry',
        subjectType: 'task',
        subjectId: task.id,
        projectId: task.projectId,
        personId: context.actor.id,
        at: `${input.date}T00:00:00.000Z`,
        data: { date: input.date, hours: input.hours, note: input.note, isBillable: input.isBillable, isRunning: false },
      },
      writeContextOf(context),
    );
    return ok(entry);
  },

  async 'time/update'(input, context) {
    const { entry, refusal } = await ownEntry(context, input.id);
    if (refusal) return refusal;
    if (entry.data.isRunning && input.hours !== undefined) return fail('invalid_state', 'Stop the timer before changing its hours.', { field: 'hours' });
    const { id, ...fields } = input;
    const data = { ...entry.data, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    const at = fields.date && !entry.data.startedAt ? { at: `${fields.date}T00:00:00.000Z` } : {};
    return ok((await context.writer.update<TimeEntryDocument>('activity', id, { data, ...at }, writeContextOf(context))) ?? entry);
  },

  async 'time/remove'(input, context) {
    const { entry, refusal } = await ownEntry(context, input.id);
    if (refusal) return refusal;
    await softDelete(context, 'activity', entry);
    return ok({ id: entry.id });
  },
};
