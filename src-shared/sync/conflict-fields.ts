/**
 * How the fields of a resolved conflict are named and shown to people (the notice on a record and its
 * Details dialog). Conflict records name fields by their path in the document (`title`,
 * `budget.amountMinor`, `data.serialNumber`); these turn paths and stored values into words. Pure.
 */

/** Names that a path's words would not give: everything else is spelled out from the path. */
const LABELS: Record<string, string> = {
  _deleted: 'Removed',
  kanbanRank: 'Board position',
  estimateHours: 'Estimate (hours)',
  wipLimits: 'WIP limits',
  dependsOn: 'Depends on',
  parentId: 'Parent task',
  teamIds: 'Team',
  roles: 'Roles',
  definition: 'Definition',
  state: 'Progress of the workflow',
};
/** Per collection, where one word means something else there. */
const COLLECTION_LABELS: Record<string, Record<string, string>> = {
  projects: { endDate: 'End date', ownerId: 'Owner' },
  workflow_definitions: { 'definition.steps': 'Steps', 'definition.name': 'Name', 'definition.initial_step': 'First step' },
  workflow_instances: { 'state.variables': 'Variables', 'state.activeSteps': 'Active steps', 'state.status': 'Status' },
};
/** Wrappers that hold a kind's own fields: left out of the label ("Serial number", not "Data › Serial number"). */
const WRAPPERS = new Set(['data']);

/** Fields whose values are person ids (alone or as a list): shown by name. */
const PERSON_FIELDS = new Set(['assigneeId', 'watcherIds', 'ownerId', 'teamIds', 'personId', 'managerId', 'createdBy', 'updatedBy', 'requestedBy', 'approverIds']);
/** Fields whose values are codes like `in_progress`: shown as words. */
const CODE_FIELDS = new Set(['status', 'priority', 'kind']);

/** `dueDate` → "Due date", `watcherIds` → "Watchers", `isArchived` → "Archived", `in_review` → "In review". */
export function humanise(word: string): string {
  const base = word
    .replace(/^is(?=[A-Z])/, '')
    .replace(/Ids$/, 's')
    .replace(/Id$/, '')
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return base ? base[0]!.toUpperCase() + base.slice(1) : word;
}

/** The readable label of a field path in `collection`, e.g. ('tasks', 'dueDate') → "Due date". */
export function fieldLabel(collection: string, path: string): string {
  const own = COLLECTION_LABELS[collection]?.[path] ?? LABELS[path];
  if (own) return own;
  const parts = path.split('.').filter((p, i, all) => !(i < all.length - 1 && WRAPPERS.has(p)));
  return parts.map((p) => LABELS[p] ?? humanise(p)).join(' › ');
}

/** "Title", "Title and Due date", "Title, Due date and Status", "Title, Due date and 3 more fields". */
export function listLabels(labels: readonly string[], max = 3): string {
  const unique = [...new Set(labels)];
  if (unique.length <= 1) return unique[0] ?? '';
  if (unique.length > max) return `${unique.slice(0, max - 1).join(', ')} and ${unique.length - max + 1} more fields`;
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

const lastPart = (path: string) => path.slice(path.lastIndexOf('.') + 1);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stored value as text a person can read and copy: '' for nothing, names for person ids, words for
 * codes, "Yes"/"No", lists joined, item texts for lists of items (a checklist), JSON for the rest.
 */
export function describeValue(path: string, value: unknown, nameOf: (id: string) => string | undefined): string {
  const field = lastPart(path);
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (PERSON_FIELDS.has(field)) return nameOf(value) ?? value;
    return CODE_FIELDS.has(field) && /^[a-z0-9_]+$/.test(value) ? humanise(value) : value;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return value.map((v) => (PERSON_FIELDS.has(field) && typeof v === 'string' ? (nameOf(v) ?? v) : String(v))).join(', ');
    }
    const texts = value.map((v) => (isPlainObject(v) ? (v.text ?? v.name ?? v.title) : undefined));
    if (texts.every((t) => typeof t === 'string')) return texts.join('; ');
  }
  return JSON.stringify(value, null, 2);
}

/** The value at a dotted path of a document (`budget.amountMinor`); undefined when absent. */
export function valueAt(doc: Record<string, unknown> | null | undefined, path: string): unknown {
  let current: unknown = doc ?? undefined;
  for (const part of path.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[part];
  }
  return current;
}
