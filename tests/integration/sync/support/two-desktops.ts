import type { SyncStatusView } from '../../../../src-shared/sync/sync-status';
import { tempDataDir } from '../../support/sqlite-host';
import { startDesktop, type Desktop } from './desktop-driver';
import { startTcpProxy } from './tcp-proxy';
import { openTestDatabase, startTestServer, type TestServer } from './test-server';
import { waitUntil } from './wait';

/**
 * One sync server and two desktops in their own processes, each reaching the server through its
 * own TCP proxy, so a test can take one PC's network away and give it back.
 */
export interface TwoDesktops {
  server: TestServer;
  proxyA: Awaited<ReturnType<typeof startTcpProxy>>;
  proxyB: Awaited<ReturnType<typeof startTcpProxy>>;
  a: Desktop;
  b: Desktop;
  close(): Promise<void>;
}

/** `databaseUrl`: a real PostgreSQL for the server (the storm benchmark); in-memory PGlite otherwise. */
export async function startTwoDesktops(options: { databaseUrl?: string } = {}): Promise<TwoDesktops> {
  const server = await startTestServer({ db: await openTestDatabase(options.databaseUrl), listen: true });
  const port = Number(new URL(server.url).port);
  const [proxyA, proxyB] = await Promise.all([startTcpProxy(port), startTcpProxy(port)]);
  const env = { LABFLOW_SYNC_RETRY_MS: '300' };
  const [a, b] = await Promise.all([startDesktop(tempDataDir(), env), startDesktop(tempDataDir(), env)]);
  return {
    server, proxyA, proxyB, a, b,
    async close() {
      await Promise.all([a.close(), b.close()]);
      await Promise.all([proxyA.close(), proxyB.close()]);
      await server.close();
    },
  };
}

export async function syncStatus(desktop: Desktop): Promise<SyncStatusView> {
  const result = await desktop.query<SyncStatusView>('sync/status');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Waits for the PC to say "Up to date"; a timeout names the status it said last. */
export async function upToDate(desktop: Desktop, timeoutMs?: number): Promise<SyncStatusView> {
  let last: SyncStatusView | null = null;
  try {
    return await waitUntil(async () => {
      last = await syncStatus(desktop);
      return last.phase === 'up_to_date' && last;
    }, 'up to date', timeoutMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}; the PC said ${JSON.stringify(last)}`, { cause: error });
  }
}
