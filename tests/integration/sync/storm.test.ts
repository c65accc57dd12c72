import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../src-shared/sync/sync-status';
import type { Desktop } from './support/desktop-driver';
import { brokenRules, divergentIds, runStormRound, setUpStormTeam, SHARED_COLLECTIONS, type StormTeam } from './support/storm';
import { startTwoDesktops, syncStatus, type TwoDesktops } from './support/two-desktops';
import { waitUntil } from './support/wait';

/**
 * Issue 21's storm, deterministic: a server and two desktop hosts in their own processes, a second
 * person (Cleo) signed in on PC B next to Ben, the network cut, both PCs editing the same tasks
 * offline in a seeded order, the network back; twice. Afterwards both PCs and the server hold the
 * same documents, every value a person saved is either final or recorded as lost exactly once,
 * no task breaks a rule of the task model or shares a board position, the consistency check found
 * nothing to repair, and each outage left one recovery line in both PCs' logs.
 */
const OUTAGES = 2;
let lab: TwoDesktops;
let team: StormTeam;

const logLines = (desktop: Desktop) =>
  readFileSync(join(desktop.dataDir, 'logs', 'labflow.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { message: string });

beforeAll(async () => {
  lab = await startTwoDesktops();
  team = await setUpStormTeam(lab, 30);
}, 180_000);
afterAll(async () => lab?.close());

describe('a sync storm', () => {
  it.each(Array.from({ length: OUTAGES }, (_, i) => i + 1))('outage %i: converges, and every saved value is final or recorded as lost once', async (round) => {
    const result = await runStormRound(lab, team, { editsPerPc: 80, seed: 2100 + round });
    expect(result.edits).toBeGreaterThan(100);
    expect(result).toMatchObject({ divergentDocs: 0, silentLosses: 0, duplicateRecords: 0 });
    expect(await brokenRules(lab)).toEqual({ invalid: [], sharedRanks: [] });
  }, 180_000);

  it('leaves the same documents on both PCs and the server, whatever the collection', async () => {
    for (const collection of SHARED_COLLECTIONS) {
      await waitUntil(async () => (await divergentIds(lab, collection)).length === 0 || null, `${collection} identical everywhere`);
    }
  });

  it('had nothing to repair: each PC’s consistency check compared after its reconnects and found every document as the server holds it', async () => {
    for (const desktop of [lab.a, lab.b]) {
      const { consistency } = await waitUntil(async () => {
        const status: SyncStatusView = await syncStatus(desktop);
        return status.consistency.lastCheckedAt !== null && status;
      }, 'a consistency check');
      expect(consistency.differences).toBe(0);
    }
  });

  it('logged every outage and its end on both PCs', () => {
    for (const desktop of [lab.a, lab.b]) {
      const messages = logLines(desktop).map((l) => l.message).filter((m) => m === 'sync error' || m === 'sync recovered');
      // Each outage: its error line(s), then exactly one recovery line.
      const recoveries = messages.filter((m) => m === 'sync recovered').length;
      expect(recoveries).toBe(OUTAGES);
      expect(messages[0]).toBe('sync error');
      expect(messages.at(-1)).toBe('sync recovered');
      expect(messages.join(' ').split('sync recovered').slice(0, -1).every((outage) => outage.includes('sync error'))).toBe(true);
    }
  });
});
