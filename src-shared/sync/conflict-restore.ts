import type { InputOf } from '../bridge/define';
import type { peopleContract } from '../people/people-contract';
import type { projectContract } from '../projects/project-contract';
import type { taskContract } from '../tasks/task-contract';
import { isSameValue } from './conflicts';
import { valueAt } from './conflict-fields';

/**
 * "Use my version" on a resolved conflict: the lost values written again through the record's own
 * commands (tasks/update, projects/set-status …), so permissions, dependency rules and the audit
 * trail apply as to any edit. Pure: the host computes the calls from the record as it is now, the UI
 * runs them in order.
 */
type Specs = typeof taskContract & typeof projectContract & typeof peopleContract;

interface RestoreRule<K extends keyof Specs = keyof Specs> {
  command: K;
  /** Top-level fields the command sets. */
  fields: readonly string[];
  /** Fields the command can clear (a lost value that was empty); the others cannot be emptied. */
  clearable: readonly string[];
}

/** Per collection, which command re-applies which fields, in the order they run. */
const RULES = {
  tasks: [
    { command: 'tasks/update', fields: ['title', 'description', 'priority', 'startDate', 'dueDate', 'estimateHours', 'parentId'], clearable: ['startDate', 'dueDate', 'estimateHours', 'parentId'] },
    { command: 'tasks/assign', fields: ['assigneeId'], clearable: ['assigneeId'] },
    { command: 'tasks/set-watchers', fields: ['watcherIds'], clearable: [] },
    { command: 'tasks/set-progress', fields: ['progress'], clearable: [] },
    { command: 'tasks/set-status', fields: ['status'], clearable: [] },
  ],
  projects: [
    { command: 'projects/update', fields: ['name', 'description', 'startDate', 'endDate', 'ownerId', 'teamIds', 'budget', 'tags', 'wipLimits', 'costRates'], clearable: ['startDate', 'endDate', 'budget'] },
    { command: 'projects/set-status', fields: ['status'], clearable: [] },
    { command: 'projects/set-archived', fields: ['isArchived'], clearable: [] },
  ],
  people: [
    { command: 'people/update', fields: ['name', 'email', 'roles', 'departmentId'], clearable: [] },
    { command: 'people/set-active', fields: ['isActive'], clearable: [] },
  ],
} satisfies Record<string, RestoreRule[]>;

export type RestoreCommand = (typeof RULES)[keyof typeof RULES][number]['command'];
/** One command to run: typed by the contract, so the UI can send it as is. */
export type RestoreCall = { [K in RestoreCommand]: { command: K; input: InputOf<Specs[K]> } }[RestoreCommand];

type Doc = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `root` with the value at `rest` (a dotted path below it) replaced; an empty value removes the key. */
function withValueAt(root: unknown, rest: string[], value: unknown): unknown {
  if (rest.length === 0) return value ?? null;
  const copy: Doc = isPlainObject(root) ? { ...root } : {};
  const [head, ...tail] = rest as [string, ...string[]];
  const next = withValueAt(copy[head], tail, value);
  if (next === null && tail.length === 0) delete copy[head];
  else copy[head] = next;
  return copy;
}

export interface LostValue {
  field: string;
  lost: unknown;
}

/** Whether "Use my version" can write this field of this collection back (some fields have no command, e.g. a checklist). */
export function canRestoreField(collection: string, path: string, lost: unknown): boolean {
  const root = path.split('.')[0]!;
  const rule = (RULES as Record<string, RestoreRule[]>)[collection]?.find((r) => r.fields.includes(root));
  if (!rule) return false;
  const isNested = path.includes('.');
  return isNested || (lost !== null && lost !== undefined) || rule.clearable.includes(root);
}

/**
 * The commands that put the lost values back into `record` (as it is now). Fields that already hold
 * the lost value and fields no command can set are left out; no calls when nothing is left.
 */
export function restoreCalls(collection: string, record: Doc | null, lostValues: readonly LostValue[]): RestoreCall[] {
  const rules = (RULES as Record<string, RestoreRule[]>)[collection];
  if (!rules || !record) return [];
  const id = String(record.id);
  const pending = lostValues.filter((v) => canRestoreField(collection, v.field, v.lost) && !isSameValue(valueAt(record, v.field) ?? null, v.lost ?? null));
  const calls: RestoreCall[] = [];
  for (const rule of rules) {
    const input: Doc = {};
    for (const { field, lost } of pending) {
      const [root, ...rest] = field.split('.') as [string, ...string[]];
      if (!rule.fields.includes(root)) continue;
      input[root] = withValueAt(root in input ? input[root] : record[root], rest, lost);
    }
    // Built from the rule table, so the pairing of command and input is ours; the host validates the input again when it runs.
    if (Object.keys(input).length > 0) calls.push({ command: rule.command, input: { id, ...input } } as RestoreCall);
  }
  return calls;
}
