import { calendarSettingsDecision, meetingEmailDecision } from '../meetings/meeting-notification-rules';
import { meetingsWriteDecision } from '../meetings/meeting-write-rule';
import { attachmentDecision } from '../files/attachment-write-rule';
import { supplierEmailDecision } from '../equipment/supplier-email-rule';
import { recordsWriteDecision } from '../records/record-write-rule';
import { isSameValue } from './conflicts';
import { canRead } from './read-scope';
import { planItemsRule, projectsRule, taskActivityDecision, tasksRule } from './project-rules';
import { isRecordSubject, noRelated, type RelatedDocuments } from './related-documents';
import { isStepNoticeSettling, stepNoticeInstanceId, stepNoticeSettlingDecision } from './step-notice-settling';
import { hasRole, isSyncAdmin, type SyncPerson } from './sync-person';
import { hrPeopleWriteProblem } from '../people/privileged-roles';
import { exitDeactivationDecision, isExitDeactivation } from '../hr/exit-deactivation-write';
import type { ExitFacts } from '../hr/exit-access';
import { allow, dataOf, deny, type Decision, type SyncAction, type WriteRule } from './write-rule';

export type { Decision, SyncAction };

/** What an action is about: the document as it would be after the action, and before it (updates, deletes). */
export interface SyncTarget {
  collection: string;
  doc: Record<string, unknown>;
  previous?: Record<string, unknown> | null;
  /** The collection only ever grows (audit, workflow events). */
  isAppendOnly?: boolean;
  /** The stored documents the rule consults (related-documents.ts); without them, rules that need them see none. */
  related?: RelatedDocuments;
}

type Doc = Record<string, unknown>;

const adminOnly =
  (what: string): WriteRule =>
  (person) =>
    isSyncAdmin(person) ? allow : deny(`Only an administrator can change ${what}.`);

/** The person an entry is by: `personId` (schema v1), `data.personId` on older entries, else its creator. */
const authorOf = (doc: Doc): unknown => doc.personId ?? dataOf(doc).personId ?? doc.createdBy;

/** Each person's own entries: the author is `createdBy`, and `personId` when set. */
const isOwnEntry = (person: SyncPerson, doc: Doc): boolean => doc.createdBy === person.id && authorOf(doc) === person.id;

const activityRule: WriteRule = (person, action, doc, previous, related) => {
  if (doc.kind === 'conflict' || previous?.kind === 'conflict') return deny('Conflict records are kept by the server and cannot be changed.');
  const attachment = attachmentDecision(person, action, doc, previous, related);
  if (attachment) return attachment;
  if (doc.kind === 'time_entry' || previous?.kind === 'time_entry') {
    const isOwn = isOwnEntry(person, doc) && (!previous || isOwnEntry(person, previous));
    if (!isOwn) return deny('People can only record and change their own time entries.');
  } else if (action !== 'create' && previous && (doc.kind === 'comment' || previous.kind === 'comment') && authorOf(previous) !== person.id) {
    return deny('Only the author can edit a comment.');
  } else if (action !== 'create' && previous && previous.createdBy !== person.id && !isSyncAdmin(person)) {
    return deny('Only the author can change or remove this entry.');
  }
  if (action !== 'create') return allow;
  // Notes on an HR or finance record are for those who may read the record (read-scope.ts stamps its scope on them).
  const record = isRecordSubject(doc.subjectType) ? related.get('records', String(doc.subjectId)) : null;
  if (record && !canRead(person, 'records', record)) return deny('This record is not shared with you, so you cannot add to it.');
  return taskActivityDecision(person, doc, related) ?? allow;
};

/** Records follow their kind's declaration (src-shared/records): the same checks as the host's record commands. */
const recordsRule: WriteRule = recordsWriteDecision;

/** What the sync server sends email and webhook calls with (team mode), so only administrators set them up. */
const channelSettingsKinds: ReadonlySet<unknown> = new Set(['email_settings', 'webhook_subscription']);

/**
 * The sync server sends what outbox documents say, so a member's PC may queue an email only to the
 * team member it is for (at that person's address) and a webhook call only for a subscription an
 * administrator set up. Administrators may also send a test email to any address.
 */
function outboxDecision(person: SyncPerson, action: SyncAction, doc: Doc, previous: Doc | null, related: RelatedDocuments): Decision | null {
  if (doc.kind !== 'outbox' || doc._deleted === true || isSyncAdmin(person)) return null;
  const data = dataOf(doc);
  const before = previous ? dataOf(previous) : null;
  const isRedirected = !before || before.to !== data.to || before.subscriptionId !== data.subscriptionId || previous?.recipientId !== doc.recipientId || before.channel !== data.channel;
  if (action !== 'create' && !isRedirected) return null;
  const aboutMeeting = meetingEmailDecision(person, doc, related);
  if (aboutMeeting) return aboutMeeting;
  const toSupplier = supplierEmailDecision(person, doc, related);
  if (toSupplier) return toSupplier;
  if (data.channel === 'email') {
    const recipient = related.get('people', String(doc.recipientId));
    const address = typeof recipient?.email === 'string' ? recipient.email.toLowerCase() : null;
    if (!address || String(data.to).toLowerCase() !== address) return deny('An email notification can only go to the team member it is for, at their address.');
    return null;
  }
  const subscription = related.get('notifications', String(data.subscriptionId));
  if (subscription?.kind !== 'webhook_subscription') return deny('A webhook call can only be queued for a subscription an administrator set up.');
  return null;
}

