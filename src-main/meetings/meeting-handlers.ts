import { fail, ok } from '../../src-shared/core/result';
import { canManageMeeting, refusals, type MeetingActor } from '../../src-shared/meetings/meeting-access';
import { attendeeKey, emptyMinutes, occurrenceId, type Attendee, type MeetingDocument } from '../../src-shared/meetings/meeting-model';
import { localDateTimeOf } from '../../src-shared/meetings/time-zones';
import { addDays } from '../../src-shared/projects/plan-dates';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { readDirectory } from './meeting-directory';
import { anchoredRecurrence, attendeesFrom, checkClashes, checkPeople, checkProject, checkRoom } from './meeting-input';
import { issueReplyTokens, replyBaseUrl, tellAttendees } from './meeting-notices';
import { meetingFor, occurrenceDocument, occurrenceDocumentsOf, saveMeeting, saveMeetings, type ResolvedMeeting } from './meeting-store';

type Names = 'meetings/create' | 'meetings/update' | 'meetings/cancel' | 'meetings/respond';

/** Fields whose change attendees' calendars must take over: each raises SEQUENCE and sends an update. */
const TOLD_FIELDS = ['title', 'startsAt', 'endsAt', 'roomId', 'status'] as const;
const TOLD_DATA = ['timeZone', 'place', 'videoUrl', 'description', 'recurrence', 'attendees'] as const;

function isToldChange(before: MeetingDocument, after: MeetingDocument): boolean {
  const strip = (attendees: readonly Attendee[]) => attendees.map(({ response: _r, respondedAt: _t, replyTokenHash: _h, ...who }) => who);
  return (
    TOLD_FIELDS.some((f) => before[f] !== after[f]) ||
    TOLD_DATA.some((f) => (f === 'attendees' ? JSON.stringify(strip(before.data.attendees)) !== JSON.stringify(strip(after.data.attendees)) : JSON.stringify(before.data[f]) !== JSON.stringify(after.data[f])))
  );
}

const raised = (before: MeetingDocument | null, after: MeetingDocument): MeetingDocument =>
  before && isToldChange(before, after) ? { ...after, data: { ...after.data, sequence: Math.max(after.data.sequence, before.data.sequence) + 1 } } : after;

/**
 * Saves a changed meeting (after the clash check), then tells the attendees: new ones are invited,
 * removed ones get a cancellation, the others an update — each with the calendar object.
 */
async function saveAndTell(context: CommandContext, actor: MeetingActor, resolved: ResolvedMeeting, before: MeetingDocument | null, changed: MeetingDocument) {
  const directory = await readDirectory(context.db);
  const original = before ?? (resolved.kind === 'occurrence' ? resolved.series : null);
  let after = original ? raised(original, changed) : changed;
  const clashes = await checkClashes(context, after, directory);
  if (!clashes.ok) return clashes;
  const issued = issueReplyTokens(after, (await replyBaseUrl(context)) !== '');
  after = issued.doc;
  const series = resolved.kind === 'occurrence' ? resolved.series : resolved.series;
  const saved = await saveMeeting(context, actor, before, after, series);
  if (!saved.ok) return saved;
  if (original && isToldChange(original, saved.value)) {
    const occurrences = saved.value.seriesId ? [] : await occurrenceDocumentsOf(context.db, saved.value.id);
    const told = { doc: saved.value, series: saved.value.seriesId ? series : null, occurrences };
    const keysBefore = new Set(original.data.attendees.map(attendeeKey));
    const keysAfter = new Set(saved.value.data.attendees.map(attendeeKey));
    const onlyWith = (keep: (key: string) => boolean) => ({ ...told, doc: { ...saved.value, data: { ...saved.value.data, attendees: saved.value.data.attendees.filter((a) => keep(attendeeKey(a))) } } });
    await tellAttendees(context, 'changed', onlyWith((k) => keysBefore.has(k)), { replyTokens: issued.tokens });
    await tellAttendees(context, 'invited', onlyWith((k) => !keysBefore.has(k)), { replyTokens: issued.tokens });
    const removed = original.data.attendees.filter((a) => !keysAfter.has(attendeeKey(a)));
    if (removed.length > 0) await tellAttendees(context, 'cancelled', { ...told, doc: { ...saved.value, data: { ...saved.value.data, attendees: removed } } });
  }
  return ok({ id: saved.value.id, openId: saved.value.id, clashes: clashes.value });
}

