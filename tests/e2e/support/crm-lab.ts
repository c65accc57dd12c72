import { test, type Page } from '@playwright/test';
import { runCommands } from './bridge-commands';
import { PASSWORD } from './equipment-lab';
import { createFirstAdministrator } from './first-run';
import { startServeHost, type ServedHost } from './serve-host';

/** The first administrator of the CRM specs' lab. */
export const crmAdmin = { name: 'Margaret Hamilton', email: 'margaret@lab.example', password: 'apollo-guidance-1969' };

/**
 * A fresh served host per test with its first administrator, who then creates `people` (each with
 * the password PASSWORD and their roles) and whatever else `calls` make, through the bridge like
 * another window. Call at the top of a spec file: it stops the host after each test. `env` adds to
 * the host's environment (e.g. a smaller lead import batch).
 */
export function useCrmLab(env: Record<string, string> = {}) {
  let host: ServedHost | undefined;
  test.afterEach(async () => {
    await host?.stop();
    host = undefined;
  });
  return async (page: Page, people: { name: string; email: string; roles: string[] }[], calls: Array<{ name: string; input: unknown }>) => {
    host = await startServeHost(undefined, env);
    await page.goto(host.url);
    await createFirstAdministrator(page, crmAdmin);
    const made = await runCommands(page, crmAdmin, [...people.map(({ roles, ...p }) => ({ name: 'people/create', input: { ...p, password: PASSWORD, roles } })), ...calls]);
    return made.values;
  };
}
