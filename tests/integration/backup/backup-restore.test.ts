import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, listBackups, verifyBackup } from '../../../src-main/backup/backup-files';
import { parseCliArgs } from '../../../src-main/cli/cli-args';
import { runBackupCli } from '../../../src-main/cli/backup-cli';
import type { Host } from '../../../src-main/host/create-host';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';

/**
 * Backups of a real host's data folder (issue 17, item 4): taken online while the host writes,
 * verified against their manifest, a damaged one named as damaged, and restored through the CLI
 * with a backup of what the restore replaced.
 */
let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** Runs `labflow backup …` and returns its exit code and printed lines. */
async function cli(dataDir: string, words: string[], at: string) {
  const lines: string[] = [];
  const args = parseCliArgs(['backup', ...words]);
  if (!args.ok) throw new Error(args.error.message);
  const code = await runBackupCli(args.value, dataDir, { out: (l) => lines.push(l), err: (l) => lines.push(`ERR ${l}`) }, () => new Date(at));
  return { code, text: lines.join('\n') };
}

async function projectNames(dataDir: string): Promise<string[]> {
  host = await openSqliteHost(dataDir);
  const client = connectTestClient(host);
  const signedIn = await client.call('auth/sign-in', { email: adminInput.email, password: adminInput.password });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  const list = await client.subscribe('projects/list').next<{ name: string }[]>();
  client.close();
  await host.close();
  host = undefined;
  return list.ok ? list.value.map((p) => p.name).sort() : [];
}

describe('backup and restore of a data folder', () => {
  it('backs up while the host runs, tells a damaged backup from a sound one, and restores the data with a backup of what it replaced', async () => {
    const dataDir = tempDataDir();
    const backups = await mkdtemp(join(tmpdir(), 'labflow-backups-'));
    host = await openSqliteHost(dataDir);
    const client = connectTestClient(host);
    await client.call('auth/create-administrator', adminInput);
    expect(await client.call('projects/create', { code: 'QC-1', name: 'Stability study' })).toMatchObject({ ok: true });
    // An attachment as the blob store keeps it (a file named by its content's hash): the backup
    // copies the folder as files, so a file is all this test needs there.
    mkdirSync(join(dataDir, 'attachments', 'ab'), { recursive: true });
    writeFileSync(join(dataDir, 'attachments', 'ab', 'cdef-certificate'), 'calibration certificate, balance 3');

    // Online: the host keeps the database open while the backup is taken.
    const first = await createBackup(dataDir, backups, new Date('2026-12-01T02:00:00.000Z'));
    expect(first.problems).toEqual([]);
    expect(first.sizeBytes).toBeGreaterThan(4096);
    const manifest = JSON.parse(await readFile(join(first.path, 'manifest.json'), 'utf8')) as { tables: Record<string, number>; files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toContain(join('attachments', 'ab', 'cdef-certificate'));
    expect(Object.values(manifest.tables).some((n) => n > 0)).toBe(true);

    // After the backup: another project, and the attachment is gone.
    expect(await client.call('projects/create', { code: 'QC-2', name: 'Written after the backup' })).toMatchObject({ ok: true });
    client.close();
    await host.close();
    host = undefined;
    writeFileSync(join(dataDir, 'attachments', 'ab', 'cdef-certificate'), 'overwritten');

    // A second backup through the CLI, then damaged: verify says what is wrong.
    const second = await cli(dataDir, ['create', backups], '2026-12-02T02:00:00.000Z');
    expect(second.code).toBe(0);
    expect(second.text).toMatch(/^ok {5}labflow-2026-12-02T02-00-00-000Z/);
    const secondPath = join(backups, 'labflow-2026-12-02T02-00-00-000Z');
    writeFileSync(join(secondPath, 'attachments', 'ab', 'cdef-certificate'), 'tampered');
    expect(await verifyBackup(secondPath)).toEqual([`${join('attachments', 'ab', 'cdef-certificate')} has changed since the backup was written.`]);
    const verified = await cli(dataDir, ['verify', secondPath], '2026-12-02T03:00:00.000Z');
    expect(verified.code).toBe(1);
    expect(verified.text).toContain('is damaged');
    writeFileSync(join(secondPath, 'labflow.sqlite'), 'not a database at all');
    expect((await verifyBackup(secondPath)).some((p) => p.startsWith('The database cannot be read'))).toBe(true);
    expect(await cli(dataDir, ['verify', first.path], '2026-12-02T03:00:00.000Z')).toMatchObject({ code: 0, text: `The backup ${first.path} is sound.` });

    // A damaged backup is never restored: the data stays as it was.
    const refused = await cli(dataDir, ['restore', secondPath, backups], '2026-12-02T04:00:00.000Z');
    expect(refused.code).toBe(1);
    expect(refused.text).toContain('The backup is damaged and was not restored');
    expect(await projectNames(dataDir)).toEqual(['Stability study', 'Written after the backup']);

    // The sound one is: the data is back as it was, and what it replaced was backed up first.
    const restored = await cli(dataDir, ['restore', first.path, backups], '2026-12-02T05:00:00.000Z');
    expect(restored.code).toBe(0);
    expect(restored.text).toContain('labflow-2026-12-02T05-00-00-000Z');
    expect(await projectNames(dataDir)).toEqual(['Stability study']);
    expect(await readFile(join(dataDir, 'attachments', 'ab', 'cdef-certificate'), 'utf8')).toBe('calibration certificate, balance 3');
    const listed = await listBackups(backups);
    expect(listed.map((b) => b.id)).toEqual(['labflow-2026-12-02T05-00-00-000Z', 'labflow-2026-12-02T02-00-00-000Z', 'labflow-2026-12-01T02-00-00-000Z']);
    expect(await verifyBackup(listed[0]!.path)).toEqual([]);
    expect(readdirSync(backups).some((name) => name.endsWith('.partial'))).toBe(false);
  });

  it('refuses usage errors and a missing backup', async () => {
    const dataDir = tempDataDir();
    expect((await cli(dataDir, ['verify'], '2026-12-01T00:00:00.000Z')).code).toBe(2);
    expect((await cli(dataDir, ['restore'], '2026-12-01T00:00:00.000Z')).code).toBe(2);
    expect((await cli(dataDir, ['shred'], '2026-12-01T00:00:00.000Z')).code).toBe(2);
    const missing = await cli(dataDir, ['verify', join(dataDir, 'no-such-backup')], '2026-12-01T00:00:00.000Z');
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.text).toContain('The backup has no readable manifest.json.');
    expect(await cli(dataDir, ['list', join(dataDir, 'nothing-here')], '2026-12-01T00:00:00.000Z')).toMatchObject({ code: 0, text: `No backups in ${join(dataDir, 'nothing-here')}.` });
  });
});
