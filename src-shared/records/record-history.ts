import type { FieldChange } from '../audit/audit-contract';
import type { HistoryChange, HistoryEntry } from './record-activity-contract';
import type { AnyRecordKind } from './record-kind';
import { codeLabel } from '../format/code-label';

/**
 * A record's history for its page, from its audit entries: who did what when, with the kind's
 * field labels and status labels instead of stored names, and the reason given for a status change
 * (kept beside the record as an `activity` note) on the change it explains. Columns the record
 * derives from its data (title, subject, managers, dates …) are left out: the data change that
 * moved them is listed. Pure.
 */

export interface AuditFacts {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  operation: 'insert' | 'update' | 'delete';
  changes: readonly FieldChange[];
}

/** A status change's reason (`activity` of kind `status_change`). */
export interface StatusNote {
  id: string;
  at: string;
  personId: string;
  from: string;
  to: string;
  reason: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function dataChanges(kind: AnyRecordKind | undefined, before: unknown, after: unknown, isCreation: boolean): HistoryChange[] {
  const old = isObject(before) ? before : {};
  const now = isObject(after) ? after : {};
  const names = [...new Set([...Object.keys(old), ...Object.keys(now)])];
  // In the kind's field order first, then whatever else the data holds.
  const order = (name: string) => {
    const at = kind?.fields.findIndex((f) => f.field === name) ?? -1;
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  return names
    .filter((name) => JSON.stringify(old[name] ?? null) !== JSON.stringify(now[name] ?? null))
    .filter((name) => !isCreation || (now[name] !== '' && now[name] !== null && now[name] !== undefined))
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((name) => {
      const field = kind?.fields.find((f) => f.field === name);
      if (field) return { field: `data.${name}`, label: field.label, type: field.type, old: old[name] ?? null, new: now[name] ?? null };
      const type = undeclaredType(old[name] ?? now[name]);
      const shown = (v: unknown) => (v === undefined || v === null ? null : type === 'text' ? plainText(v) : v);
      return { field: `data.${name}`, label: codeLabel(name), type, old: shown(old[name]), new: shown(now[name]) };
    });
}

const isMoney = (v: unknown): v is { amountMinor: number; currency: string } => isObject(v) && typeof v.amountMinor === 'number' && typeof v.currency === 'string';

/** A field the kind does not declare as a column (an invoice's currency, its lines): money and dates by their look. */
function undeclaredType(value: unknown): HistoryChange['type'] {
  if (isMoney(value)) return 'money';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
  return 'text';
}

/** Lists and objects in words, never as JSON: "2 lines: Primers, Master mix". */
function plainText(value: unknown): string {
  if (Array.isArray(value)) {
    const named = value.flatMap((item) => (isObject(item) && typeof (item.description ?? item.name ?? item.title) === 'string' ? [String(item.description ?? item.name ?? item.title)] : []));
    const count = `${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
    if (named.length === 0) return value.every((v) => typeof v !== 'object') ? value.map(String).join(', ') : count;
    const list = named.slice(0, 5).join(', ');
    return `${count}: ${list}${named.length > 5 ? ', …' : ''}`;
  }
  if (isObject(value)) return Object.entries(value).filter(([, v]) => typeof v !== 'object').map(([k, v]) => `${codeLabel(k)}: ${plainText(v)}`).join(', ') || 'changed';
  if (typeof value === 'string' && /^[a-z]+(_[a-z]+)+$/.test(value)) return codeLabel(value); // a stored code: per_line → Per line
  return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
}

const statusLabel = (kind: AnyRecordKind | undefined, status: unknown) => (typeof status === 'string' ? (kind?.statuses.find((s) => s.id === status)?.label ?? codeLabel(status)) : null);

function changesOf(kind: AnyRecordKind | undefined, entry: AuditFacts): HistoryChange[] {
  const isCreation = entry.operation === 'insert';
  const changes: HistoryChange[] = [];
  for (const change of entry.changes) {
    if (change.field === 'status' && !isCreation) changes.push({ field: 'status', label: 'Status', type: 'text', old: statusLabel(kind, change.old), new: statusLabel(kind, change.new) });
    else if (change.field === 'number' && change.new) changes.push({ field: 'number', label: 'Number', type: 'text', old: change.old || null, new: change.new });
    else if (change.field === 'data') changes.push(...dataChanges(kind, change.old, change.new, isCreation));
  }
  return changes;
}

function summaryOf(kind: AnyRecordKind | undefined, entry: AuditFacts, changes: readonly HistoryChange[]): string {
  if (entry.operation === 'insert') {
    const status = entry.changes.find((c) => c.field === 'status');
    return status ? `Created as ${statusLabel(kind, status.new)}` : 'Created';
  }
  if (entry.operation === 'delete') return 'Removed';
  const status = changes.find((c) => c.field === 'status');
  if (status) return `${String(status.old)} → ${String(status.new)}`;
  if (changes.length === 1 && changes[0]?.field === 'number') return 'Numbered';
  return 'Changed';
}

/** The change a status note explains: the latest by the same person to that status, not after the note. */
function explainedBy(entries: readonly AuditFacts[], note: StatusNote): AuditFacts | undefined {
  return entries
    .filter((e) => e.actorId === note.personId && e.at <= note.at)
    .filter((e) => (note.to === 'removed' ? e.operation === 'delete' : e.changes.some((c) => c.field === 'status' && c.old === note.from && c.new === note.to)))
    .sort((a, b) => b.at.localeCompare(a.at))[0];
}

/** The history, newest first. `names` gives a person's current name (the entry's own name otherwise). */
export function recordHistory(kind: AnyRecordKind | undefined, entries: readonly AuditFacts[], notes: readonly StatusNote[], names: (id: string) => string | undefined): HistoryEntry[] {
  const reasons = new Map<string, string>();
  const loose: HistoryEntry[] = [];
  for (const note of notes) {
    const entry = explainedBy(entries, note);
    if (entry && !reasons.has(entry.id)) reasons.set(entry.id, note.reason);
    else loose.push({ id: note.id, at: note.at, actor: { id: note.personId, name: names(note.personId) ?? 'Unknown person' }, summary: 'Reason given', changes: [], reason: note.reason });
  }
  const listed = entries.flatMap((entry): HistoryEntry[] => {
    const changes = changesOf(kind, entry);
    if (entry.operation === 'update' && changes.length === 0) return [];
    const reason = reasons.get(entry.id);
    // A status change is its summary ("Draft → Submitted"), not a line of its own.
    const shown = changes.filter((c) => c.field !== 'status');
    return [{ id: entry.id, at: entry.at, actor: { id: entry.actorId, name: names(entry.actorId) ?? entry.actorName }, summary: summaryOf(kind, entry, changes), changes: shown, ...(reason ? { reason } : {}) }];
  });
  return [...listed, ...loose].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}
