import { recordKindOf } from '../records/record-kinds';
import type { AuditEntry, FieldChange } from './audit-contract';

/**
 * The audit trail as a lab person reads it: actions in words instead of command names, records by
 * their names, people by their names instead of ids, field names in words. Pure: the host passes
 * the names it knows (people, projects, …) and formats nothing by clock or locale.
 */

type Doc = Record<string, unknown>;

/** The sections of the trail a person filters by, and what each covers (by command prefix). */
export const auditAreas = {
  projects: { label: 'Projects and plans', prefixes: ['projects/', 'plan-items/', 'milestones/', 'deliverables/'] },
  tasks: { label: 'Tasks and time', prefixes: ['tasks/', 'task-filters/', 'time/', 'comments/'] },
  workflows: { label: 'Workflows', prefixes: ['workflows/'] },
  records: { label: 'Records and files', prefixes: ['records/', 'attachments/', 'documents/', 'files/'] },
  equipment: { label: 'Equipment', prefixes: ['equipment/'] },
  meetings: { label: 'Meetings', prefixes: ['meetings/', 'calendar/'] },
  people: { label: 'People and sign-in', prefixes: ['people/', 'departments/', 'roles/', 'auth/', 'sync/link-person'] },
  settings: { label: 'Settings and connections', prefixes: ['organisation/', 'notifications/', 'webhooks/', 'api-tokens/', 'api/', 'sync/'] },
} as const;
export type AuditArea = keyof typeof auditAreas;

/** The area an entry's command belongs to (the first that matches, so `sync/link-person` is people's). */
export function areaOfCommand(command: string): AuditArea | null {
  for (const [area, { prefixes }] of Object.entries(auditAreas) as [AuditArea, (typeof auditAreas)[AuditArea]][]) {
    if (prefixes.some((prefix) => command.startsWith(prefix))) return area;
  }
  return null;
}

/** Commands whose generic wording ("Tasks: set status") would not say what happened well enough. */
const ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth/create-administrator': 'Set up LabFlow (first administrator)',
  'auth/sign-in': 'Signed in',
  'people/create': 'Added a person',
  'people/update': 'Changed a person’s details or roles',
  'people/set-active': 'Activated or deactivated a person',
  'people/reset-password': 'Reset a password',
  'people/unlock-sign-in': 'Unlocked a sign-in',
  'sync/link-person': 'Matched a person with the team’s',
  'projects/create': 'Created a project',
  'projects/create-from-template': 'Created a project from a template',
  'projects/set-archived': 'Archived or restored a project',
  'tasks/create': 'Created a task',
  'tasks/assign': 'Assigned a task',
  'tasks/move': 'Moved a task on the board',
  'tasks/remove': 'Removed a task',
  'tasks/add-dependency': 'Made a task wait for another',
  'tasks/remove-dependency': 'Removed a task’s dependency',
  'time/log': 'Logged time',
  'comments/add': 'Commented',
  'workflows/definitions/create': 'Drafted a workflow',
  'workflows/definitions/import': 'Imported a workflow',
  'workflows/definitions/publish': 'Published a workflow',
  'workflows/definitions/retire': 'Retired a workflow',
  'workflows/definitions/migrate-instances': 'Moved running workflows to a new version',
  'workflows/instances/start': 'Started a workflow',
  'workflows/instances/advance': 'Acted on a workflow step',
  'workflows/instances/cancel': 'Cancelled a workflow',
  'workflows/instances/reassign': 'Reassigned a workflow step',
  'workflows/instances/comment': 'Commented on a workflow',
  'workflows/instances/resolve-incident': 'Resolved a workflow incident',
  'records/create': 'Created a record',
  'records/transition': 'Moved a record to another status',
  'attachments/add': 'Attached a file',
  'attachments/remove': 'Removed a file',
  'meetings/create': 'Scheduled a meeting',
  'meetings/minutes/publish': 'Published minutes',
  'meetings/minutes/sign': 'Signed off minutes',
  'equipment/qualification/sign': 'Signed a qualification',
  'equipment/calibration/record': 'Recorded a calibration',
  'equipment/decommission': 'Decommissioned equipment',
  'webhooks/create': 'Added a webhook',
  'webhooks/update': 'Changed a webhook',
  'webhooks/rotate-secret': 'Gave a webhook a new secret',
  'webhooks/redeliver': 'Sent a webhook delivery again',
  'notifications/set-email-settings': 'Changed the email settings',
  'notifications/set-preferences': 'Changed notification preferences',
  'organisation/save': 'Changed the organisation’s details',
  'api-tokens/create': 'Made an API token',
  'api-tokens/revoke': 'Revoked an API token',
  'api/set-settings': 'Changed the API settings',
};

/** Nouns for a command's first segment, for the generic wording. */
const AREA_NOUNS: Readonly<Record<string, string>> = {
  'plan-items': 'Plan items',
  'task-filters': 'Saved task filters',
  'api-tokens': 'API tokens',
  api: 'API settings',
};

