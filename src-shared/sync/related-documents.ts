import { attachmentNeeds } from '../files/attachment-related';

/**
 * Stored documents a write rule consults besides the pushed one (a task's project, a comment's
 * task, a record a comment is about). The rules stay pure: `relatedNeeds` names what they will
 * read, the server loads it inside the push transaction and hands it over as `RelatedDocuments`.
 */
import { allocationReads } from '../equipment/allocation-gate';
import { recordReads } from '../records/record-invariants';
import { isExitDeactivation } from '../hr/exit-deactivation-write';
import { stepNoticeInstanceId } from './step-notice-settling';

type Doc = Record<string, unknown>;

export interface RelatedRef {
  collection: string;
  id: string;
}

export interface RelatedDocuments {
  /** The stored, not deleted document, or null when the server does not have it (yet). */
  get(collection: string, id: string): Doc | null;
  /** Whether the pushing person is the assignee or a watcher of some task of the project. */
  worksOnProject(projectId: string): boolean;
  /**
   * The statuses workflows bound to this record have moved it to (their events the server holds),
   * for workflow-only transitions: in the order they did, each from where the one before left it,
   * starting at the stored status (workflow-record-rules.ts `workflowMovesOf`).
   */
  workflowMoves?(recordId: string): readonly string[];
  /** Live records of a kind under a parent or about a person (record kinds' invariants, src-shared/records). */
  records?(query: RecordQuery): Doc[];
  /** The judge's clock (ISO), for rules that depend on time (an instrument overdue for calibration). */
  now?(): string;
  /**
   * Live meetings booked in a room that have not ended (series still running included), with the
   * occurrence documents of those series: a room is never booked twice (src-shared/meetings/room-booking.ts).
   */
  meetingsInRoom?(roomId: string): Doc[];
}

/** Records of `kind` with this parent, this person, or in this status. */
export interface RecordQuery {
  kind: string;
  parentId?: string;
  personId?: string;
  status?: string;
}

export interface RelatedNeeds {
  docs: RelatedRef[];
  /** Projects for which `worksOnProject` will be asked. */
  projects: string[];
  /** Record queries a record kind's invariant reads. */
  recordQueries?: RecordQuery[];
  /** Rooms for which `meetingsInRoom` will be asked. */
  rooms?: string[];
}

/** What a rule sees when nothing was loaded: no related documents. */
export const noRelated: RelatedDocuments = { get: () => null, worksOnProject: () => false, workflowMoves: () => [] };

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const bookingOf = (doc: Doc) => JSON.stringify([doc.roomId, doc.startsAt, doc.endsAt, doc.status, doc.data && typeof doc.data === 'object' ? (doc.data as Doc).recurrence : undefined]);
const isSameBooking = (previous: Doc | null, doc: Doc): boolean => previous !== null && bookingOf(previous) === bookingOf(doc);

/** The `subjectType`s of activity documents about an HR or finance record. */
export const isRecordSubject = (subjectType: unknown): boolean => subjectType === 'records' || subjectType === 'record';

/** The `subjectType` of activity documents about a meeting (its attachments). */
export const isMeetingSubject = (subjectType: unknown): boolean => subjectType === 'meetings';

/**
 * The related documents the write rules of `collection` read for this pushed document, given those
 * loaded so far: a comment names its task, and once the task is loaded, the task's project. The
 * server calls it again with what it loaded until nothing new is named.
 */
export function relatedNeeds(collection: string, doc: Doc, previous: Doc | null, loaded: RelatedDocuments): RelatedNeeds {
  const docs: RelatedRef[] = [];
  const projects: string[] = [];
  const recordQueries: RecordQuery[] = [];
  const rooms: string[] = [];
  const add = (refCollection: string, id: unknown) => {
    const found = text(id);
    if (found) docs.push({ collection: refCollection, id: found });
  };
  switch (collection) {
    case 'tasks':
    case 'plan_items':
      for (const version of [previous, doc]) {
        add('projects', version?.projectId);
        if (text(version?.projectId)) projects.push(String(version?.projectId));
      }
      if (collection === 'tasks') add('tasks', doc.parentId);
      if (collection === 'plan_items') {
        // Allocating an instrument is gated like a booking (src-shared/equipment/allocation-gate.ts).
        const reads = allocationReads(doc, previous);
        docs.push(...(reads?.ids ?? []));
        recordQueries.push(...(reads?.byParent ?? []).map((q) => ({ kind: q.kind, parentId: q.parentId })));
      }
      break;
    case 'activity':
      if (doc.subjectType === 'task') {
        add('tasks', doc.subjectId);
        add('projects', loaded.get('tasks', String(doc.subjectId))?.projectId);
      }
      if (isRecordSubject(doc.subjectType)) add('records', doc.subjectId);
      // Files of a meeting are read like the meeting: the server stamps its scope on them.
      if (isMeetingSubject(doc.subjectType)) add('meetings', doc.subjectId);
      docs.push(...attachmentNeeds(doc, loaded));
      break;
    case 'records': {
      const reads = recordReads(doc);
      docs.push(...(reads.ids ?? []));
      recordQueries.push(
        ...(reads.byParent ?? []).map((q) => ({ kind: q.kind, parentId: q.parentId })),
        ...(reads.byPerson ?? []).map((q) => ({ kind: q.kind, personId: q.personId })),
        ...(reads.byStatus ?? []).map((q) => ({ kind: q.kind, status: q.status })),
      );
      break;
    }
    case 'notifications': {
      // An outbox delivery names who it goes to: the person (email) or the subscription (webhook).
      const data = doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {};
      if (doc.kind === 'outbox' && data.channel === 'email') add('people', doc.recipientId);
      if (doc.kind === 'outbox' && data.channel === 'email') add('meetings', data.meetingId);
      // An RFQ or purchase order to a supplier names the supplier's record (supplier-email-rule.ts).
      if (doc.kind === 'outbox' && data.channel === 'email') add('records', doc.recipientId);
      if (doc.kind === 'outbox' && data.channel === 'webhook') add('notifications', data.subscriptionId);
      // A step's notice settled by LabFlow is judged against its instance (step-notice-settling.ts).
      if (doc.kind === 'notification') add('workflow_instances', stepNoticeInstanceId(doc));
      break;
    }
    case 'people':
      // LabFlow's deactivation of a leaving person is judged by their exits (permissions.ts).
      if (isExitDeactivation(previous, doc)) recordQueries.push({ kind: 'exit', personId: String(doc.id) });
      break;
    case 'meetings':
      // A new occurrence document is judged against its series.
      add('meetings', doc.seriesId);
      // A booking that may be new (room, times or recurrence changed) is checked against the room's other meetings.
      if (text(doc.roomId) && doc.status !== 'cancelled' && !isSameBooking(previous, doc)) rooms.push(String(doc.roomId));
      break;
  }
  return { docs, projects: [...new Set(projects)], recordQueries, rooms };
}
