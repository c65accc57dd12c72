/**
 * The storm part of `bench:sync` (issue 21): a sync server and two desktop hosts (each in its own
 * process, each behind its own TCP proxy), a second person signed in on PC B, the network cut, both
 * PCs editing the same tasks offline through their commands in a seeded order, the network back.
 * The server runs in this process (tests/integration/sync/support/two-desktops.ts), on the
 * benchmark's PostgreSQL cluster (its own database) or PGlite when the binaries are missing.
 *
 * - edits: commands the PCs acknowledged while offline.
 * - convergeMs: from the network's return until every shared document is identical on both PCs
 *   and the server; upToDateMs until both PCs say "Up to date".
 * - divergentDocs: shared documents still not identical when it ended (60 s at most).
 * - silentLosses: values a person saved that are neither final nor recorded as lost.
 * - reconnectMs: the reference, measured in the same run: the same cut and return with no edits,
 *   until both PCs are up to date again; convergeRatio = convergeMs / reconnectMs.
 */
import { performance } from 'node:perf_hooks';
import { runStormRound, setUpStormTeam, type StormRound } from '../tests/integration/sync/support/storm';
import { startTwoDesktops, syncStatus, upToDate } from '../tests/integration/sync/support/two-desktops';
import { waitUntil } from '../tests/integration/sync/support/wait';

export interface StormResult extends StormRound {
  reconnectMs: number;
  convergeRatio: number;
}

export async function stormBenchmark(options: { tasks: number; editsPerPc: number; databaseUrl?: string | undefined; log: (message: string) => void }): Promise<StormResult> {
  const lab = await startTwoDesktops(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {});
  try {
    const team = await setUpStormTeam(lab, options.tasks);
    options.log(`storm: team set up with ${options.tasks} shared tasks; Cleo signed in on PC B next to Ben`);

    // Reference: the same cut and return, nothing edited meanwhile.
    await Promise.all([lab.proxyA.cut(), lab.proxyB.cut()]);
    await waitUntil(async () => (await syncStatus(lab.a)).phase === 'offline' && (await syncStatus(lab.b)).phase === 'offline', 'both PCs offline');
    await Promise.all([lab.proxyA.restore(), lab.proxyB.restore()]);
    const back = performance.now();
    await Promise.all([upToDate(lab.a, 60_000), upToDate(lab.b, 60_000)]);
    const reconnectMs = Math.round(performance.now() - back);
    options.log(`storm: reconnect without edits ${reconnectMs} ms`);

    const round = await runStormRound(lab, team, { editsPerPc: options.editsPerPc, seed: 21, timeoutMs: 60_000 });
    options.log(`storm: ${round.edits} edits, converged in ${round.convergeMs} ms (up to date in ${round.upToDateMs} ms), ${round.divergentDocs} divergent, ${round.silentLosses} silent losses`);
    return { ...round, reconnectMs, convergeRatio: Math.round((round.convergeMs / Math.max(1, reconnectMs)) * 100) / 100 };
  } finally {
    await lab.close();
  }
}
