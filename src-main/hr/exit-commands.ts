import { fail, type Result } from '../../src-shared/core/result';
import { exitChecklist, handoverOf, tickItem, type ChecklistItem } from '../../src-shared/hr/exit-checklist';
import { exitKind, type ExitData } from '../../src-shared/hr/exit-kind';
import { equipmentKind } from '../../src-shared/equipment/equipment-kind';
import { CLOSED_STATUSES, type TaskStatus } from '../../src-shared/tasks/task-model';
import type { RecordView } from '../../src-shared/records/record-contract';
import type { LabDatabase } from '../database/open-database';
import { changeRecord, createRecord, recordOf, type StoredDoc } from '../records/module-records';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { localToday } from '../projects/project-access';
import { recordActorOf } from '../records/record-actor';
import { taskCommandHandlers } from '../tasks/task-handlers';

type ExitDoc = StoredDoc & { data: ExitData };

/** Instruments the person is custodian of (not disposed of) and the open tasks assigned to them, on this PC. */
async function holdingsOf(db: LabDatabase, personId: string) {
  const [equipment, tasks] = await Promise.all([
    db.records.find({ selector: { kind: 'equipment', ownerId: personId } }).exec(),
    db.tasks.find({ selector: { assigneeId: personId } }).exec(),
  ]);
  return {
    instruments: equipment.filter((e) => e.get('status') !== 'disposed').map((e) => ({ id: e.id, title: String(e.get('title')) })),
    tasks: tasks.filter((t) => !CLOSED_STATUSES.has(t.get('status') as TaskStatus)).map((t) => ({ id: t.id, title: String(t.get('title')) })),
  };
}

async function exitOf(context: CommandContext, id: string) {
  const actor = await recordActorOf(context.db, context.actor.id);
  const found = await recordOf(context.db, exitKind, id, actor);
  return found.error ? { error: found.error } : { actor, exit: found.value as ExitDoc };
}

/** Writes the checklist; the first line done starts the checklist (Notified → Checklist running). */
function saveChecklist(context: CommandContext, actor: Awaited<ReturnType<typeof recordActorOf>>, exit: ExitDoc, checklist: ChecklistItem[]): Promise<Result<RecordView>> {
  const status = exit.status === 'notified' && checklist.some((i) => i.doneOn) ? 'in_progress' : exit.status;
  return changeRecord(context, exitKind, actor, exit, { data: { checklist }, status });
}

type Names = 'hr/exit/record' | 'hr/exit/tick' | 'hr/exit/hand-over';

/** Exits (src-shared/hr/exit-kind.ts) through the records platform's writer: HR only, by the kind's rules. */
export const exitCommandHandlers: CommandHandlers<Names> = {
  async 'hr/exit/record'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const person = await context.db.people.findOne(input.personId).exec();
    if (!person || person.get('kind') !== 'person') return fail('invalid_input', 'Choose a person from the directory.', { field: 'personId' });
    if (input.lastDay < input.noticeDate) return fail('invalid_input', 'The last day cannot be before the notice.', { field: 'lastDay' });
    const standing = await context.db.records.find({ selector: { kind: 'exit', personId: input.personId } }).exec();
    if (standing.some((e) => e.get('status') !== 'withdrawn')) return fail('already_exists', `${String(person.get('name'))} already has an exit recorded; withdraw it first to record another.`, { field: 'personId' });
    const checklist = exitChecklist(await holdingsOf(context.db, input.personId));
    return createRecord(context, exitKind, actor, { ...input, checklist });
  },

  async 'hr/exit/tick'(input, context) {
    const found = await exitOf(context, input.id);
    if (found.error) return found.error;
    const { actor, exit } = found;
    if (!exit.data.checklist.some((i) => i.id === input.itemId)) return fail('not_found', 'That line is not on this exit checklist.', { field: 'itemId' });
    if (input.isDone && handoverOf(input.itemId)) return fail('invalid_input', 'Hand it over to a colleague; the line is ticked off when it is handed over.', { field: 'itemId' });
    return saveChecklist(context, actor, exit, tickItem(exit.data.checklist, input.itemId, input.isDone ? localToday(context.clock()) : ''));
  },

  async 'hr/exit/hand-over'(input, context) {
    const found = await exitOf(context, input.id);
    if (found.error) return found.error;
    const { actor, exit } = found;
    const handover = handoverOf(input.itemId);
    if (!handover || !exit.data.checklist.some((i) => i.id === input.itemId)) return fail('not_found', 'That line is not something to hand over on this exit checklist.', { field: 'itemId' });
    if (input.toPersonId === exit.data.personId) return fail('invalid_input', 'Choose a colleague who stays.', { field: 'toPersonId' });
    const to = await context.db.people.findOne(input.toPersonId).exec();
    if (!to || to.get('kind') !== 'person' || !to.get('isActive')) return fail('invalid_input', 'Choose an active colleague.', { field: 'toPersonId' });
    // Handed over with the asker's own rights: the instrument's and the task's rules decide.
    if (handover.what === 'instrument') {
      const instrument = await recordOf(context.db, equipmentKind, handover.id, actor);
      if (instrument.error) return instrument.error;
      const moved = await changeRecord(context, equipmentKind, actor, instrument.value, { data: { custodianId: input.toPersonId } });
      if (!moved.ok) return moved;
    } else {
      const moved = await taskCommandHandlers['tasks/assign']({ id: handover.id, assigneeId: input.toPersonId }, context);
      if (!moved.ok) return moved;
    }
    return saveChecklist(context, actor, exit, tickItem(exit.data.checklist, input.itemId, localToday(context.clock())));
  },
};