const capitalise = (text: string) => (text ? text[0]!.toUpperCase() + text.slice(1) : text);
const words = (slug: string) => slug.replace(/[-_]/g, ' ');

/** A command in words: "Created a task"; an unknown one generically, "Tasks: set status". */
export function actionLabel(command: string): string {
  const known = ACTION_LABELS[command];
  if (known) return known;
  const [area = '', ...rest] = command.split('/');
  if (rest.length === 0) return capitalise(words(area)) || 'Change';
  return `${AREA_NOUNS[area] ?? capitalise(words(area))}: ${rest.map(words).join(' ')}`;
}

/** What kind of thing a collection holds, in the lab's words. */
const COLLECTION_LABELS: Readonly<Record<string, string>> = {
  people: 'Person',
  projects: 'Project',
  tasks: 'Task',
  plan_items: 'Plan item',
  activity: 'Entry',
  workflow_definitions: 'Workflow',
  workflow_instances: 'Workflow run',
  workflow_events: 'Workflow event',
  meetings: 'Meeting',
  records: 'Record',
  notifications: 'Setting',
  audit: 'Audit entry',
};

const ACTIVITY_LABELS: Readonly<Record<string, string>> = {
  comment: 'Comment',
  time_entry: 'Time entry',
  attachment: 'File',
  link: 'Link',
  conflict: 'Conflict',
  signature_refused: 'Refused signature',
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const joined = (...parts: string[]) => parts.filter(Boolean).join(' ');

/**
 * The record an entry is about, by its name: "Project ASSAY-7 Assay validation", "Task Run assay",
 * "Purchase request PR-2026-0003". `after` is the record as the command left it.
 */
export function recordLabel(collectionName: string, after: Doc, names: ReadonlyMap<string, string> = new Map()): string {
  const data = after.data && typeof after.data === 'object' ? (after.data as Doc) : {};
  switch (collectionName) {
    case 'people':
      return joined('Person', text(after.name));
    case 'projects':
      return joined('Project', text(after.code), text(after.name));
    case 'tasks':
    case 'plan_items':
      return joined(COLLECTION_LABELS[collectionName] ?? '', `“${text(after.title)}”`);
    case 'meetings':
      return joined('Meeting', `“${text(after.title)}”`);
    case 'records': {
      const kind = recordKindOf(after.kind);
      return joined(kind?.label ?? 'Record', text(after.number), after.number ? '' : text(after.title));
    }
    case 'workflow_definitions':
      return joined('Workflow', text((after.definition as Doc | undefined)?.name) || text(after.code), after.version ? `(version ${String(after.version)})` : '');
    case 'workflow_instances': {
      const record = ((after.state as Doc | undefined)?.record ?? {}) as Doc;
      const kind = recordKindOf(after.entityType);
      const about = joined(kind?.label ?? '', text(record.number) || text(record.title) || (kind ? '' : text(after.entityId)));
      // The workflow's name (from its definition) rather than its code.
      return joined(names.get(text(after.definitionId)) ?? joined('Workflow', text(after.code)), about ? `for ${about}` : '');
    }
    case 'activity': {
      const kind = ACTIVITY_LABELS[text(after.kind)] ?? capitalise(words(text(after.kind))) ?? 'Entry';
      const on = names.get(text(after.subjectId));
      return joined(kind, text(data.what) ? `for ${text(data.what)}` : on ? `on ${on}` : '');
    }
    default:
      return joined(COLLECTION_LABELS[collectionName] ?? capitalise(words(collectionName)), text(after.name) || text(after.title) || text(after.subject));
  }
}

/** Fields that are book-keeping, or said already by the record's name (`id`, `kind`), not what a person changed. */
const HIDDEN_FIELDS = new Set(['id', 'kind', 'eventCount', 'state', 'subjectScope', 'commandIds', 'kindVersion', 'passwordHash', 'sortKey']);

/** Fields that hold a secret or its ciphertext (`secretCipher`, `passwordCipher`): said to change, never shown. */
const isSecretField = (field: string): boolean => /secret|cipher|password/i.test(field.split('.').at(-1) ?? field);

/** Fields whose values are codes: "in_progress" reads "In progress". */
const CODE_FIELDS = new Set(['status', 'priority', 'entityType', 'category', 'severity', 'health']);

/** A code in words: "in_progress" → "In progress". */
export const codeText = (code: string): string => capitalise(code.replace(/[_-]/g, ' '));

/** "assigneeId" → "Assignee", "dueDate" → "Due date", "data.amount" → "Amount". */
export function fieldLabel(field: string): string {
  const last = field.split('.').at(-1) ?? field;
  const bare = last.endsWith('Ids') ? last.slice(0, -3) + 's' : last.endsWith('Id') && last.length > 2 ? last.slice(0, -2) : last;
  return capitalise(bare.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase());
}

const MAX_VALUE_TEXT = 160;

/** A value in words: ids as the names they stand for, lists joined, yes/no, '—' for nothing. */
export function valueText(value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return names.get(value) ?? value;
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => valueText(item, names)).join(', ');
  // A small object (an amount, a period) reads as its fields; a large one (a workflow's whole
  // definition) says only that there is one: its contents are not something to read in a table.
  const json = JSON.stringify(value);
  if (json.length > MAX_VALUE_TEXT) return '(details)';
  const fields = Object.entries(value as Doc).map(([key, inner]) => `${fieldLabel(key)} ${valueText(inner, names)}`);
  return fields.length > 0 ? fields.join(', ') : '—';
}

