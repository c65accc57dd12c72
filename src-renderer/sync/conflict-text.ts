import { listLabels } from '../../src-shared/sync/conflict-fields';
import type { ConflictPersonView, RecordConflictView } from '../../src-shared/sync/record-conflicts';

/** The words of the conflict notice and its Details dialog, in one place. Pure. */

/** "26 Nov 10:14" (with the year when it is not `now`'s year), in this PC's time zone unless one is given. */
export function formatConflictTime(iso: string, options: { now?: Date; locale?: string; timeZone?: string } = {}): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const { locale, timeZone } = options;
  const yearOf = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(d);
  const withYear = options.now !== undefined && yearOf(options.now) !== yearOf(at);
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone }).format(at);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
  return `${day} ${time}`;
}

const possessive = (name: string) => `${name}’s`;

/** Whose version lost: "your version" or "Ben’s version". */
export const loserText = (by: ConflictPersonView): string => (by.isYou ? 'your version' : `${possessive(by.name)} version`);

/** Whose value replaced it, from the people who wrote the kept values. */
export function winnerText(by: ConflictPersonView, keptBy: readonly (ConflictPersonView | null)[]): string {
  const known = keptBy.filter((p): p is ConflictPersonView => p !== null);
  if (known.length === 0) return 'the version another PC sent first';
  const unique = [...new Map(known.map((p) => [p.id, p])).values()];
  const words = unique.map((p) => {
    // One person on two PCs: their own edit from the other PC won.
    if (p.id === by.id) return p.isYou ? 'your edit from another PC' : `${possessive(p.name)} edit from another PC`;
    return p.isYou ? 'yours' : possessive(p.name);
  });
  return listLabels(words, words.length);
}

/**
 * The notice's sentence: "Changed on two PCs at once: your version of Title and Due date was replaced
 * by Ana’s on 26 Nov 10:14."
 */
export function conflictSentence(conflict: Pick<RecordConflictView, 'by' | 'fields' | 'at'>, formatTime: (iso: string) => string = formatConflictTime): string {
  const when = formatTime(conflict.at);
  const removed = conflict.fields.find((f) => f.field === '_deleted');
  const fields = conflict.fields.filter((f) => f.field !== '_deleted');
  if (removed) {
    const changed = fields.length > 0 ? ` of ${listLabels(fields.map((f) => f.label))}` : '';
    return `Removed on another PC on ${when} while ${loserText(conflict.by)}${changed} was still being edited; those changes are kept in Details.`;
  }
  const loser = loserText(conflict.by);
  return `Changed on two PCs at once: ${loser} of ${listLabels(fields.map((f) => f.label))} was replaced by ${winnerText(conflict.by, fields.map((f) => f.keptBy))} on ${when}.`;
}

/** The label of the button that writes the lost values back. */
export const restoreLabel = (by: ConflictPersonView): string => (by.isYou ? 'Use my version' : `Use ${possessive(by.name)} version`);

/** A refused write, as the record shows it. */
export const refusalSentence = (message: string, at: string, formatTime: (iso: string) => string = formatConflictTime): string =>
  `The sync server refused a change made on this PC on ${formatTime(at)}: ${message.trim().replace(/([^.!?])$/, '$1.')} The change is kept on this PC only.`;
