import { expect, test } from '@playwright/test';
import { startTcpProxy } from '../integration/sync/support/tcp-proxy';
import { startServeHost, type ServedHost } from './support/serve-host';
import { startSyncServer, type RunningSyncServer } from './support/sync-server';
import { saveScreenshot } from './support/screenshots';
import { createProject, firstRun, joinTeam, twoJoinedPcs } from './support/team-sync';

/**
 * Team sync end to end: one sync server, two serve-mode hosts (two lab PCs) and a browser context
 * on each. Both sign in to the server from Settings → Team sync; a project created or renamed on
 * one appears on the other. An edit that loses a conflict shows on the task and can be restored.
 */
let server: RunningSyncServer | undefined;
const hosts: ServedHost[] = [];
const proxies: { close(): Promise<void> }[] = [];
test.afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
  await Promise.all(proxies.splice(0).map((p) => p.close()));
  await server?.stop();
  server = undefined;
});

test('two PCs signed in to one server see each other’s projects', async ({ browser }) => {
  test.setTimeout(180_000);
  server = await startSyncServer();
  const [hostA, hostB] = await Promise.all([startServeHost(), startServeHost()]);
  hosts.push(hostA, hostB);
  const pcA = await (await browser.newContext()).newPage();
  const pcB = await (await browser.newContext()).newPage();
  await pcA.goto(hostA.url);
  await pcB.goto(hostB.url);

  await firstRun(pcA);
  await joinTeam(pcA, server.url, server.setupToken);
  await saveScreenshot(pcA, 'settings-team-sync');
  // The status chip leads to these settings from anywhere, and the tab is in the address.
  await pcA.getByRole('button', { name: 'Projects' }).click();
  await pcA.getByTestId('sync-status').click();
  await expect(pcA.getByRole('tab', { name: 'Team sync' })).toHaveAttribute('aria-selected', 'true');
  await pcA.reload();
  await expect(pcA.getByTestId('team-sync-phase')).toHaveText('Up to date');
  // In a team the server sends email and webhook calls, and Settings → Notifications says so.
  await pcA.getByRole('tab', { name: 'Notifications' }).click();
  await expect(pcA.getByTestId('team-delivery-email')).toContainText('the sync server sends the email');
  await expect(pcA.getByTestId('team-delivery-webhook')).toContainText('the sync server calls the webhooks');

  // PC B was set up on its own by the same person: joining matches her account by email.
  await firstRun(pcB);
  await joinTeam(pcB, server.url);

  // A project created on A appears on B.
  await createProject(pcA, 'SYNC-1', 'Shared through the server');
  await pcB.getByRole('button', { name: 'Projects' }).click();
  await expect(pcB.getByTestId('project-row').filter({ hasText: 'Shared through the server' })).toHaveCount(1, { timeout: 20_000 });

  // Renamed on B, it changes on A.
  await pcB.getByRole('button', { name: 'Rename Shared through the server' }).click();
  await pcB.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Renamed on PC B');
  await pcB.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(pcA.getByTestId('project-row').filter({ hasText: 'Renamed on PC B' })).toHaveCount(1, { timeout: 20_000 });
  await expect(pcA.getByTestId('sync-status')).toHaveText('Up to date');
  await saveScreenshot(pcA, 'projects-synced');
});

