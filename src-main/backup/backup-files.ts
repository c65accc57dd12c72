import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { applyRetention, DEFAULT_RETENTION, type RetentionPolicy } from '../../src-shared/backup/retention';
import type { BackupStep } from '../../src-shared/backup/backup-contract';
import { DATABASE_NAME } from '../database/open-database';

/**
 * Backups of a data folder: the database through SQLite's online backup API (better-sqlite3's
 * `db.backup()`, consistent while LabFlow keeps writing), the attachments folder and the key that
 * opens stored secrets, into `<folder>/labflow-<time>/` with a manifest. Each backup is verified
 * after writing: `PRAGMA integrity_check`, the row count of every table, and every attachment's
 * size and SHA-256 against the manifest.
 */

const DATABASE_FILE = `${DATABASE_NAME}.sqlite`;
const ATTACHMENTS = 'attachments';
/** Stored secrets (webhook keys, SMTP passwords) are encrypted with it: a database without it cannot read them. */
const EXTRA_FILES = ['secret.key'];
const MANIFEST = 'manifest.json';

export interface BackupManifest {
  format: 1;
  takenAt: string;
  tables: Record<string, number>;
  files: { path: string; size: number; sha256: string }[];
  sizeBytes: number;
}

export interface BackupEntry {
  id: string;
  path: string;
  takenAt: string;
  sizeBytes: number;
  /** What is wrong with it, in words: empty when it is sound (or, from `listBackups`, not yet verified). */
  problems: string[];
}

const sha256Of = async (path: string): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
};

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && !relative(root, join(e.parentPath, e.name)).startsWith('incoming')).map((e) => join(e.parentPath, e.name));
}

