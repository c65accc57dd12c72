import { fail, ok } from '../../src-shared/core/result';
import { reorderItems } from '../../src-shared/meetings/agenda';
import { checkAgendaFiles, fileSubjectsOf } from '../../src-shared/meetings/agenda-files';
import type { AgendaItem, MeetingDocument } from '../../src-shared/meetings/meeting-model';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { readDirectory } from './meeting-directory';
import { editMeeting, notFoundIn, withData } from './meeting-edit';
import { meetingFiles } from './meeting-files';

type Names = 'meetings/agenda/add' | 'meetings/agenda/update' | 'meetings/agenda/remove' | 'meetings/agenda/reorder';

/**
 * The agenda: the organiser plans it (items, presenters, minutes allotted, linked tasks and
 * records, attachments); on a series with `scope: 'series'` it is the standing agenda every new
 * occurrence starts with. Notes on items are the minutes (minutes-handlers.ts).
 */

async function checkLinks(context: CommandContext, input: { presenterId?: string | null | undefined; linkedTaskIds?: string[] | undefined; linkedRecordIds?: string[] | undefined }) {
  if (input.presenterId) {
    const directory = await readDirectory(context.db);
    if (!directory.people.get(input.presenterId)?.isActive) return fail('invalid_input', 'Choose the presenter from the active people of the directory.', { field: 'presenterId' });
  }
  if (input.linkedTaskIds?.length) {
    const found = await context.db.tasks.findByIds(input.linkedTaskIds).exec();
    if (input.linkedTaskIds.some((id) => !found.has(id))) return fail('invalid_input', 'A linked task no longer exists.', { field: 'linkedTaskIds' });
  }
  if (input.linkedRecordIds?.length) {
    const found = await context.db.records.findByIds(input.linkedRecordIds).exec();
    if (input.linkedRecordIds.some((id) => !found.has(id))) return fail('invalid_input', 'A linked record no longer exists.', { field: 'linkedRecordIds' });
  }
  return null;
}

/** The files an item of `doc` may name (see src-shared/meetings/agenda-files.ts), checked on this PC's data. */
async function checkFiles(context: CommandContext, doc: MeetingDocument, ids: readonly string[], alreadyNamed: readonly string[] = []) {
  const subjects = fileSubjectsOf(doc);
  return checkAgendaFiles(ids, ids.length ? await meetingFiles(context.db, subjects) : new Map(), subjects, alreadyNamed);
}

export const agendaCommandHandlers: CommandHandlers<Names> = {
  async 'meetings/agenda/add'(input, context) {
    const refused = await checkLinks(context, input);
    if (refused) return refused;
    const itemId = context.newId();
    const item: AgendaItem = {
      id: itemId,
      title: input.title,
      ...(input.presenterId ? { presenterId: input.presenterId } : {}),
      minutes: input.minutes,
      notes: '',
      linkedTaskIds: input.linkedTaskIds ?? [],
      linkedRecordIds: input.linkedRecordIds ?? [],
      attachmentIds: [],
    };
    const saved = await editMeeting(
      context,
      input.id,
      'manage',
      async ({ doc }) => {
        const files = await checkFiles(context, doc, input.attachmentIds ?? []);
        return files.ok ? ok(withData(doc, { agenda: [...doc.data.agenda, { ...item, attachmentIds: files.value }] })) : files;
      },
      { isSeries: input.scope === 'series' },
    );
    return saved.ok ? ok({ id: saved.value.id, itemId }) : saved;
  },

  async 'meetings/agenda/update'(input, context) {
    const refused = await checkLinks(context, input);
    if (refused) return refused;
    const saved = await editMeeting(
      context,
      input.id,
      'manage',
      async ({ doc }) => {
        const existing = doc.data.agenda.find((i) => i.id === input.itemId);
        if (!existing) return notFoundIn('agenda item', 'itemId');
        const files = input.attachmentIds ? await checkFiles(context, doc, input.attachmentIds, existing.attachmentIds) : null;
        if (files && !files.ok) return files;
        const { presenterId: _p, ...rest } = existing;
        const presenterId = input.presenterId === null ? undefined : (input.presenterId ?? existing.presenterId);
        const item: AgendaItem = {
          ...rest,
          ...(presenterId ? { presenterId } : {}),
          title: input.title ?? existing.title,
          minutes: input.minutes ?? existing.minutes,
          linkedTaskIds: input.linkedTaskIds ?? existing.linkedTaskIds,
          linkedRecordIds: input.linkedRecordIds ?? existing.linkedRecordIds,
          attachmentIds: files?.value ?? existing.attachmentIds,
        };
        return ok(withData(doc, { agenda: doc.data.agenda.map((i) => (i.id === item.id ? item : i)) }));
      },
      { isSeries: input.scope === 'series' },
    );
    return saved.ok ? ok({ id: saved.value.id }) : saved;
  },

  async 'meetings/agenda/remove'(input, context) {
    const saved = await editMeeting(
      context,
      input.id,
      'manage',
      ({ doc }) => {
        if (!doc.data.agenda.some((i) => i.id === input.itemId)) return notFoundIn('agenda item', 'itemId');
        const decisions = doc.data.minutes.decisions.map(({ agendaItemId, ...d }) => (agendaItemId === input.itemId ? d : { ...d, ...(agendaItemId ? { agendaItemId } : {}) }));
        return ok(withData(doc, { agenda: doc.data.agenda.filter((i) => i.id !== input.itemId), minutes: { ...doc.data.minutes, decisions } }));
      },
      { isSeries: input.scope === 'series' },
    );
    return saved.ok ? ok({ id: saved.value.id }) : saved;
  },

  async 'meetings/agenda/reorder'(input, context) {
    const saved = await editMeeting(
      context,
      input.id,
      'manage',
      ({ doc }) => {
        const agenda = reorderItems(doc.data.agenda, input.itemIds);
        return agenda ? ok(withData(doc, { agenda })) : fail('conflict', 'The agenda changed meanwhile (an item was added or removed); try the move again.', { field: 'itemIds' });
      },
      { isSeries: input.scope === 'series' },
    );
    return saved.ok ? ok({ id: saved.value.id }) : saved;
  },
};
