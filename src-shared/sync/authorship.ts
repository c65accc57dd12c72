import { isLabflowRecordWrite } from '../records/labflow-writes';
import type { SyncPerson } from './sync-person';
import { isExitDeactivation } from '../hr/exit-deactivation-write';
import { isStepNoticeSettling } from './step-notice-settling';
import { SYSTEM_AUTHOR } from './system-author';
import { allow, dataOf, deny, type Decision, type SyncAction } from './write-rule';

/**
 * Who a pushed document says it is from must be the person who pushes it (DESIGN.md §5): a PC
 * sends each person's changes with that person's own sign-in, so the author fields of a write —
 * `createdBy` on a create, `updatedBy` on every write, a comment's or time entry's person, a
 * notification's named actor, an audit entry's actor — name the pusher, or the write is refused.
 * Pure; the sync server runs it on every pushed row before the permission rules.
 *
 * The host writes some documents as the system (`system`), from whichever PC notices the moment
 * first. Those are accepted from any signed-in person only where the host writes them
 * (`systemWrites`, from src-main: notify() and the scheduler's firings), where it settles a step's
 * notices (step-notice-settling.ts) and where a record kind declares its own transitions, judged on
 * the server's documents and clock (records/labflow-writes.ts); everything else the
 * system does is judged elsewhere — workflow events by the engine's rules with the server's clock
 * (workflow-event-rules.ts), system audit entries by the audit rules (audit-rules.ts), workflow
 * instances are never taken as pushed (workflow-instance-rules.ts).
 */

type Doc = Record<string, unknown>;

/**
 * Documents the host creates as the system: in-app notices, firing records of reminders and the
 * email and webhook deliveries that go with them (src-main/notifications/notify.ts,
 * src-main/scheduler/fire-reminders.ts). The system never changes or removes a document by sync.
 */
const systemCreates: Readonly<Record<string, ReadonlySet<unknown>>> = {
  notifications: new Set(['notification', 'firing', 'outbox']),
};

/** Collections whose rows are judged by their own rules, not the document author fields. */
const judgedElsewhere: ReadonlySet<string> = new Set(['workflow_events', 'workflow_instances', 'audit']);

export const isSystemCreate = (collection: string, doc: Doc): boolean =>
  doc.createdBy === SYSTEM_AUTHOR && doc.updatedBy === SYSTEM_AUTHOR && (systemCreates[collection]?.has(doc.kind) ?? false);

const someoneElse = (field: string) =>
  deny(`This change names someone else (${field}) as its author. Each person’s changes are sent with their own sign-in; this one was not.`);

/**
 * Author fields inside a document, by collection: each must name the pusher (or be absent). A
 * project's owner is not one: its owner may hand it over, so a new project pushed with another
 * owner is the same as one made and handed over before it left the PC (judged by project-rules.ts).
 */
function innerAuthorProblem(person: SyncPerson, collection: string, doc: Doc, action: Exclude<SyncAction, 'read'>): Decision | null {
  const data = dataOf(doc);
  if (collection === 'activity' && action === 'create' && doc.kind !== 'conflict') {
    // A comment's or time entry's person (schema v1 `personId`, `data.personId` on older entries).
    for (const [field, value] of [['personId', doc.personId], ['data.personId', data.personId]] as const) {
      if (value !== undefined && value !== person.id) return someoneElse(field);
    }
  }
  if (collection === 'notifications' && action === 'create' && data.actorName !== undefined && (doc.createdBy !== person.id || data.actorName !== person.name)) {
    return deny('This notification names someone else as the person who caused it.');
  }
  return null;
}

/**
 * Whether `person` may push `doc` as its author. `action` is how the server takes the row (a
 * create when it has no such document).
 */
export function checkAuthorship(person: SyncPerson, collection: string, action: Exclude<SyncAction, 'read'>, doc: Doc, previous: Doc | null = null): Decision {
  if (judgedElsewhere.has(collection)) return allow;
  if (action === 'create' && isSystemCreate(collection, doc)) {
    return dataOf(doc).actorName === undefined ? allow : deny('A notice from LabFlow names no person as its cause.');
  }
  // The one change the system makes by sync: a step's notices settled when the step ended (judged in permissions.ts).
  if (collection === 'notifications' && action === 'update' && isStepNoticeSettling(previous, doc)) return allow;
  // And a leaving person deactivated after their exit's last day (judged in permissions.ts by the server's clock).
  if (collection === 'people' && action === 'update' && isExitDeactivation(previous, doc)) return allow;
  // A record kind's own transition made by the scheduler (quotation expiry, preventive work orders): judged by record-write-rule.ts.
  if (collection === 'records' && action !== 'delete' && isLabflowRecordWrite(doc, action)) return allow;
  if (action === 'create' && doc.createdBy !== person.id) return someoneElse('createdBy');
  if (doc.updatedBy !== person.id) return someoneElse('updatedBy');
  return innerAuthorProblem(person, collection, doc, action) ?? allow;
}