export const meetingCommandHandlers: CommandHandlers<Names> = {
  async 'meetings/create'(input, context) {
    const directory = await readDirectory(context.db);
    const room = checkRoom(directory, input.roomId);
    if (!room.ok) return room;
    const project = await checkProject(context, input.projectId);
    if (!project.ok) return project;
    if (input.agenda.some((item) => item.attachmentIds?.length)) return fail('invalid_input', 'A new meeting has no files yet: save it, then add files to its agenda items.', { field: 'agenda' });
    const attendees = attendeesFrom(directory, input.attendees, context.actor.id);
    if (!attendees.ok) return attendees;
    const takers = checkPeople(directory, input.minuteTakerIds, 'minuteTakerIds');
    if (!takers.ok) return takers;
    const startsAt = new Date(input.startsAt).toISOString();
    const endsAt = new Date(input.endsAt).toISOString();
    const doc: MeetingDocument = {
      id: context.newId(),
      createdAt: '',
      updatedAt: '',
      createdBy: context.actor.id,
      updatedBy: context.actor.id,
      auditId: '',
      title: input.title,
      startsAt,
      endsAt,
      untilAt: endsAt,
      organiserId: context.actor.id,
      seriesId: '',
      status: 'scheduled',
      roomId: room.value,
      data: {
        type: input.type,
        timeZone: input.timeZone,
        place: input.place,
        videoUrl: input.videoUrl,
        description: input.description,
        ...(input.projectId ? { projectId: input.projectId } : {}),
        ...(input.recordId ? { recordId: input.recordId } : {}),
        isPrivate: input.isPrivate ?? input.type === 'one_to_one',
        ...(input.recurrence ? { recurrence: { ...anchoredRecurrence(input.recurrence, startsAt, input.timeZone), exceptions: [] } } : {}),
        attendees: attendees.value,
        minuteTakerIds: takers.value,
        agenda: input.agenda.map((item) => ({
          id: context.newId(),
          title: item.title,
          ...(item.presenterId ? { presenterId: item.presenterId } : {}),
          minutes: item.minutes,
          notes: '',
          linkedTaskIds: item.linkedTaskIds ?? [],
          linkedRecordIds: item.linkedRecordIds ?? [],
          // A meeting being created has no files yet (refused above when an item names some).
          attachmentIds: [],
        })),
        minutes: emptyMinutes(),
        actionItems: [],
        minutesVersions: [],
        signoffs: [],
        sequence: 0,
      },
    };
    const clashes = await checkClashes(context, doc, directory);
    if (!clashes.ok) return clashes;
    const issued = issueReplyTokens(doc, (await replyBaseUrl(context)) !== '');
    const saved = await saveMeeting(context, { id: context.actor.id, roles: [] }, null, issued.doc);
    if (!saved.ok) return saved;
    await tellAttendees(context, 'invited', { doc: saved.value, series: null, occurrences: [] }, { replyTokens: issued.tokens });
    const openId = saved.value.data.recurrence ? occurrenceId(saved.value.id, saved.value.startsAt) : saved.value.id;
    return ok({ id: saved.value.id, openId, clashes: clashes.value });
  },

  async 'meetings/update'(input, context) {
    const found = await meetingFor(context, input.id);
    if (!found.ok) return found;
    const { resolved, actor } = found.value;
    const isSeriesDocument = resolved.kind === 'document' && !resolved.doc.seriesId && resolved.doc.data.recurrence !== undefined;
    const isSeriesScope = isSeriesDocument || (input.scope === 'series' && (resolved.kind === 'occurrence' || resolved.series !== null));
    const seriesDoc = resolved.kind === 'occurrence' ? resolved.series : (resolved.series ?? resolved.doc);
    const target = isSeriesScope ? { before: seriesDoc, doc: seriesDoc } : occurrenceDocument(resolved);
    const current = target.doc;
    if (!canManageMeeting(current, actor)) return fail('forbidden', refusals.manage);
    if (input.recurrence && (!isSeriesScope || !current.data.recurrence)) return fail('invalid_input', 'Repeat settings belong to the whole series: change them with “All meetings of the series”.', { field: 'recurrence' });
    const directory = await readDirectory(context.db);
    const room = input.roomId === undefined ? ok(current.roomId) : checkRoom(directory, input.roomId);
    if (!room.ok) return room;
    const project = input.projectId === current.data.projectId ? ok(null) : await checkProject(context, input.projectId);
    if (!project.ok) return project;
    const attendees = input.attendees ? attendeesFrom(directory, input.attendees, current.organiserId, current.data.attendees) : ok(current.data.attendees);
    if (!attendees.ok) return attendees;
    const takers = input.minuteTakerIds ? checkPeople(directory, input.minuteTakerIds, 'minuteTakerIds') : ok(current.data.minuteTakerIds);
    if (!takers.ok) return takers;
    const startsAt = input.startsAt ? new Date(input.startsAt).toISOString() : current.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt).toISOString() : current.endsAt;
    if (Date.parse(endsAt) <= Date.parse(startsAt)) return fail('invalid_input', 'The meeting must end after it starts.', { field: 'endsAt' });
    const timeZone = input.timeZone ?? current.data.timeZone;
    const isMovedNow = startsAt !== current.startsAt || endsAt !== current.endsAt;
    if (isSeriesScope && (isMovedNow || input.recurrence || timeZone !== current.data.timeZone)) {
      const upcoming = (await occurrenceDocumentsOf(context.db, current.id)).filter((o) => o.endsAt > context.clock().toISOString() && o.status !== 'cancelled');
      if (upcoming.length > 0) {
        const first = localDateTimeOf(upcoming[0]!.startsAt, timeZone).date;
        return fail('invalid_state', `Upcoming meetings of this series (the first on ${first}) have their own agenda or were moved. Change those one at a time, or end this series and schedule a new one.`);
      }
    }
    const clear = <T>(value: T | null | undefined, was: T | undefined) => (value === null ? undefined : (value ?? was));
    const { projectId: _p, recordId: _r, ...restData } = current.data;
    const projectId = clear(input.projectId, current.data.projectId);
    const recordId = clear(input.recordId, current.data.recordId);
    const changed: MeetingDocument = {
      ...current,
      title: input.title ?? current.title,
      startsAt,
      endsAt,
      roomId: room.value,
      data: {
        ...restData,
        ...(projectId ? { projectId } : {}),
        ...(recordId ? { recordId } : {}),
        type: input.type ?? current.data.type,
        timeZone,
        place: input.place ?? current.data.place,
        videoUrl: input.videoUrl ?? current.data.videoUrl,
        description: input.description ?? current.data.description,
        isPrivate: input.isPrivate ?? current.data.isPrivate,
        attendees: attendees.value,
        minuteTakerIds: takers.value,
        ...(input.recurrence ? { recurrence: { ...anchoredRecurrence(input.recurrence, startsAt, timeZone), exceptions: current.data.recurrence?.exceptions ?? [] } } : {}),
        ...(current.seriesId && isMovedNow ? { isMoved: true } : {}),
      },
    };
    const result = await saveAndTell(context, actor, isSeriesScope ? { kind: 'document', doc: seriesDoc, series: null } : resolved, target.before, changed);
    if (!result.ok || !isSeriesScope) return result;
    // A change of the whole series reaches its upcoming occurrence documents (title, place, people …).
    const now = context.clock().toISOString();
    const upcoming = (await occurrenceDocumentsOf(context.db, current.id)).filter((o) => o.startsAt > now);
    const series = await meetingFor(context, current.id);
    const saved = series.ok && series.value.resolved.kind === 'document' ? series.value.resolved.doc : changed;
    const carried = upcoming.map((o) => ({
      before: o,
      after: raised(o, {
        ...o,
        title: saved.title,
        roomId: saved.roomId,
        data: { ...o.data, type: saved.data.type, place: saved.data.place, videoUrl: saved.data.videoUrl, description: saved.data.description, isPrivate: saved.data.isPrivate, attendees: saved.data.attendees, minuteTakerIds: saved.data.minuteTakerIds },
      }),
      series: saved,
    }));
    if (carried.length > 0) {
      const written = await saveMeetings(context, actor, carried);
      if (!written.ok) return written;
    }
    return result;
  },

  async 'meetings/cancel'(input, context) {
    const found = await meetingFor(context, input.id);
    if (!found.ok) return found;
    const { resolved, actor, current } = found.value;
    if (!canManageMeeting(current, actor)) return fail('forbidden', refusals.manage);
    const seriesDoc = resolved.kind === 'occurrence' ? resolved.series : resolved.series;
    const reason = input.reason ? { reason: input.reason } : {};
    if (input.scope === 'series' && seriesDoc && (resolved.kind === 'occurrence' || resolved.doc.seriesId)) {
      // From this occurrence on: the series ends the day before (or is cancelled when this is its first).
      const startsAt = resolved.kind === 'occurrence' ? resolved.recurrenceId : (resolved.doc.data.recurrenceId ?? resolved.doc.startsAt);
      if (startsAt <= seriesDoc.startsAt) return cancelWhole(context, seriesDoc, actor, reason);
      const lastDay = addDays(localDateTimeOf(startsAt, seriesDoc.data.timeZone).date, -1);
      const recurrence = { ...seriesDoc.data.recurrence!, end: { type: 'until' as const, date: lastDay } };
      const changed = raised(seriesDoc, { ...seriesDoc, data: { ...seriesDoc.data, recurrence } });
      const saved = await saveMeeting(context, actor, seriesDoc, changed);
      if (!saved.ok) return saved;
      await tellAttendees(context, 'changed', { doc: saved.value, series: null, occurrences: await occurrenceDocumentsOf(context.db, saved.value.id) });
      return ok({ id: saved.value.id });
    }
    if (resolved.kind === 'document' && !resolved.doc.seriesId) return cancelWhole(context, resolved.doc, actor, reason);
    const target = occurrenceDocument(resolved);
    if (target.doc.status === 'cancelled') return ok({ id: target.doc.id });
    const changed = raised(target.before ?? seriesDoc!, { ...target.doc, status: 'cancelled' });
    const saved = await saveMeeting(context, actor, target.before, changed, seriesDoc);
    if (!saved.ok) return saved;
    await tellAttendees(context, 'cancelled', { doc: saved.value, series: seriesDoc, occurrences: [] }, reason);
    return ok({ id: saved.value.id });
  },

  async 'meetings/respond'(input, context) {
    const found = await meetingFor(context, input.id);
    if (!found.ok) return found;
    const { resolved, actor, current } = found.value;
    if (!current.data.attendees.some((a) => a.personId === actor.id)) return fail('forbidden', 'Only people invited to the meeting can answer it.');
    const answer = (doc: MeetingDocument): MeetingDocument => ({
      ...doc,
      data: { ...doc.data, attendees: doc.data.attendees.map((a) => (a.personId === actor.id ? { ...a, response: input.response, respondedAt: context.clock().toISOString() } : a)) },
    });
    const seriesDoc = resolved.kind === 'occurrence' ? resolved.series : (resolved.series ?? (resolved.doc.data.recurrence ? resolved.doc : null));
    if (input.scope === 'series' && seriesDoc) {
      const now = context.clock().toISOString();
      const upcoming = (await occurrenceDocumentsOf(context.db, seriesDoc.id)).filter((o) => o.startsAt > now);
      const saved = await saveMeetings(context, actor, [{ before: seriesDoc, after: answer(seriesDoc) }, ...upcoming.map((o) => ({ before: o, after: answer(o), series: seriesDoc }))]);
      return saved.ok ? ok({ id: seriesDoc.id }) : saved;
    }
    const target = occurrenceDocument(resolved);
    const saved = await saveMeeting(context, actor, target.before, answer(target.doc), resolved.kind === 'occurrence' ? resolved.series : resolved.series);
    return saved.ok ? ok({ id: saved.value.id }) : saved;
  },
};

async function cancelWhole(context: CommandContext, doc: MeetingDocument, actor: MeetingActor, reason: { reason?: string }) {
  if (doc.status === 'cancelled') return ok({ id: doc.id });
  const saved = await saveMeeting(context, actor, doc, raised(doc, { ...doc, status: 'cancelled' }));
  if (!saved.ok) return saved;
  await tellAttendees(context, 'cancelled', { doc: saved.value, series: null, occurrences: await occurrenceDocumentsOf(context.db, doc.id) }, reason);
  return ok({ id: doc.id });
}
