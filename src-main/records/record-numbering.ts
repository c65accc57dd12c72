import type { RecordDocument } from '../../src-shared/records/record-document';
import { counterOf, formatNumber, formatProvisional, pcTagOf } from '../../src-shared/records/record-numbers';
import type { NumberNeeded } from '../../src-shared/records/record-stamp';
import type { LabDatabase } from '../database/open-database';
import { pcIdOf } from '../host/pc-identity';
import { TEAM_SYNC_SETTINGS_KEY } from '../sync/sync-settings-store';

const FINAL_KEY = 'number-series';
const PROVISIONAL_KEY = 'number-series-provisional';

type Counters = Record<string, number>;

async function nextOf(db: LabDatabase, localKey: string, series: string, atLeast: number): Promise<number> {
  const doc = await db.getLocal<{ counters: Counters }>(localKey);
  const counters: Counters = { ...((doc?.get('counters') as Counters | undefined) ?? {}) };
  const next = Math.max(counters[series] ?? 1, atLeast);
  counters[series] = next + 1;
  await db.upsertLocal(localKey, { counters });
  return next;
}

/** The highest final counter of `key` among this PC's records of `kind` (the index on kind + number finds it). */
async function highestFinal(db: LabDatabase, kind: string, key: string): Promise<number> {
  const docs = await db.records.find({ selector: { kind, number: { $gte: `${key}-`, $lt: `${key}-~` } } }).exec();
  return docs.reduce((max, d) => Math.max(max, d.get('numberState') === 'final' ? (counterOf(key, String(d.get('number'))) ?? 0) : 0), 0);
}

export const isInTeam = async (db: LabDatabase): Promise<boolean> => (await db.getLocal(TEAM_SYNC_SETTINGS_KEY)) !== null;

/**
 * The number a record gets on this PC (src-shared/records/record-numbers.ts): on its own, the next
 * final number of the series; in a team, a provisional one with this PC's tag that the sync server
 * replaces — or none for a gapless series, which only the server numbers. Runs in the write queue.
 */
export async function numberOnThisPc(db: LabDatabase, kind: string, needed: NumberNeeded, newId: () => string): Promise<Pick<RecordDocument, 'number' | 'numberState'>> {
  if (await isInTeam(db)) {
    if (needed.series.isGapless) return { number: '', numberState: '' };
    const counter = await nextOf(db, PROVISIONAL_KEY, needed.key, 1);
    return { number: formatProvisional(needed.series, needed.key, pcTagOf(await pcIdOf(db, newId)), counter), numberState: 'provisional' };
  }
  const counter = await nextOf(db, FINAL_KEY, needed.key, (await highestFinal(db, kind, needed.key)) + 1);
  return { number: formatNumber(needed.series, needed.key, counter), numberState: 'final' };
}
