import { agendaTiming } from '../../src-shared/meetings/agenda';
import { fileSubjectsOf, filesOfItem } from '../../src-shared/meetings/agenda-files';
import { actionItemStatus, openItemsOfEarlierMeetings, type LinkedTask } from '../../src-shared/meetings/action-items';
import { canManageMeeting, canReadMeeting, canTakeMinutes, isAttendee, type MeetingActor } from '../../src-shared/meetings/meeting-access';
import { describeRecurrence } from '../../src-shared/meetings/meeting-labels';
import { attendeeKey, type ActionItem } from '../../src-shared/meetings/meeting-model';
import type { ActionItemView, MeetingDetail } from '../../src-shared/meetings/meeting-views';
import { hasUnpublishedChanges } from '../../src-shared/meetings/minutes';
import type { LabDatabase } from '../database/open-database';
import { namesOf, type MeetingDirectory } from './meeting-directory';
import { meetingFiles } from './meeting-files';
import { occurrenceDocument, occurrenceDocumentsOf, resolveMeeting } from './meeting-store';
import { clashesOf } from './meeting-window';

/** One meeting as its page shows it: names resolved, agenda timed, action items' status read from their tasks. */

async function tasksByIds(db: LabDatabase, ids: readonly string[]): Promise<Map<string, LinkedTask>> {
  if (ids.length === 0) return new Map();
  const found = await db.tasks.findByIds([...new Set(ids)]).exec();
  return new Map([...found.values()].map((t) => [t.id, { id: t.id, title: String(t.get('title')), status: String(t.get('status')), projectId: String(t.get('projectId')) }]));
}

export async function meetingDetail(db: LabDatabase, directory: MeetingDirectory, actor: MeetingActor, ref: string): Promise<MeetingDetail | null> {
  const resolved = await resolveMeeting(db, ref);
  if (!resolved) return null;
  const { doc } = occurrenceDocument(resolved);
  if (!canReadMeeting(doc, actor)) return null;
  const series = resolved.kind === 'occurrence' ? resolved.series : resolved.series;
  const files = await meetingFiles(db, fileSubjectsOf(doc));
  const names = { ...namesOf(directory), file: (id: string) => files.get(id)?.name };
  const earlier = doc.seriesId || series ? (await occurrenceDocumentsOf(db, series?.id ?? doc.id)).filter((o) => o.id !== doc.id) : [];
  const tasks = await tasksByIds(db, [
    ...doc.data.actionItems.flatMap((a) => a.taskId ?? []),
    ...doc.data.agenda.flatMap((i) => i.linkedTaskIds),
    ...earlier.flatMap((o) => o.data.actionItems.flatMap((a) => a.taskId ?? [])),
  ]);
  const actionView = (item: ActionItem): ActionItemView => {
    const task = item.taskId ? tasks.get(item.taskId) : undefined;
    return {
      id: item.id,
      description: item.description,
      ownerId: item.ownerId,
      ownerName: names.person(item.ownerId),
      ...(item.dueDate ? { dueDate: item.dueDate } : {}),
      ...(item.agendaItemId ? { agendaItemId: item.agendaItemId } : {}),
      status: actionItemStatus(item, task),
      ...(task ? { task } : {}),
    };
  };
  const timing = agendaTiming(doc.data.agenda, doc.startsAt, doc.endsAt);
  const personIds = doc.data.attendees.filter((a) => a.personId && a.response !== 'declined').map((a) => a.personId as string);
  const clashes =
    doc.status === 'cancelled' || (doc.data.recurrence && !doc.seriesId)
      ? []
      : await clashesOf(db, { slots: [{ startsAt: doc.startsAt, endsAt: doc.endsAt }], personIds, roomId: '', ignoreMeetingIds: new Set([doc.id, series?.id ?? doc.id]) });
  const recurrence = (series ?? doc).data.recurrence;
  const own = doc.data.attendees.find((a) => a.personId === actor.id);
  const hasMinutes = doc.data.minutesVersions.length > 0;
  return {
    id: resolved.kind === 'occurrence' ? doc.id : doc.id,
    seriesId: doc.seriesId || (doc.data.recurrence ? doc.id : ''),
    ...(doc.data.recurrenceId ? { recurrenceId: doc.data.recurrenceId } : {}),
    hasDocument: resolved.kind === 'document',
    title: doc.title,
    type: doc.data.type,
    startsAt: doc.startsAt,
    endsAt: doc.endsAt,
    timeZone: doc.data.timeZone,
    place: doc.data.place,
    videoUrl: doc.data.videoUrl,
    roomId: doc.roomId,
    roomName: doc.roomId ? (names.room(doc.roomId) ?? '') : '',
    description: doc.data.description,
    ...(doc.data.projectId ? { projectId: doc.data.projectId, projectName: String((await db.projects.findOne(doc.data.projectId).exec())?.get('name') ?? '') } : {}),
    ...(doc.data.recordId ? { recordId: doc.data.recordId } : {}),
    isPrivate: doc.data.isPrivate,
    status: doc.status === 'cancelled' || series?.status === 'cancelled' ? 'cancelled' : 'scheduled',
    ...(recurrence ? { recurrence, seriesStartsAt: (series ?? doc).startsAt, seriesEndsAt: (series ?? doc).endsAt } : {}),
    recurrenceText: describeRecurrence(recurrence),
    organiser: { id: doc.organiserId, name: names.person(doc.organiserId) },
    attendees: doc.data.attendees.map((a) => {
      const key = attendeeKey(a);
      const mark = doc.data.minutes.attendance[key];
      return { key, ...(a.personId ? { personId: a.personId } : {}), ...(a.email ? { email: a.email } : {}), name: a.personId ? names.person(a.personId) : a.name || (a.email ?? ''), role: a.role, response: a.response, ...(mark ? { attendance: mark } : {}) };
    }),
    minuteTakers: doc.data.minuteTakerIds.map((id) => ({ id, name: names.person(id) })),
    agenda: doc.data.agenda.map((item, i) => ({
      ...item,
      presenterName: item.presenterId ? names.person(item.presenterId) : '',
      linkedTasks: item.linkedTaskIds.flatMap((id) => tasks.get(id) ?? []),
      files: filesOfItem(item, files),
      slotStartsAt: timing.slots[i]?.startsAt ?? doc.startsAt,
      slotEndsAt: timing.slots[i]?.endsAt ?? doc.startsAt,
      isOutside: timing.slots[i]?.isOutside ?? false,
    })),
    timing,
    carriedActionItems: openItemsOfEarlierMeetings(earlier, doc.data.recurrenceId ?? doc.startsAt, tasks).map((c) => ({ ...actionView(c.item), meetingId: c.meetingId, meetingStartsAt: c.meetingStartsAt })),
    minutes: doc.data.minutes,
    actionItems: doc.data.actionItems.map(actionView),
    versions: doc.data.minutesVersions.map((v) => ({
      version: v.version,
      publishedAt: v.publishedAt,
      publishedByName: v.publishedByName,
      changeNote: v.changeNote,
      signoffs: doc.data.signoffs.filter((s) => s.version === v.version).map((s) => ({ name: s.name, meaning: s.meaning, signedAt: s.signedAt })),
    })),
    hasUnpublishedChanges: hasMinutes && hasUnpublishedChanges(doc, names),
    clashes,
    can: { manage: canManageMeeting(doc, actor), takeMinutes: canTakeMinutes(doc, actor), respond: own !== undefined, signOff: isAttendee(doc, actor.id) && hasMinutes },
    ...(own ? { myResponse: own.response } : {}),
    sequence: doc.data.sequence,
  };
}
