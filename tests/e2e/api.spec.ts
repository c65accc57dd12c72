import { expect, test } from '@playwright/test';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

/**
 * An integrator's first steps: in Settings → API a person makes a token (shown once), a script
 * calls the API with it as that person — its change is in the app and in the audit trail under the
 * token's name — and once the token is revoked the script is refused. The docs open from this host.
 */
const admin = { name: 'Barbara McClintock', email: 'barbara@lab.example', password: 'jumping-genes-1948' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('a token made in Settings → API calls the API as its person until it is revoked', async ({ page }) => {
  host = await startServeHost(undefined, {}, ['--api']);
  const origin = new URL(host.url).origin;
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'API' }).click();
  await expect(page.getByTestId('api-address')).toContainText(`${origin}/api/v1`);
  await expect(page.getByText('No tokens yet.')).toBeVisible();

  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Plate reader');
  // Nothing chosen yet: the host says what is missing.
  await dialog.getByRole('button', { name: 'Create token' }).click();
  await expect(dialog.getByText('Choose at least one scope.')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Projects' }).click();
  await page.getByRole('option', { name: 'Read and change' }).click();
  await dialog.getByRole('combobox', { name: 'Tasks' }).click();
  await page.getByRole('option', { name: 'Read', exact: true }).click();
  await saveScreenshot(page, 'settings-api-new-token');
  await dialog.getByRole('button', { name: 'Create token' }).click();
  await expect(dialog).toBeHidden();

  const secret = await page.getByRole('textbox', { name: 'New token' }).inputValue();
  expect(secret).toMatch(/^lf_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId('api-token-row').filter({ hasText: 'Plate reader' });
  await expect(row).toContainText('Projects: read and change, Tasks: read');
  await expect(row).toContainText('Active');
  await saveScreenshot(page, 'settings-api');

  // The script: plain fetch with the token.
  const call = (method: string, path: string, token: string, body?: unknown) =>
    fetch(`${origin}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const created = await call('POST', '/projects', secret, { code: 'PLR-1', name: 'Plate reader import' });
  expect(created.status).toBe(201);
  expect(await created.json()).toMatchObject({ code: 'PLR-1', name: 'Plate reader import' });
  expect((await call('POST', '/tasks', secret, { title: 'Not allowed' })).status).toBe(403);

  // The change is the app's like any other: on the projects page, and audited as the person via the token.
  await page.getByRole('button', { name: 'Projects' }).click();
  await expect(page.getByText('Plate reader import')).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Audit trail' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Created a project' }).first()).toContainText('API token “Plate reader”');

  // Revoked: refused at once; the secret is never shown again.
  await page.getByRole('tab', { name: 'API' }).click();
  await expect(page.getByTestId('api-token-secret')).toHaveCount(0);
  await page.getByRole('button', { name: 'Revoke Plate reader' }).click();
  await expect(page.getByTestId('api-token-row').filter({ hasText: 'Plate reader' })).toContainText('Revoked');
  const refused = await call('GET', '/projects', secret);
  expect(refused.status).toBe(401);
  expect(await refused.json()).toMatchObject({ code: 'unauthenticated' });
});

test('the API docs open from this host, with nothing loaded from elsewhere', async ({ page }) => {
  host = await startServeHost(undefined, {}, ['--api']);
  const origin = new URL(host.url).origin;
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) elsewhere.push(request.url());
  });
  await page.goto(`${origin}/api/docs`);
  // Swagger UI parses the whole document (every module's routes) in the page before it draws: seconds on a busy machine.
  await expect(page.getByRole('heading', { name: /LabFlow API/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('/api/v1/workflows/instances/{id}/advance').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
  await saveScreenshot(page, 'api-docs');
  expect(elsewhere).toEqual([]);
});