const notificationsRule: WriteRule = (person, action, doc, previous, related) => {
  if ((channelSettingsKinds.has(doc.kind) || channelSettingsKinds.has(previous?.kind)) && !isSyncAdmin(person)) return deny('Only an administrator can change email and webhook settings.');
  const calendar = calendarSettingsDecision(person, doc, previous);
  if (calendar) return calendar;
  const outbox = outboxDecision(person, action, doc, previous, related);
  if (outbox) return outbox;
  if (action === 'update' && isStepNoticeSettling(previous, doc)) return stepNoticeSettlingDecision(doc, related.get('workflow_instances', stepNoticeInstanceId(doc) ?? ''));
  return action === 'create' || (previous && canRead(person, 'notifications', previous) && canRead(person, 'notifications', doc))
    ? allow
    : deny('Only the recipient (or an administrator, for deliveries and settings) can change this notification.');
};

/**
 * People, roles and departments: administrators, judged by the roles the server holds for them
 * now; nobody changes their own roles (an administrator cannot promote or demote themselves, so no
 * single account can undo its own oversight). HR (not an administrator) may add a new person the way
 * a hire does and nothing else: no privileged role, no password, nobody who exists already
 * (src-shared/people/privileged-roles.ts). From any PC, LabFlow's own deactivation of a leaving person
 * after their exit's last day on the server's clock (src-shared/hr/exit-deactivation-write.ts).
 */
const peopleRule: WriteRule = (person, action, doc, previous, related) => {
  if (action === 'update' && isExitDeactivation(previous, doc)) return exitDeactivationDecision(exitsOfPerson(related, String(doc.id)), (related.now?.() ?? '').slice(0, 10));
  if (!isSyncAdmin(person) && hasRole(person, 'hr')) {
    const problem = hrPeopleWriteProblem(action, doc, previous);
    return problem ? deny(problem) : allow;
  }
  const isAdminWrite = adminOnly('people, roles and departments')(person, action, doc, previous, related);
  if (!isAdminWrite.isAllowed) return isAdminWrite;
  const isOwn = doc.id === person.id || previous?.id === person.id;
  const rolesBefore = previous ? previous.roles : undefined;
  if (isOwn && !isSameValue(rolesBefore, doc.roles)) return deny('Nobody can change their own roles; ask another administrator.');
  return allow;
};

/** The person's exit records as the server holds them (relatedNeeds asks for them on a deactivation). */
const exitsOfPerson = (related: RelatedDocuments, personId: string): ExitFacts[] =>
  (related.records?.({ kind: 'exit', personId }) ?? []).map((e) => ({ status: String(e.status), data: dataOf(e) }));

const writeRules: Record<string, WriteRule> = {
  people: peopleRule,
  projects: projectsRule,
  tasks: tasksRule,
  plan_items: planItemsRule,
  workflow_definitions: adminOnly('workflow definitions'),
  activity: activityRule,
  records: recordsRule,
  notifications: notificationsRule,
  // Organiser, minute-takers, attendees' own answers and sign-offs (src-shared/meetings/meeting-access.ts).
  meetings: meetingsWriteDecision,
};

const IMMUTABLE_FIELDS = ['createdAt', 'createdBy'] as const;

/**
 * The permission rules of team sync, shared by the server (which enforces them on every push and
 * pull) and the desktop (which can explain a refusal before sending). Pure.
 */
export function can(person: SyncPerson, action: SyncAction, target: SyncTarget): Decision {
  if (!person.isActive) return deny('This account is deactivated.');
  if (action === 'read') return canRead(person, target.collection, target.doc) ? allow : deny('This record is not shared with you.');
  const previous = target.previous ?? null;
  if (target.isAppendOnly && action !== 'create') return deny(`${target.collection.replace(/_/g, ' ')} entries are append-only: they cannot be changed or removed.`);
  // A create that meets an existing id is resolved by keeping the server's version (conflicts.ts).
  if (previous && action !== 'create') {
    for (const field of IMMUTABLE_FIELDS) {
      if (field in previous && previous[field] !== target.doc[field]) return deny(`The field ${field} cannot be changed.`);
    }
  }
  return writeRules[target.collection]?.(person, action, target.doc, previous, target.related ?? noRelated) ?? allow;
}
