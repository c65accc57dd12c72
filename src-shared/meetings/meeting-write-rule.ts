import { isSameValue } from '../sync/conflicts';
import type { RelatedDocuments } from '../sync/related-documents';
import { allow, deny, type Decision, type SyncAction } from '../sync/write-rule';
import { canManageMeeting, canTakeMinutes, isAttendee, refusals, type MeetingActor } from './meeting-access';
import { attendeeKey, meetingDataSchema, type MeetingData, type MeetingDocument } from './meeting-model';
import { materialiseOccurrence } from './occurrences';
import { isOccurrenceOf } from './recurrence';
import { roomBookingDecision } from './room-booking';

/**
 * The one judgement of a change to a meeting, by what it changes (the document before and after):
 * the host runs it on every meeting it writes (meeting-store.ts) and the sync server on every
 * pushed meeting, so both refuse alike. Published minutes and sign-offs only ever grow; each part
 * of the meeting is changed only by those meeting-access.ts names for it.
 *
 * On the server it is part of judging each push as its author's command (src-shared/sync/
 * authorship.ts checks `createdBy`/`updatedBy` and the audit entry first): `actor` is the pusher,
 * and the meeting's own author fields must name them too — a new minutes version's `publishedById`,
 * a sign-off's `personId`, an answer (only one's own), a new meeting's organiser.
 */

type Doc = Record<string, unknown>;

/** What a change touched, and whose answers, sign-offs and action items it changed. */
interface MeetingChange {
  isDetailsChanged: boolean;
  isMinutesChanged: boolean;
  /** Action items whose only change is `isDone`, by their owners. */
  doneTickedBy: Set<string>;
  responsesOf: Set<string>;
  versions: 'same' | 'appended' | 'altered';
  newVersionsBy: Set<string>;
  signoffs: 'same' | 'appended' | 'altered';
  newSignoffsBy: Set<string>;
  newSignoffVersions: Set<number>;
}

/** The meeting without what attendees, minute-takers and signers change: what the organiser owns. */
function detailsOf(doc: MeetingDocument): unknown {
  const { attendees, agenda, minutes: _minutes, actionItems: _actions, minutesVersions: _versions, signoffs: _signoffs, ...rest } = doc.data;
  return {
    title: doc.title,
    startsAt: doc.startsAt,
    endsAt: doc.endsAt,
    untilAt: doc.untilAt,
    organiserId: doc.organiserId,
    seriesId: doc.seriesId,
    status: doc.status,
    roomId: doc.roomId,
    data: {
      ...rest,
      attendees: attendees.map(({ response: _r, respondedAt: _at, ...who }) => who),
      agenda: agenda.map(({ notes: _notes, ...item }) => item),
    },
  };
}

const notesOf = (data: MeetingData) => data.agenda.map((item) => [item.id, item.notes]);

/** Grown only: `after` starts with every entry of `before`, unchanged. */
function growth<T>(before: readonly T[], after: readonly T[]): { state: 'same' | 'appended' | 'altered'; added: T[] } {
  if (after.length < before.length || !before.every((entry, i) => isSameValue(entry, after[i]))) return { state: 'altered', added: [] };
  return { state: after.length === before.length ? 'same' : 'appended', added: after.slice(before.length) };
}

function changeOf(before: MeetingDocument, after: MeetingDocument): MeetingChange {
  const responsesOf = new Set<string>();
  const previousAnswers = new Map(before.data.attendees.map((a) => [attendeeKey(a), [a.response, a.respondedAt]]));
  for (const a of after.data.attendees) {
    const was = previousAnswers.get(attendeeKey(a));
    if (was && !isSameValue(was, [a.response, a.respondedAt])) responsesOf.add(a.personId ?? attendeeKey(a));
  }
  const doneTickedBy = new Set<string>();
  const actionsBefore = new Map(before.data.actionItems.map((item) => [item.id, item]));
  let actionsOtherwiseSame = before.data.actionItems.length === after.data.actionItems.length;
  for (const item of after.data.actionItems) {
    const was = actionsBefore.get(item.id);
    if (!was || !isSameValue({ ...was, isDone: item.isDone }, item)) actionsOtherwiseSame = false;
    else if (was.isDone !== item.isDone) doneTickedBy.add(item.ownerId);
  }
  const minutesSame = isSameValue(before.data.minutes, after.data.minutes) && isSameValue(notesOf(before.data), notesOf(after.data));
  const versions = growth(before.data.minutesVersions, after.data.minutesVersions);
  const signoffs = growth(before.data.signoffs, after.data.signoffs);
  return {
    isDetailsChanged: !isSameValue(detailsOf(before), detailsOf(after)),
    isMinutesChanged: !minutesSame || !actionsOtherwiseSame,
    doneTickedBy: actionsOtherwiseSame ? doneTickedBy : new Set(),
    responsesOf,
    versions: versions.state,
    newVersionsBy: new Set(versions.added.map((v) => v.publishedById)),
    signoffs: signoffs.state,
    newSignoffsBy: new Set(signoffs.added.map((s) => s.personId)),
    newSignoffVersions: new Set(signoffs.added.map((s) => s.version)),
  };
}

