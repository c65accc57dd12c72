import { upgradeData } from './record-data';
import { recordColumns, type ManagerLookup, type RecordDocument } from './record-document';
import type { AnyRecordKind, NumberSeries } from './record-kind';
import { counterOf, isNumberedAt, seriesKey } from './record-numbers';

type Doc = Record<string, unknown>;
/** What stampRecord reads of the stored version. */
type StoredNumbering = { readonly number?: unknown; readonly numberState?: unknown; readonly createdAt?: unknown };

/** A number the writer must give the record: the series, and the number the PC asks to keep (a final number from before it joined a team). */
export interface NumberNeeded {
  series: NumberSeries;
  key: string;
  /** A final number the pushed record carries that may be kept if it is free (never for gapless series). */
  claimed: string | null;
}

/**
 * A record as it may be stored: data upgraded to the kind's version, the derived columns computed
 * from it (never the writer's claim), and the number of the stored version kept once final. When
 * the record must get a number now, `numberNeeded` says which series; the caller (the sync server,
 * or a PC on its own) gives it. Pure.
 */
export function stampRecord(kind: AnyRecordKind, doc: Doc, stored: StoredNumbering | null, managers: ManagerLookup): { doc: RecordDocument; numberNeeded: NumberNeeded | null } {
  const raw = doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {};
  const { data, version } = upgradeData(kind, Number(doc.kindVersion ?? 1), raw);
  const stamped = { ...doc, kindVersion: version, data, ...recordColumns(kind, data, managers) } as unknown as RecordDocument;
  const keep = stored && stored.numberState === 'final' ? { number: String(stored.number), numberState: 'final' as const } : null;
  if (keep) return { doc: { ...stamped, ...keep }, numberNeeded: null };
  const series = kind.number;
  const isCreate = stored === null;
  const wasNumbered = stored !== null && stored.numberState === 'provisional';
  if (!series || !(isNumberedAt(series, stamped.status, isCreate) || wasNumbered || (stamped.numberState !== '' && stamped.number !== ''))) {
    return { doc: { ...stamped, number: '', numberState: '' }, numberNeeded: null };
  }
  // Numbered on creation: the year it was created; numbered later (an invoice at issue): the year of that change.
  const at = (series.assignOn ?? 'create') === 'create' ? (doc.createdAt ?? stored?.createdAt) : doc.updatedAt;
  const key = seriesKey(series, String(at ?? ''));
  const claimed = !series.isGapless && stamped.numberState === 'final' && counterOf(key, stamped.number) !== null ? stamped.number : null;
  return { doc: stamped, numberNeeded: { series, key, claimed } };
}
