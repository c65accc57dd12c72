import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { SessionView } from '../../../src-shared/auth/auth-contract';
import { SESSIONS_FILE } from '../../../src-main/auth/session-store-file';
import type { Host } from '../../../src-main/host/create-host';
import { createLogger } from '../../../src-main/logging/logger';
import { ACCESS_TOKEN_FILE, readOrCreateAccessToken } from '../../../src-main/serve/access-token-file';
import { startServeServer, type ServeServer } from '../../../src-main/serve/serve-app';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';

/**
 * A restarted host recognises its open windows and tabs: the serve access token and the sign-ins
 * are kept in the data folder (owner-only), and a browser without the token is told how to get it.
 */
let host: Host | undefined;
let server: ServeServer | undefined;
afterEach(async () => {
  await server?.close();
  await host?.close();
  server = undefined;
  host = undefined;
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('sign-ins outlive a restart of the host', () => {
  it('takes up a sign-in after the host restarts on the same data folder, keeping only a hash of the token', async () => {
    const dataDir = tempDataDir();
    host = await openSqliteHost(dataDir);
    const first = connectTestClient(host);
    const created = await first.call<SessionView>('auth/create-administrator', adminInput);
    if (!created.ok) throw new Error(created.error.message);
    const token = created.value.resumeToken;
    first.close();
    await host.close();

    const file = join(dataDir, SESSIONS_FILE);
    expect(modeOf(file)).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain(token);

    host = await openSqliteHost(dataDir);
    const reopened = connectTestClient(host);
    expect(await reopened.call<SessionView>('auth/resume', { token })).toMatchObject({ ok: true, value: { person: { email: adminInput.email } } });
    expect(await reopened.call('projects/create', { code: 'RST-1', name: 'After a restart' })).toMatchObject({ ok: true });

    // Signing out ends it for the next run too.
    expect(await reopened.call('auth/sign-out')).toMatchObject({ ok: true });
    await host.close();
    host = await openSqliteHost(dataDir);
    expect(await connectTestClient(host).call('auth/resume', { token })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('starts with nobody signed in when the sessions file is damaged or made up', async () => {
    const dataDir = tempDataDir();
    host = await openSqliteHost(dataDir);
    const created = await connectTestClient(host).call<SessionView>('auth/create-administrator', adminInput);
    if (!created.ok) throw new Error(created.error.message);
    await host.close();
    for (const content of ['{not json', JSON.stringify({ [created.value.resumeToken]: { personId: 'x', lastActivityAt: Date.now() } }), '[]']) {
      writeFileSync(join(dataDir, SESSIONS_FILE), content);
      host = await openSqliteHost(dataDir);
      expect(await connectTestClient(host).call('auth/resume', { token: created.value.resumeToken }), content).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      await host.close();
    }
    host = undefined;
  });
});

describe('serve mode’s access token', () => {
  it('is kept in the data folder, owner-only, and the same on the next run; a damaged one is replaced', () => {
    const dataDir = tempDataDir();
    const token = readOrCreateAccessToken(dataDir);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(modeOf(join(dataDir, ACCESS_TOKEN_FILE))).toBe(0o600);
    expect(readOrCreateAccessToken(dataDir)).toBe(token);
    writeFileSync(join(dataDir, ACCESS_TOKEN_FILE), 'short', { mode: 0o644 });
    const replaced = readOrCreateAccessToken(dataDir);
    expect(replaced).not.toBe('short');
    expect(modeOf(join(dataDir, ACCESS_TOKEN_FILE))).toBe(0o600);
  });

  it('lets the page in with the token or its cookie, explains how to get in without, and opens the bridge with the cookie', async () => {
    const dataDir = tempDataDir();
    const renderer = join(dataDir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>LabFlow</title>');
    writeFileSync(join(renderer, 'app.js'), 'console.log(1)');
    host = await openSqliteHost(dataDir);
    const token = readOrCreateAccessToken(dataDir);
    server = await startServeServer({ host, rendererRoot: renderer, listenHost: '127.0.0.1', port: 0, token, log: createLogger({ directory: join(dataDir, 'logs') }) });
    const origin = server.origin;

    const bare = await fetch(`${origin}/`);
    expect(bare.status).toBe(401);
    expect(await bare.text()).toContain('Open LabFlow with the address it gave you');
    expect((await fetch(`${origin}/?token=${'x'.repeat(43)}`)).status).toBe(401);
    expect((await fetch(`${origin}/projects`, { headers: { cookie: 'labflow_access=wrong' } })).status).toBe(401);
    // Scripts and styles are the same for everyone: only the page needs the token.
    expect((await fetch(`${origin}/app.js`)).status).toBe(200);

    const opened = await fetch(`${origin}/?token=${token}`);
    expect(opened.status).toBe(200);
    const cookie = opened.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`labflow_access=${token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await fetch(`${origin}/`, { headers: { cookie: `labflow_access=${token}` } })).status).toBe(200);

    const connect = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${origin.replace('http', 'ws')}/bridge`, { headers: { origin, ...headers } });
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        ws.on('error', () => undefined);
      });
    expect(await connect({ cookie: `labflow_access=${token}` })).toBe(101);
    expect(await connect({ cookie: 'labflow_access=not-the-token' })).toBe(401);
    expect(await connect({})).toBe(401);
  });
});
