import { fail, ok } from '../../src-shared/core/result';
import { canTakeMinutes, refusals } from '../../src-shared/meetings/meeting-access';
import { describeWhen } from '../../src-shared/meetings/meeting-labels';
import type { ActionItem } from '../../src-shared/meetings/meeting-model';
import type { TaskDocument } from '../../src-shared/tasks/task-views';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { readProject, writeContextOf } from '../projects/project-access';
import { inboxOf } from '../projects/person-inbox';
import { taskCommandHandlers } from '../tasks/task-handlers';
import { readDirectory } from './meeting-directory';
import { editMeeting, notFoundIn, withData } from './meeting-edit';
import { meetingFor, occurrenceDocument } from './meeting-store';

type Names = 'meetings/actions/add' | 'meetings/actions/update' | 'meetings/actions/remove' | 'meetings/actions/set-done' | 'meetings/actions/make-task';

/**
 * Action items: agreed in a meeting (by the organiser or a minute-taker), each with an owner, a due
 * date and the agenda item it came from. "Make it a task" creates a task through `tasks/create` in
 * a chosen project, the meeting's project, or the owner's inbox; the task links back to the
 * meeting (an `activity` link) and the item names the task, whose status it shows from then on.
 */

const checkOwner = async (context: CommandContext, ownerId: string) =>
  (await readDirectory(context.db)).people.get(ownerId)?.isActive ? null : fail('invalid_input', 'Choose the owner from the active people of the directory.', { field: 'ownerId' });

export const actionCommandHandlers: CommandHandlers<Names> = {
  async 'meetings/actions/add'(input, context) {
    const refused = await checkOwner(context, input.ownerId);
    if (refused) return refused;
    const actionId = context.newId();
    const saved = await editMeeting(context, input.id, 'minutes', ({ doc }) => {
      if (input.agendaItemId && !doc.data.agenda.some((i) => i.id === input.agendaItemId)) return notFoundIn('agenda item', 'agendaItemId');
      const item: ActionItem = {
        id: actionId,
        description: input.description,
        ownerId: input.ownerId,
        ...(input.dueDate ? { dueDate: input.dueDate } : {}),
        ...(input.agendaItemId ? { agendaItemId: input.agendaItemId } : {}),
        isDone: false,
      };
      return ok(withData(doc, { actionItems: [...doc.data.actionItems, item] }));
    });
    return saved.ok ? ok({ id: saved.value.id, actionId }) : saved;
  },

  async 'meetings/actions/update'(input, context) {
    if (input.ownerId) {
      const refused = await checkOwner(context, input.ownerId);
      if (refused) return refused;
    }
    const saved = await editMeeting(context, input.id, 'minutes', ({ doc }) => {
      const existing = doc.data.actionItems.find((a) => a.id === input.actionId);
      if (!existing) return notFoundIn('action item', 'actionId');
      const { dueDate: _d, agendaItemId: _a, ...rest } = existing;
      const dueDate = input.dueDate === null ? undefined : (input.dueDate ?? existing.dueDate);
      const agendaItemId = input.agendaItemId === null ? undefined : (input.agendaItemId ?? existing.agendaItemId);
      const item: ActionItem = { ...rest, description: input.description ?? existing.description, ownerId: input.ownerId ?? existing.ownerId, ...(dueDate ? { dueDate } : {}), ...(agendaItemId ? { agendaItemId } : {}) };
      return ok(withData(doc, { actionItems: doc.data.actionItems.map((a) => (a.id === item.id ? item : a)) }));
    });
    return saved.ok ? ok({ id: saved.value.id }) : saved;
  },

  async 'meetings/actions/remove'(input, context) {
    const saved = await editMeeting(context, input.id, 'minutes', ({ doc }) => {
      if (!doc.data.actionItems.some((a) => a.id === input.actionId)) return notFoundIn('action item', 'actionId');
      return ok(withData(doc, { actionItems: doc.data.actionItems.filter((a) => a.id !== input.actionId) }));
    });
    return saved.ok ? ok({ id: saved.value.id }) : saved;
  },

  async 'meetings/actions/set-done'(input, context) {
    const saved = await editMeeting(context, input.id, 'none', ({ doc, actor }) => {
      const item = doc.data.actionItems.find((a) => a.id === input.actionId);
      if (!item) return notFoundIn('action item', 'actionId');
      if (item.taskId) return fail('invalid_state', 'This action item is a task: its status follows the task. Change it on the task.');
      if (item.ownerId !== actor.id && !canTakeMinutes(doc, actor)) return fail('forbidden', 'Only the owner of an action item (or the minute-takers) can tick it done.');
      return ok(withData(doc, { actionItems: doc.data.actionItems.map((a) => (a.id === item.id ? { ...a, isDone: input.isDone } : a)) }));
    });
    return saved.ok ? ok({ id: saved.value.id }) : saved;
  },

  async 'meetings/actions/make-task'(input, context) {
    const found = await meetingFor(context, input.id);
    if (!found.ok) return found;
    const { doc } = occurrenceDocument(found.value.resolved);
    if (!canTakeMinutes(doc, found.value.actor)) return fail('forbidden', refusals.minutes);
    const item = doc.data.actionItems.find((a) => a.id === input.actionId);
    if (!item) return notFoundIn('action item', 'actionId');
    if (item.taskId) return fail('invalid_state', 'This action item is already a task.');
    const projectId = input.projectId ?? doc.data.projectId;
    const project = projectId ? await readProject(context.db, projectId) : null;
    if (projectId && !project) return fail('not_found', 'That project no longer exists.', { field: 'projectId' });
    const target = project ? ok(project) : await inboxOf(context, item.ownerId);
    if (!target.ok) return target;
    const created = await taskCommandHandlers['tasks/create'](
      {
        projectId: target.value.id,
        title: item.description.slice(0, 500),
        description: `From the meeting “${doc.title}” (${describeWhen(doc.startsAt, doc.data.timeZone)}).\n\n${item.description}`,
        assigneeId: item.ownerId,
        watcherIds: item.ownerId === context.actor.id ? [] : [context.actor.id],
        priority: 'medium',
        status: 'todo',
        ...(item.dueDate ? { dueDate: item.dueDate } : {}),
        checklist: [],
        dependsOn: [],
      },
      { ...context, command: 'tasks/create' },
    );
    if (!created.ok) return created;
    const task: TaskDocument = created.value;
    const saved = await editMeeting(context, input.id, 'minutes', ({ doc: current }) =>
      ok(withData(current, { actionItems: current.data.actionItems.map((a) => (a.id === item.id ? { ...a, taskId: task.id } : a)) })),
    );
    if (!saved.ok) return saved;
    // The task's side of the link: where it came from, shown with the task and kept in its history.
    await context.writer.insert(
      'activity',
      {
        kind: 'link',
        subjectType: 'task',
        subjectId: task.id,
        projectId: task.projectId,
        personId: context.actor.id,
        at: context.clock().toISOString(),
        data: { targetCollection: 'meetings', targetId: saved.value.id, relation: 'action_item', actionItemId: item.id },
      },
      writeContextOf(context),
    );
    return ok({ id: saved.value.id, taskId: task.id, projectId: task.projectId });
  },
};
