import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Host } from '../../../src-main/host/create-host';
import { openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** The host as serve mode and the desktop build it: on LabFlow's SQLite storage in a temp folder. */
async function startHost(clock = () => new Date()) {
  const dir = tempDataDir();
  host = await openSqliteHost(dir, { clock });
  return { host, dir: join(dir, 'logs') };
}

describe('the host through the protocol', () => {
  it('creates the administrator once, signs in, and audits the change', async () => {
    const { host } = await startHost();
    const client = connectTestClient(host);
    const status = client.subscribe('auth/status');
    expect(await status.next()).toMatchObject({ ok: true, value: { hasAdministrator: false, session: null } });

    const created = await client.call('auth/create-administrator', { name: 'Ada Admin', email: 'Ada@Lab.org', password: 'correct horse battery' });
    expect(created).toMatchObject({ ok: true, value: { person: { email: 'ada@lab.org', roles: ['admin'] } } });
    expect(await client.call('auth/create-administrator', { name: 'Eve', email: 'eve@lab.org', password: 'correct horse battery' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_state' },
    });

    const audit = await host.db.audit.find().exec();
    expect(audit.map((a) => a.get('command'))).toEqual(['auth/create-administrator']);
    expect(audit[0]?.get('changes')).toContainEqual({ field: 'email', old: null, new: 'ada@lab.org' });
  });

  it('refuses commands before sign-in and bad input with a field', async () => {
    const { host } = await startHost();
    const client = connectTestClient(host);
    expect(await client.call('projects/create', { code: 'QC-1', name: 'x' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await client.call('auth/create-administrator', { name: '', email: 'nope', password: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'name' },
    });
    expect(await client.call('no/such-command')).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  });

  it('lists projects live and ends idle sessions', async () => {
    let now = Date.parse('2026-11-26T10:00:00Z');
    const { host } = await startHost(() => new Date(now));
    const client = connectTestClient(host);
    await client.call('auth/create-administrator', { name: 'Ada', email: 'ada@lab.org', password: 'correct horse battery' });
    const list = client.subscribe('projects/list');
    const first = await list.next();
    expect(first, JSON.stringify(first)).toEqual({ ok: true, value: [] });
    const created = await client.call<{ id: string }>('projects/create', { code: 'qc-2026', name: 'Quality control 2026' });
    expect(created.ok).toBe(true);
    expect(await list.next()).toMatchObject({ ok: true, value: [{ code: 'QC-2026', name: 'Quality control 2026' }] });
    if (!created.ok) return;
    await client.call('projects/set-archived', { id: created.value.id, isArchived: true });
    expect(await list.next()).toEqual({ ok: true, value: [] });

    now += 31 * 60_000;
    expect(await client.call('projects/create', { code: 'QC-2', name: 'Late' })).toMatchObject({ ok: false, error: { code: 'session_expired' } });
    expect(client.messages.some((m) => m.t === 'event' && m.name === 'session/expired')).toBe(true);
  });

  it('turns a handler crash into an error id found in the log', async () => {
    const { host, dir } = await startHost();
    const client = connectTestClient(host);
    await client.call('auth/create-administrator', { name: 'Ada', email: 'ada@lab.org', password: 'correct horse battery' });
    await host.db.projects.remove();
    const result = await client.call('projects/create', { code: 'QC-9', name: 'Broken' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    const errorId = (result.error.details as { errorId: string }).errorId;
    expect(readFileSync(join(dir, 'labflow.log'), 'utf8')).toContain(errorId);
  });
});
