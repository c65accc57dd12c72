import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { get } from 'node:http';
import type { Host } from '../../../src-main/host/create-host';
import { createLogger } from '../../../src-main/logging/logger';
import { startServeServer, type ServeServer } from '../../../src-main/serve/serve-app';
import { MAX_MESSAGE_BYTES, type HostMessage } from '../../../src-shared/bridge/protocol';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';

const token = 't'.repeat(32);
let host: Host;
let server: ServeServer;
let renderer: string;

beforeAll(async () => {
  const dir = tempDataDir();
  renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>LabFlow</title>');
  host = await openSqliteHost(dir);
  server = await startServeServer({ host, rendererRoot: renderer, listenHost: '127.0.0.1', port: 0, token, log: createLogger({ directory: join(dir, 'logs') }) });
});
afterAll(async () => {
  await server.close();
  await host.close();
});

const wsUrl = (t = token) => `${server.origin.replace('http', 'ws')}/bridge?token=${t}`;

function open(url = wsUrl(), origin = server.origin): Promise<{ ws: WebSocket; next: () => Promise<HostMessage> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { origin } });
    const inbox: HostMessage[] = [];
    const waiting: ((m: HostMessage) => void)[] = [];
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as HostMessage;
      const waiter = waiting.shift();
      if (waiter) waiter(message);
      else inbox.push(message);
    });
    ws.on('open', () => resolve({ ws, next: () => new Promise((r) => (inbox.length ? r(inbox.shift()!) : waiting.push(r))) }));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

describe('WebSocket bridge (serve mode)', () => {
  it('refuses a connection without the token or from another origin', async () => {
    await expect(open(wsUrl('wrong-token-wrong-token-wrong-tok'))).rejects.toThrow('HTTP 401');
    await expect(open(wsUrl(''))).rejects.toThrow('HTTP 401');
    await expect(open(wsUrl(), 'http://evil.example')).rejects.toThrow('HTTP 401');
  });

  it('answers malformed, oversized, binary and unknown messages with typed errors and keeps serving', async () => {
    const { ws, next } = await open();
    ws.send('{not json');
    expect(await next()).toMatchObject({ t: 'error', error: { code: 'malformed_message' } });
    ws.send(JSON.stringify({ t: 'launch-missiles', id: 'x' }));
    expect(await next()).toMatchObject({ t: 'error', id: 'x', error: { code: 'malformed_message' } });
    ws.send(JSON.stringify({ t: 'call', id: 'big', name: 'auth/sign-in', input: { email: 'a@b.co', password: 'x'.repeat(MAX_MESSAGE_BYTES) } }));
    expect(await next()).toMatchObject({ t: 'error', error: { code: 'message_too_large' } });
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await next()).toMatchObject({ t: 'error', error: { code: 'malformed_message' } });
    ws.send(JSON.stringify({ t: 'call', id: 'u', name: 'reactor/scram', input: {} }));
    expect(await next()).toMatchObject({ t: 'result', id: 'u', result: { ok: false, error: { code: 'unknown_command' } } });
    ws.send(JSON.stringify({ t: 'call', id: 'q', name: 'projects/list', input: {} }));
    expect(await next()).toMatchObject({ t: 'result', id: 'q', result: { ok: false, error: { code: 'unknown_command' } } });
    ws.send(JSON.stringify({ t: 'call', id: 'bad', name: 'auth/create-administrator', input: { name: 42, email: [], password: null } }));
    expect(await next()).toMatchObject({ t: 'result', id: 'bad', result: { ok: false, error: { code: 'invalid_input', field: 'name' } } });
    ws.send(JSON.stringify({ t: 'call', id: 'nosession', name: 'projects/create', input: { code: 'AB-1', name: 'x' } }));
    expect(await next()).toMatchObject({ t: 'result', id: 'nosession', result: { ok: false, error: { code: 'unauthenticated' } } });

    // Still alive: a valid command works on the same socket.
    ws.send(JSON.stringify({ t: 'call', id: 'ok', name: 'auth/create-administrator', input: adminInput }));
    expect(await next()).toMatchObject({ t: 'result', id: 'ok', result: { ok: true } });
    ws.close();
  });

  it('keeps sessions per connection: another socket is not signed in', async () => {
    const { ws, next } = await open();
    ws.send(JSON.stringify({ t: 'call', id: 'p', name: 'projects/create', input: { code: 'AB-2', name: 'x' } }));
    expect(await next()).toMatchObject({ result: { ok: false, error: { code: 'unauthenticated' } } });
    ws.send(JSON.stringify({ t: 'call', id: 's', name: 'auth/sign-in', input: { email: adminInput.email, password: 'nope' } }));
    expect(await next()).toMatchObject({ result: { ok: false, error: { code: 'unauthenticated', field: 'password' } } });
    ws.close();
  });

  it('serves the UI with a strict content security policy and refuses path traversal', async () => {
    // The page needs the access token (restart-sign-in.test.ts); the explanation without it is under the same policy.
    const page = await fetch(`${server.origin}/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${server.origin}/`)).headers.get('content-security-policy')).toContain("script-src 'self'");
    // Raw requests: fetch() would normalise the dots away before sending.
    for (const path of ['/%2e%2e/%2e%2e/etc/passwd.txt', '/../../etc/passwd.txt', '/..%5c..%5cwin.ini']) {
      const status = await new Promise<number | undefined>((resolve) => get({ host: '127.0.0.1', port: Number(new URL(server.origin).port), path }, (res) => resolve(res.statusCode)));
      expect(status, path).toBe(400);
    }
  });
});
