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

export async function startTwoDesktops(): Promise<TwoDesktops> {
  const server = await startTestServer({ db: await openTestDatabase(), listen: true });
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

export const upToDate = (desktop: Desktop, timeoutMs?: number) =>
  waitUntil(async () => (await syncStatus(desktop)).phase === 'up_to_date' && (await syncStatus(desktop)), 'up to date', timeoutMs);
