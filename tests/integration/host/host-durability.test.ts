import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createHost } from '../../../src-main/host/create-host';
import { createLabStorage } from '../../../src-main/host/lab-storage';
import { createLogger } from '../../../src-main/logging/logger';
import { lockDataFolder } from '../../../src-main/database/data-folder-lock';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';

async function tryOpen(dataDir: string) {
  const { storage, location } = createLabStorage(dataDir);
  return createHost({ storage, databaseLocation: location, log: createLogger({ directory: join(dataDir, 'logs') }), expiryCheckMs: 0 });
}

describe('host on SQLite', () => {
  it('keeps people, projects and audit entries across a restart', async () => {
    const dir = tempDataDir();
    let host = await openSqliteHost(dir);
    let client = connectTestClient(host);
    await client.call('auth/create-administrator', adminInput);
    await client.call('projects/create', { code: 'QC-1', name: 'Stability study' });
    await host.close();

    host = await openSqliteHost(dir);
    client = connectTestClient(host);
    expect(await client.call('auth/sign-in', { email: adminInput.email, password: adminInput.password })).toMatchObject({ ok: true });
    const list = client.subscribe('projects/list');
    expect(await list.next()).toMatchObject({ ok: true, value: [{ code: 'QC-1', name: 'Stability study' }] });
    const audit = client.subscribe('audit/list');
    const entries = await audit.next<{ command: string; actorName: string }[]>();
    expect(entries.ok && entries.value.map((e) => e.command)).toEqual(['projects/create', 'auth/create-administrator']);
    await host.close();
  });

  it('completes a change whose audit entry this PC wrote before a crash, never one that arrived by sync', async () => {
    const dir = tempDataDir();
    const host = await openSqliteHost(dir);
    const client = connectTestClient(host);
    await client.call('auth/create-administrator', adminInput);
    const created = await client.call<{ id: string; auditId: string }>('projects/create', { code: 'QC-2', name: 'Before' });
    if (!created.ok) throw new Error('create failed');
    // What a crash between the two writes leaves: the audit entry of a rename, but not the rename.
    const project = created.value;
    const pcId = String((await host.db.getLocal<{ id: string }>('pc-identity'))?.get('id'));
    const entry = (auditId: string, name: string, writerId: string) => ({
      id: auditId, createdAt: project.auditId, updatedAt: '', createdBy: 'x', updatedBy: 'x', auditId, at: new Date().toISOString(), actorId: 'x', actorName: 'Ada',
      command: 'projects/rename', collectionName: 'projects', recordId: project.id, operation: 'update', changes: [{ field: 'name', old: 'Before', new: name }],
      after: { ...project, name, auditId }, writerId, seq: 0, prevHash: '', hash: '',
    });
    // Written on this PC (its writer names this PC), and, later still, one that arrived by sync from another PC.
    await host.db.audit.insert(entry('ZZZZZZZZZZZZZZZZZZZZZZZZZY', 'After', `${pcId}:x`));
    await host.db.audit.insert(entry('ZZZZZZZZZZZZZZZZZZZZZZZZZZ', 'Forged elsewhere', 'ANOTHER-PC:x'));
    await host.close();

    const reopened = await openSqliteHost(dir);
    const doc = await reopened.db.projects.findOne(project.id).exec();
    expect(doc?.get('name')).toBe('After');
    expect(doc?.get('auditId')).toBe('ZZZZZZZZZZZZZZZZZZZZZZZZZY');
    await reopened.close();
  });

  it('never leaves a change without its audit entry when killed mid-command', async () => {
    const dir = tempDataDir();
    for (let round = 0; round < 4; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/command-writer.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 400));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      const host = await openSqliteHost(dir);
      const projects = await host.db.projects.find().exec();
      const audit = await host.db.audit.find().exec();
      const auditIds = new Set(audit.map((a) => a.id));
      expect(projects.length).toBeGreaterThan(0);
      for (const p of projects) expect(auditIds.has(p.get('auditId') as string), `project ${p.get('code')} has its audit entry`).toBe(true);
      // And every audit entry's change is visible: the latest entry per record is the record's auditId.
      const latest = new Map<string, string>();
      for (const a of audit) if (a.get('collectionName') === 'projects' && (latest.get(a.get('recordId')) ?? '') < a.id) latest.set(a.get('recordId'), a.id);
      for (const p of projects) expect(p.get('auditId')).toBe(latest.get(p.id));
      expect(latest.size).toBe(projects.length);
      await host.close();
    }
  });

  it('refuses a database written by a newer LabFlow, naming the file, and changes nothing', async () => {
    const dir = tempDataDir();
    const host = await openSqliteHost(dir);
    await host.db.upsertLocal('meta', { schemaVersions: { projects: 99 } });
    await host.close();
    const file = join(dir, 'labflow.sqlite');
    const before = readFileSync(file);
    const result = await tryOpen(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(file);
    expect(result.ok || readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a corrupt database file by name and leaves it as it was', async () => {
    const dir = tempDataDir();
    const file = join(dir, 'labflow.sqlite');
    writeFileSync(file, 'this is not a database, it is a lab notebook'.repeat(200));
    const before = readFileSync(file);
    const result = await tryOpen(dir);
    expect(result).toMatchObject({ ok: false, error: { code: 'database_unavailable' } });
    if (!result.ok) expect(result.error.message).toContain(file);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('passes SQLite integrity checks after use', async () => {
    const dir = tempDataDir();
    const host = await openSqliteHost(dir);
    const client = connectTestClient(host);
    await client.call('auth/create-administrator', adminInput);
    await host.close();
    copyFileSync(join(dir, 'labflow.sqlite'), join(dir, 'copy.sqlite'));
    const db = new Database(join(dir, 'labflow.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('lets one host own a data folder at a time', () => {
    const dir = tempDataDir();
    const first = lockDataFolder(dir, process.pid);
    expect(first.ok).toBe(true);
    const second = lockDataFolder(dir, process.pid + 1);
    // Same process id is alive (this process), so a second owner is refused with a clear message.
    expect(second).toMatchObject({ ok: false, error: { code: 'database_unavailable' } });
    if (first.ok) first.value.release();
    expect(lockDataFolder(dir, process.pid + 1).ok).toBe(true);
  });
});