function tableCounts(databasePath: string): Record<string, number> {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** Takes a backup of `dataDir` into a new folder under `backupRoot`, verifies it, and returns it; `onStep` hears each step begin. */
export async function createBackup(dataDir: string, backupRoot: string, now: Date, onStep: (step: BackupStep) => void = () => undefined): Promise<BackupEntry> {
  const id = `labflow-${stampOf(now)}`;
  const target = join(backupRoot, id);
  const partial = `${target}.partial`;
  await mkdir(partial, { recursive: true });
  onStep('database');
  const source = new Database(join(dataDir, DATABASE_FILE), { fileMustExist: true });
  try {
    await source.backup(join(partial, DATABASE_FILE));
  } finally {
    source.close();
  }
  const files: BackupManifest['files'] = [];
  const copy = async (from: string, path: string) => {
    await mkdir(join(partial, path, '..'), { recursive: true });
    await copyFile(from, join(partial, path));
    files.push({ path, size: (await stat(from)).size, sha256: await sha256Of(from) });
  };
  onStep('attachments');
  for (const file of await filesUnder(join(dataDir, ATTACHMENTS))) await copy(file, relative(dataDir, file));
  for (const name of EXTRA_FILES) if (await stat(join(dataDir, name)).catch(() => null)) await copy(join(dataDir, name), name);
  const databaseSize = (await stat(join(partial, DATABASE_FILE))).size;
  const manifest: BackupManifest = {
    format: 1, takenAt: now.toISOString(), tables: tableCounts(join(partial, DATABASE_FILE)), files,
    sizeBytes: databaseSize + files.reduce((n, f) => n + f.size, 0),
  };
  await writeFile(join(partial, MANIFEST), JSON.stringify(manifest, null, 2));
  // Only a complete backup gets its final name: a crash mid-way leaves a `.partial` folder, never a listed backup.
  await rename(partial, target);
  onStep('verifying');
  return { id, path: target, takenAt: manifest.takenAt, sizeBytes: manifest.sizeBytes, problems: await verifyBackup(target) };
}

/** Checks a backup against its manifest; returns what is wrong, in words (empty when sound). */
export async function verifyBackup(path: string): Promise<string[]> {
  const manifest = await readManifest(path);
  if (!manifest) return ['The backup has no readable manifest.json.'];
  const problems: string[] = [];
  try {
    const db = new Database(join(path, DATABASE_FILE), { readonly: true, fileMustExist: true });
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') problems.push(`The database fails SQLite's integrity check: ${String(integrity)}.`);
    } finally {
      db.close();
    }
    const counts = tableCounts(join(path, DATABASE_FILE));
    for (const [table, count] of Object.entries(manifest.tables)) {
      if (counts[table] !== count) problems.push(`Table ${table} holds ${counts[table] ?? 'no'} rows; the backup wrote ${count}.`);
    }
  } catch (error) {
    problems.push(`The database cannot be read: ${error instanceof Error ? error.message : String(error)}.`);
  }
  for (const file of manifest.files) {
    const found = await stat(join(path, file.path)).catch(() => null);
    if (!found) problems.push(`${file.path} is missing.`);
    else if (found.size !== file.size || (await sha256Of(join(path, file.path))) !== file.sha256) problems.push(`${file.path} has changed since the backup was written.`);
  }
  return problems;
}

async function readManifest(path: string): Promise<BackupManifest | null> {
  try {
    const parsed = JSON.parse(await readFile(join(path, MANIFEST), 'utf8')) as Partial<BackupManifest>;
    return parsed.format === 1 && typeof parsed.takenAt === 'string' && parsed.tables && Array.isArray(parsed.files) ? (parsed as BackupManifest) : null;
  } catch {
    return null;
  }
}

/** The backups in `backupRoot`, newest first (unverified: `problems` is empty until `verifyBackup`). */
export async function listBackups(backupRoot: string): Promise<BackupEntry[]> {
  const entries = await readdir(backupRoot, { withFileTypes: true }).catch(() => []);
  const backups: BackupEntry[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith('labflow-') || entry.name.endsWith('.partial')) continue;
    const manifest = await readManifest(join(backupRoot, entry.name));
    backups.push({ id: entry.name, path: join(backupRoot, entry.name), takenAt: manifest?.takenAt ?? '', sizeBytes: manifest?.sizeBytes ?? 0, problems: manifest ? [] : ['The backup has no readable manifest.json.'] });
  }
  return backups.sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1));
}

/** Removes the backups retention does not keep; returns their ids. */
export async function pruneBackups(backupRoot: string, policy: RetentionPolicy = DEFAULT_RETENTION): Promise<string[]> {
  const sound = (await listBackups(backupRoot)).filter((b) => b.takenAt !== '');
  const { remove } = applyRetention(sound, policy);
  for (const id of remove) await rm(join(backupRoot, id), { recursive: true, force: true });
  return remove;
}

/**
 * Puts a verified backup in place of the data folder's database, attachments and key, after taking
 * a backup of the current state into `backupRoot` (so a restore can itself be undone). The caller
 * holds the data folder's lock: nothing may have the database open.
 */
export async function restoreBackup(dataDir: string, backupPath: string, backupRoot: string, now: Date): Promise<{ safetyBackup: BackupEntry }> {
  const problems = await verifyBackup(backupPath);
  if (problems.length > 0) throw new Error(`The backup is damaged and was not restored: ${problems.join(' ')}`);
  const safetyBackup = await createBackup(dataDir, backupRoot, now);
  const manifest = (await readManifest(backupPath)) as BackupManifest;
  for (const suffix of ['', '-wal', '-shm']) await rm(join(dataDir, `${DATABASE_FILE}${suffix}`), { force: true });
  await copyFile(join(backupPath, DATABASE_FILE), join(dataDir, DATABASE_FILE));
  await rm(join(dataDir, ATTACHMENTS), { recursive: true, force: true });
  for (const file of manifest.files) {
    await mkdir(join(dataDir, file.path, '..'), { recursive: true });
    await copyFile(join(backupPath, file.path), join(dataDir, file.path));
  }
  return { safetyBackup };
}
