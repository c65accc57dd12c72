import { expect, test } from '@playwright/test';
import type { ServedHost } from './support/serve-host';
import { saveScreenshot } from './support/screenshots';
import { startSyncServer, type RunningSyncServer } from './support/sync-server';
import { createProject, twoJoinedPcs } from './support/team-sync';

/**
 * The README's try-out: a server and two lab PCs; the network is cut by stopping the server. Both
 * PCs say Offline and keep working; when the server is back on the same data folder and port, both
 * come back up to date and agree on what each did meanwhile, without anyone signing in again.
 */
let server: RunningSyncServer | undefined;
const hosts: ServedHost[] = [];
test.afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
  await server?.stop();
  server = undefined;
});

test('two PCs work through a server outage and agree afterwards', async ({ browser }) => {
  test.setTimeout(180_000);
  server = await startSyncServer();
  const port = Number(new URL(server.url).port);
  const { pcA, pcB } = await twoJoinedPcs(browser, hosts, { a: server.url, b: server.url }, server.setupToken);

  await createProject(pcA, 'CUT-1', 'Calibration before the outage');
  await pcB.getByRole('button', { name: 'Projects' }).click();
  await expect(pcB.getByTestId('project-row').filter({ hasText: 'Calibration before the outage' })).toHaveCount(1, { timeout: 20_000 });

  // The server goes away: both PCs notice and keep working.
  const dataDir = server.dataDir;
  await server.stop();
  server = undefined;
  await expect(pcA.getByTestId('sync-status')).toHaveText('Offline', { timeout: 30_000 });
  await expect(pcB.getByTestId('sync-status')).toHaveText('Offline', { timeout: 30_000 });
  await pcA.getByRole('button', { name: 'Rename Calibration before the outage' }).click();
  await pcA.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Calibration renamed offline on A');
  await pcA.getByRole('button', { name: 'Rename', exact: true }).click();
  await createProject(pcB, 'CUT-2', 'Stability study started offline on B');
  await expect(pcB.getByTestId('sync-status')).toContainText(/Offline · \d+ pending/);
  await saveScreenshot(pcB, 'projects-offline-pending');

  // Back on the same folder and port: both catch up by themselves.
  server = await startSyncServer({ dataDir, port, hasAdministrator: true });
  await expect(pcA.getByTestId('sync-status')).toHaveText('Up to date', { timeout: 60_000 });
  await expect(pcB.getByTestId('sync-status')).toHaveText('Up to date', { timeout: 60_000 });
  for (const pc of [pcA, pcB]) {
    await expect(pc.getByTestId('project-row').filter({ hasText: 'Calibration renamed offline on A' })).toHaveCount(1, { timeout: 20_000 });
    await expect(pc.getByTestId('project-row').filter({ hasText: 'Stability study started offline on B' })).toHaveCount(1, { timeout: 20_000 });
  }
  await expect(pcB.getByTestId('project-row')).toHaveCount(2);
  await saveScreenshot(pcA, 'projects-after-outage');

  // After reconnecting, each PC compared what it holds with the server: nothing had to be fetched again.
  await pcB.getByTestId('sync-status').click();
  await expect(pcB.getByTestId('team-sync-consistency')).toContainText(/Consistency check: last run .+; since this PC joined, no document has differed from the server\./, { timeout: 30_000 });
  await saveScreenshot(pcB, 'settings-team-sync-checked');
});