test('an edit that lost a conflict shows on the task, and “Use my version” brings it back on both PCs', async ({ browser }) => {
  test.setTimeout(240_000);
  server = await startSyncServer();
  // Each PC reaches the server through its own proxy, so the test can take one PC's network down.
  const port = Number(new URL(server.url).port);
  const [netA, netB] = await Promise.all([startTcpProxy(port), startTcpProxy(port)]);
  proxies.push(netA, netB);
  // B in the dark theme, A in the light one: the notice is seen in both.
  const { pcA, pcB } = await twoJoinedPcs(browser, hosts, { a: netA.url, b: netB.url }, server.setupToken, { isBDark: true });
  // Joining matched B's own Ada to the team's by email; this sign-in continues as the team's Ada.

  // A project with one task, made on A, reaches B.
  await createProject(pcA, 'CONF-1', 'Balance checks');
  await pcA.getByRole('button', { name: 'Open Balance checks' }).click();
  await pcA.getByRole('tab', { name: 'Tasks' }).click();
  await pcA.getByRole('button', { name: 'New task' }).click();
  await pcA.getByRole('dialog', { name: 'New task' }).getByLabel('Title').fill('Weigh the samples');
  await pcA.getByRole('dialog', { name: 'New task' }).getByRole('button', { name: 'Create task' }).click();
  const drawerA = pcA.getByTestId('task-drawer');
  await expect(drawerA.getByRole('heading', { name: 'Weigh the samples' })).toBeVisible();
  await pcB.getByRole('button', { name: 'Projects' }).click();
  await pcB.getByRole('button', { name: 'Open Balance checks' }).click({ timeout: 20_000 });
  await pcB.getByRole('tab', { name: 'Tasks' }).click();
  await pcB.getByTestId('task-row').filter({ hasText: 'Weigh the samples' }).click({ timeout: 20_000 });
  const drawerB = pcB.getByTestId('task-drawer');
  await expect(drawerB.getByRole('heading', { name: 'Weigh the samples' })).toBeVisible();
  // No conflict yet: nothing shows (and nothing flashes).
  await expect(drawerB.getByTestId('record-conflicts')).toHaveCount(0);

  // Both PCs lose the network and rename the task differently.
  await Promise.all([netA.cut(), netB.cut()]);
  await expect(pcA.getByTestId('sync-status')).toHaveText('Offline', { timeout: 20_000 });
  await expect(pcB.getByTestId('sync-status')).toHaveText('Offline', { timeout: 20_000 });
  const rename = async (drawer: typeof drawerA, title: string) => {
    const field = drawer.getByRole('textbox', { name: 'Title', exact: true });
    await field.fill(title);
    await field.press('Tab');
    await expect(drawer.getByRole('heading', { name: title })).toBeVisible();
  };
  await rename(drawerA, 'Weigh the samples twice');
  await rename(drawerB, 'Weigh the samples on the new balance');

  // A is back first, so its title is the team's; B's rename then loses.
  await netA.restore();
  await expect(pcA.getByTestId('sync-status')).toHaveText('Up to date', { timeout: 30_000 });
  await netB.restore();
  await expect(pcB.getByTestId('sync-status')).toHaveText('Up to date', { timeout: 30_000 });
  await expect(drawerB.getByRole('heading', { name: 'Weigh the samples twice' })).toBeVisible({ timeout: 20_000 });

  const notice = drawerB.getByRole('status').filter({ hasText: 'Changed on two PCs at once' });
  await expect(notice).toContainText(/your version of Title was replaced by your edit from another PC on (\d{1,2} \w{3}|\w{3} \d{1,2}) \d{2}:\d{2}\./, { timeout: 20_000 });
  await saveScreenshot(pcB, 'task-drawer-conflict-dark');
  // The conflict reached A too (it is the team's history), where the same person sees it in the light theme.
  await expect(drawerA.getByTestId('conflict-notice')).toBeVisible({ timeout: 20_000 });
  await saveScreenshot(pcA, 'task-drawer-conflict');

  // Details: per field, the kept value and the replaced one.
  await notice.getByRole('button', { name: 'Details' }).click();
  const details = pcB.getByRole('dialog', { name: 'Changed on two PCs at once' });
  await expect(details.getByTestId('conflict-field')).toHaveCount(1);
  await expect(details.getByTestId('conflict-field')).toContainText('Title');
  await expect(details.getByTestId('conflict-field')).toContainText('Weigh the samples twice');
  await expect(details.getByTestId('conflict-field')).toContainText('Weigh the samples on the new balance');
  await saveScreenshot(pcB, 'task-conflict-details');

  // "Use my version" runs the task's own update: B's title is back, and the notice is gone.
  await details.getByRole('button', { name: 'Use my version' }).click();
  await expect(details).toBeHidden();
  await expect(drawerB.getByRole('heading', { name: 'Weigh the samples on the new balance' })).toBeVisible();
  await expect(drawerB.getByTestId('record-conflicts')).toHaveCount(0);

  // It converges on A, where the restored conflict no longer shows either.
  await expect(drawerA.getByRole('heading', { name: 'Weigh the samples on the new balance' })).toBeVisible({ timeout: 20_000 });
  await expect(drawerA.getByTestId('record-conflicts')).toHaveCount(0);

  // Settings → Team sync lists the conflict and links to the task.
  await drawerA.getByRole('button', { name: 'Close task' }).click();
  await pcA.getByRole('button', { name: 'Settings' }).click();
  await pcA.getByRole('tab', { name: 'Team sync' }).click();
  await pcA.getByTestId('sync-conflict').getByRole('button', { name: /Task “Weigh the samples/ }).click();
  await expect(pcA.getByTestId('task-drawer').getByRole('heading', { name: 'Weigh the samples on the new balance' })).toBeVisible();
});