/**
 * Whether `actor` may change the meeting from `before` to `after` (`before` null: a new meeting).
 * `series` is the stored series of an occurrence document (null when there is none or it is not
 * known here): a new occurrence document is judged as a change of the occurrence the series makes.
 */
export function judgeMeetingChange(actor: MeetingActor, before: MeetingDocument | null, after: MeetingDocument, series: MeetingDocument | null): Decision {
  if (!before) {
    if (after.seriesId === '') {
      return after.organiserId === actor.id || canManageMeeting(after, actor) ? judgeMeetingChange(actor, { ...after, data: { ...after.data, minutesVersions: [], signoffs: [] } }, after, null) : deny('A new meeting must name you as its organiser.');
    }
    if (!series) return allow; // Its series has not reached here yet: judged by its own rules when it changes.
    if (!after.data.recurrenceId || !isOccurrenceOf({ startsAt: series.startsAt, endsAt: series.endsAt, timeZone: series.data.timeZone, recurrence: series.data.recurrence! }, after.data.recurrenceId)) {
      return deny('This is not an occurrence of its series.');
    }
    const base = { ...after, ...materialiseOccurrence(series, after.data.recurrenceId) } as MeetingDocument;
    return judgeMeetingChange(actor, base, after, null);
  }
  const change = changeOf(before, after);
  const isManager = canManageMeeting(before, actor);
  if (change.isDetailsChanged && !isManager) return deny(refusals.manage);
  if (change.isMinutesChanged && !canTakeMinutes(before, actor)) return deny(refusals.minutes);
  if ([...change.doneTickedBy].some((owner) => owner !== actor.id) && !canTakeMinutes(before, actor)) return deny('Only the owner of an action item (or the minute-takers) can tick it done.');
  if (change.versions === 'altered') return deny(refusals.published);
  if (change.versions === 'appended' && (!canTakeMinutes(before, actor) || [...change.newVersionsBy].some((id) => id !== actor.id))) return deny(refusals.minutes);
  if (change.signoffs === 'altered') return deny('A signature on the minutes cannot be changed or removed.');
  if (change.signoffs === 'appended') {
    const published = new Set(after.data.minutesVersions.map((v) => v.version));
    const isOwn = [...change.newSignoffsBy].every((id) => id === actor.id) && isAttendee(before, actor.id);
    if (!isOwn || [...change.newSignoffVersions].some((v) => !published.has(v))) return deny(refusals.signoff);
  }
  if (!isManager && [...change.responsesOf].some((who) => who !== actor.id)) return deny(refusals.response);
  return allow;
}

/** A stored or pushed meeting with its data checked; null when the data is not a meeting's. */
function parsed(doc: Doc): MeetingDocument | null {
  const data = meetingDataSchema.safeParse(doc.data);
  return data.success ? ({ ...doc, data: data.data } as unknown as MeetingDocument) : null;
}

/** The sync server's rule for `meetings`, on the server's stored version and the pusher's current roles. */
export function meetingsWriteDecision(person: MeetingActor, action: Exclude<SyncAction, 'read'>, doc: Doc, previous: Doc | null, related: RelatedDocuments): Decision {
  const before = previous ? parsed(previous) : null;
  if (action === 'delete') return !before || canManageMeeting(before, person) ? allow : deny(refusals.manage);
  const after = parsed(doc);
  if (!after) {
    const issue = meetingDataSchema.safeParse(doc.data);
    return deny(`This meeting is not valid: ${issue.success ? 'unknown problem' : (issue.error.issues[0]?.message ?? 'unreadable data')}`);
  }
  if (previous && !before) return canManageMeeting({ organiserId: String(previous.organiserId), data: after.data }, person) ? allow : deny(refusals.manage);
  const seriesDoc = after.seriesId ? related.get('meetings', after.seriesId) : null;
  const series = seriesDoc ? parsed(seriesDoc) : null;
  const judged = judgeMeetingChange(person, before, after, series);
  if (!judged.isAllowed || !related.meetingsInRoom) return judged;
  // Two PCs offline may each book the room for the same hour: the second push is refused. A new
  // occurrence document books what its series booked for it, unless it moved.
  const booked = before ?? (series && after.data.recurrenceId ? ({ ...after, ...materialiseOccurrence(series, after.data.recurrenceId) } as MeetingDocument) : null);
  const inRoom = related.meetingsInRoom(after.roomId).flatMap((stored) => parsed(stored) ?? []);
  return roomBookingDecision(booked, after, inRoom, Date.parse(related.now?.() ?? after.updatedAt));
}