/** A field's value: codes in words for code fields, otherwise valueText. */
const fieldValueText = (field: string, value: unknown, names: ReadonlyMap<string, string>): string =>
  CODE_FIELDS.has(field) && typeof value === 'string' && value !== '' ? (names.get(value) ?? codeText(value)) : valueText(value, names);

export interface ReadableChange {
  field: string;
  old: string;
  new: string;
}

/**
 * The changes a person reads: book-keeping fields left out, a record's `data` opened into its own
 * fields, ids as names. A password hash is never shown, only that it changed.
 */
export function readableChanges(changes: readonly FieldChange[], names: ReadonlyMap<string, string>): ReadableChange[] {
  const out: ReadableChange[] = [];
  for (const change of changes) {
    if (change.field === 'passwordHash') {
      out.push({ field: 'Password', old: '—', new: 'changed' });
      continue;
    }
    // A secret (a webhook's signing key, the SMTP password) is stored encrypted; even its ciphertext is not for reading.
    if (isSecretField(change.field)) {
      out.push({ field: fieldLabel(change.field.replace(/Cipher$/, '')), old: '—', new: 'changed' });
      continue;
    }
    if (HIDDEN_FIELDS.has(change.field)) continue;
    const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (change.field === 'data' && (isObject(change.new) || isObject(change.old))) {
      const before = isObject(change.old) ? change.old : {};
      const after = isObject(change.new) ? change.new : {};
      for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (HIDDEN_FIELDS.has(key) || JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
        if (isSecretField(key)) {
          out.push({ field: fieldLabel(key.replace(/Cipher$/, '')), old: '—', new: 'changed' });
          continue;
        }
        out.push({ field: fieldLabel(key), old: fieldValueText(key, before[key], names), new: fieldValueText(key, after[key], names) });
      }
      continue;
    }
    const old = fieldValueText(change.field, change.old, names);
    const next = fieldValueText(change.field, change.new, names);
    // Two different large objects both read "(details)": say that they changed.
    out.push({ field: fieldLabel(change.field), old, new: old === '(details)' && next === '(details)' ? '(details changed)' : next });
  }
  return out;
}

/** A signature an entry records: who signed, when, what it means and what was signed. */
export interface SignatureView {
  signerName: string;
  signedAt: string;
  meaning: string;
  what: string;
  /** True for a refused attempt (a wrong password): nothing was signed. */
  isRefused: boolean;
}

/**
 * Signatures added by a change, found in the lists records keep them in (`signatures` of a
 * qualification, `signoffs` of minutes): the entries the new list has and the old one did not.
 */
export function signaturesInChanges(changes: readonly FieldChange[], what: string): SignatureView[] {
  const found: SignatureView[] = [];
  for (const change of changes) {
    const lists = (value: unknown): Doc[] => {
      if (!value || typeof value !== 'object') return [];
      const doc = value as Doc;
      return [doc.signatures, doc.signoffs].flatMap((list) => (Array.isArray(list) ? (list as Doc[]) : []));
    };
    const before = new Set(lists(change.old).map((s) => JSON.stringify(s)));
    for (const signature of lists(change.new)) {
      if (before.has(JSON.stringify(signature))) continue;
      const version = typeof signature.version === 'number' ? ` (version ${signature.version})` : '';
      found.push({
        signerName: text(signature.name) || text(signature.signerName),
        signedAt: text(signature.at) || text(signature.signedAt),
        meaning: text(signature.meaning),
        what: what + version,
        isRefused: false,
      });
    }
  }
  return found;
}

/** The refused attempt an `activity` entry of kind `signature_refused` records. */
export function refusedSignatureOf(entry: Pick<AuditEntry, 'collectionName' | 'actorName' | 'at' | 'after'>): SignatureView | null {
  if (entry.collectionName !== 'activity' || entry.after.kind !== 'signature_refused') return null;
  const data = (entry.after.data ?? {}) as Doc;
  return { signerName: entry.actorName, signedAt: text(entry.after.at) || entry.at, meaning: text(data.meaning), what: text(data.what), isRefused: true };
}
