import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupListEntry, BackupsView } from '../../../src-shared/backup/backup-contract';
import type { Host } from '../../../src-main/host/create-host';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';

/**
 * Settings → Backups through the host's commands: administrators only, the folder checked, a backup
 * taken, listed with its check and verified again, a damaged one refused for restore, bad input refused.
 */
let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const at = (iso: string) => () => new Date(iso);

describe('backups/* commands', () => {
  it('lets an administrator choose a folder, back up, verify, and refuses bad input, members and damaged backups', async () => {
    const dataDir = tempDataDir();
    const folder = await mkdtemp(join(tmpdir(), 'labflow-backups-'));
    const restores: string[] = [];
    host = await openSqliteHost(dataDir, { clock: at('2026-12-07T08:00:00.000Z'), platform: { dataDir, restoreData: (path) => void restores.push(path) } });
    const admin = connectTestClient(host);
    await admin.call('auth/create-administrator', adminInput);

    const initial = await admin.subscribe('backups/overview', {}).next<BackupsView>();
    expect(initial).toMatchObject({ ok: true, value: { folder: join(dataDir, 'backups'), backups: [], running: null, lastRun: null, canRestore: true } });

    expect(await admin.call('backups/set-folder', { folder: 'relative/path' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'folder' } });
    expect(await admin.call('backups/set-folder', { folder: dataDir })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'folder' } });
    expect(await admin.call('backups/set-folder', { folder: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await writeFile(join(folder, 'a-file'), 'not a folder');
    expect(await admin.call('backups/set-folder', { folder: join(folder, 'a-file') })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'folder' } });
    expect(await admin.call('backups/set-folder', { folder })).toMatchObject({ ok: true, value: { folder, folderProblem: null } });

    const taken = await admin.call('backups/create', {});
    expect(taken).toMatchObject({ ok: true, value: { id: 'labflow-2026-12-07T08-00-00-000Z', verification: 'sound', problems: [] } });
    const listed = await admin.subscribe('backups/overview', {}).next<BackupsView>();
    expect(listed.ok && listed.value.backups.map((b) => [b.id, b.verification])).toEqual([['labflow-2026-12-07T08-00-00-000Z', 'sound']]);
    expect(listed.ok && listed.value.lastRun).toMatchObject({ trigger: 'manual', isOk: true });

    expect(await admin.call('backups/verify', { id: '../../etc' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
    expect(await admin.call('backups/verify', { id: 'labflow-2020-01-01T00-00-00-000Z' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await writeFile(join(folder, 'labflow-2026-12-07T08-00-00-000Z', 'labflow.sqlite'), 'not a database');
    const damaged = await admin.call('backups/verify', { id: 'labflow-2026-12-07T08-00-00-000Z' });
    expect(damaged.ok && (damaged.value as BackupListEntry).verification).toBe('damaged');
    expect(await admin.call('backups/restore', { id: 'labflow-2026-12-07T08-00-00-000Z' })).toMatchObject({ ok: false, error: { code: 'file_corrupt' } });
    expect(restores).toEqual([]);

    expect(await admin.call('people/create', { name: 'Mo Member', email: 'mo@lab.org', password: 'another long password', roles: ['member'] })).toMatchObject({ ok: true });
    const member = connectTestClient(host);
    await member.call('auth/sign-in', { email: 'mo@lab.org', password: 'another long password' });
    expect(await member.call('backups/create', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await member.call('backups/restore', { id: 'labflow-2026-12-07T08-00-00-000Z' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
