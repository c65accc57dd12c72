import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesktopApi, type DesktopApi } from '../../../src-main/api/desktop-api';
import { createLogger } from '../../../src-main/logging/logger';
import type { ApiSettingsView } from '../../../src-shared/api/api-token-model';
import { expectOk, openLab, type Client } from '../workflows/workflow-fixtures';

/**
 * The desktop app's API listener follows Settings → API: nothing listens until an administrator
 * turns it on, then it answers on loopback at the chosen port, moves when the port changes, says
 * why when the port is taken, and stops when turned off.
 */

let lab: Awaited<ReturnType<typeof openLab>>;
let desktopApi: DesktopApi;

/** A port nothing listens on now (the OS picks it; closed again before use). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The settings page's view once it satisfies `isWanted` (the listener reports after it (re)started). */
async function settingsWhen(client: Client, isWanted: (view: ApiSettingsView) => boolean): Promise<ApiSettingsView> {
  const live = client.subscribe('api/settings', {});
  for (;;) {
    const view = expectOk(await live.next<ApiSettingsView>());
    if (isWanted(view)) return view;
  }
}

const reaches = async (address: string) => fetch(`${address}/openapi.json`).then((r) => r.status, () => 'refused' as const);

beforeAll(async () => {
  lab = await openLab();
  desktopApi = startDesktopApi(lab.host, createLogger({ directory: join(lab.dataDir, 'logs') }));
});
afterAll(async () => {
  await desktopApi.stop();
  await lab.close();
});

describe('the desktop API listener', () => {
  it('is off by default', async () => {
    const view = await settingsWhen(lab.admin, () => true);
    expect(view).toMatchObject({ isEnabled: false, address: null, problem: null, controlledBy: 'settings' });
  });

  it('answers on loopback once turned on, with tokens, and moves with its port', async () => {
    const port = await freePort();
    expectOk(await lab.admin.call('api/set-settings', { isEnabled: true, port }));
    const on = await settingsWhen(lab.admin, (v) => v.address !== null);
    expect(on.address).toBe(`http://127.0.0.1:${port}/api/v1`);
    expect(await reaches(on.address!)).toBe(200);
    const { secret } = expectOk(await lab.admin.call<{ secret: string }>('api-tokens/create', { name: 'desktop', scopes: ['projects:read'] }));
    expect((await fetch(`${on.address}/projects`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
    expect((await fetch(`${on.address}/projects`)).status).toBe(401);

    const moved = await freePort();
    expectOk(await lab.admin.call('api/set-settings', { isEnabled: true, port: moved }));
    const after = await settingsWhen(lab.admin, (v) => v.address === `http://127.0.0.1:${moved}/api/v1`);
    expect(await reaches(after.address!)).toBe(200);
    expect(await reaches(on.address!)).toBe('refused');
  });

  it('says why when the port is taken, and stops when turned off', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      expectOk(await lab.admin.call('api/set-settings', { isEnabled: true, port }));
      const refused = await settingsWhen(lab.admin, (v) => v.problem !== null);
      expect(refused).toMatchObject({ address: null, problem: `Port ${port} is used by another program. Choose another port.` });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    const port2 = await freePort();
    expectOk(await lab.admin.call('api/set-settings', { isEnabled: true, port: port2 }));
    const on = await settingsWhen(lab.admin, (v) => v.address !== null);
    expectOk(await lab.admin.call('api/set-settings', { isEnabled: false, port: port2 }));
    await settingsWhen(lab.admin, (v) => v.address === null && !v.isEnabled);
    expect(await reaches(on.address!)).toBe('refused');
  });
});
