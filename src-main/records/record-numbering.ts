import type { RecordDocument } from '../../src-shared/records/record-document';
import { counterOf, formatNumber, formatProvisional, pcTagOf } from '../../src-shared/records/record-numbers';
import type { NumberNeeded } from '../../src-shared/records/record-stamp';
import type { LabDatabase } from '../database/open-database';
import { pcIdOf } from '../host/pc-identity';
import { TEAM_SYNC_SETTINGS_KEY } from '../sync/sync-settings-store';

const FINAL_KEY = 'number-series';
const PROVISIONAL_KEY = 'number-series-provisional';

type Counters = Record<string, number>;

/** The first of `count` consecutive counters of `series`, all taken at once. */
async function nextOf(db: LabDatabase, localKey: string, series: string, atLeast: number, count: number): Promise<number> {
  const doc = await db.getLocal<{ counters: Counters }>(localKey);
  const counters: Counters = { ...((doc?.get('counters') as Counters | undefined) ?? {}) };
  const next = Math.max(counters[series] ?? 1, atLeast);
  counters[series] = next + count;
  await db.upsertLocal(localKey, { counters });
  return next;
}

/** The highest final counter of `key` among this PC's records of `kind` (the index on kind + number finds it). */
async function highestFinal(db: LabDatabase, kind: string, key: string): Promise<number> {
  const docs = await db.records.find({ selector: { kind, number: { $gte: `${key}-`, $lt: `${key}-~` } } }).exec();
  return docs.reduce((max, d) => Math.max(max, d.get('numberState') === 'final' ? (counterOf(key, String(d.get('number'))) ?? 0) : 0), 0);
}

export const isInTeam = async (db: LabDatabase): Promise<boolean> => (await db.getLocal(TEAM_SYNC_SETTINGS_KEY)) !== null;

type Numbered = Pick<RecordDocument, 'number' | 'numberState'>;

/**
 * The numbers `count` new records of one series get on this PC (src-shared/records/record-numbers.ts):
 * on its own, the next final numbers of the series; in a team, provisional ones with this PC's tag
 * that the sync server replaces — or none for a gapless series, which only the server numbers.
 * Taken as one block (one look at the series however many records: a bulk import stays linear).
 * Runs in the write queue; numbers taken and then not written leave a gap, as a refused write does.
 */
export async function numbersOnThisPc(db: LabDatabase, kind: string, needed: NumberNeeded, count: number, newId: () => string): Promise<Numbered[]> {
  const each = (make: (i: number) => Numbered) => Array.from({ length: count }, (_, i) => make(i));
  if (await isInTeam(db)) {
    if (needed.series.isGapless) return each(() => ({ number: '', numberState: '' }));
    const first = await nextOf(db, PROVISIONAL_KEY, needed.key, 1, count);
    const tag = pcTagOf(await pcIdOf(db, newId));
    return each((i) => ({ number: formatProvisional(needed.series, needed.key, tag, first + i), numberState: 'provisional' }));
  }
  const first = await nextOf(db, FINAL_KEY, needed.key, (await highestFinal(db, kind, needed.key)) + 1, count);
  return each((i) => ({ number: formatNumber(needed.series, needed.key, first + i), numberState: 'final' }));
}

/** The number one record gets on this PC (numbersOnThisPc for one). */
export const numberOnThisPc = async (db: LabDatabase, kind: string, needed: NumberNeeded, newId: () => string): Promise<Numbered> =>
  (await numbersOnThisPc(db, kind, needed, 1, newId))[0] as Numbered;
