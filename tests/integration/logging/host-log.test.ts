import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/logging/logger';
import { createServerLogger } from '../../../sync-server/logger';

const folders: string[] = [];
const freshFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'labflow-log-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const linesOf = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('the host log (pino, src-main/logging)', () => {
  it('rolls over by size, keeping the newest files and dropping the oldest', () => {
    const dir = freshFolder();
    const log = createLogger({ directory: dir, maxBytes: 1_000, keep: 2 });
    for (let i = 0; i < 60; i++) log.info('sample weighed', { sample: `S-${String(i).padStart(3, '0')}` });

    const current = join(dir, 'labflow.log');
    for (const path of [current, join(dir, 'labflow.1.log'), join(dir, 'labflow.2.log')]) {
      expect(readFileSync(path).length).toBeLessThanOrEqual(1_000);
    }
    expect(existsSync(join(dir, 'labflow.3.log'))).toBe(false);
    // Rolled in order: the newest line is last in the current file, the older ones in .1 then .2.
    const samples = [join(dir, 'labflow.2.log'), join(dir, 'labflow.1.log'), current].flatMap((path) => linesOf(path).map((line) => line.sample));
    expect(samples.at(-1)).toBe('S-059');
    expect(samples).toEqual([...samples].sort());
  });

  it('writes one JSON line per entry in the shared format, with secrets redacted', () => {
    const dir = freshFolder();
    createLogger({ directory: dir }).warn('sign-in refused', { personId: 'P-1', password: 'correct horse' });
    const [line] = linesOf(join(dir, 'labflow.log'));
    expect(line).toMatchObject({ level: 'warn', message: 'sign-in refused', service: 'labflow-desktop', personId: 'P-1', password: '[redacted]' });
    expect(line?.time).toMatch(ISO_TIME);
  });

  it('gives an unexpected error an id a person can quote, found in the log with the stack', () => {
    const dir = freshFolder();
    const errorId = createLogger({ directory: dir }).error('handler failed', new Error('disk is full'), { command: 'projects/create' });
    expect(errorId).toMatch(/^E-[0-9A-F]{8}$/);
    const [line] = linesOf(join(dir, 'labflow.log'));
    expect(line).toMatchObject({ level: 'error', errorId, error: 'disk is full', command: 'projects/create', message: 'handler failed' });
    expect(String(line?.stack)).toContain('disk is full');
  });

  it('has the fatal line of an uncaught exception on disk when the process ends right after', async () => {
    const dir = freshFolder();
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'crash-after-log.ts'), dir], { cwd: join(import.meta.dirname, '..', '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    expect(code, stderr).toBe(70);
    const lines = linesOf(join(dir, 'labflow.log'));
    expect(lines.map((line) => [line.level, line.message])).toEqual([['info', 'about to crash'], ['fatal', 'uncaught exception']]);
    const errorId = String(lines[1]?.errorId);
    expect(errorId).toMatch(/^E-[0-9A-F]{8}$/);
    expect(lines[1]?.error).toBe('the balance fell off the bench');
    expect(stderr).toContain(errorId);
  });
});

describe('one format for the host and the sync server', () => {
  it('has the server write the same fields the host writes', () => {
    const serverLines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        serverLines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    createServerLogger('info', sink).warn({ event: 'auth.refused', password: 'secret' }, 'sign-in refused');
    const dir = freshFolder();
    createLogger({ directory: dir }).warn('sign-in refused', { event: 'auth.refused', password: 'secret' });
    const [hostLine] = linesOf(join(dir, 'labflow.log'));
    const [serverLine] = serverLines;

    expect(Object.keys(serverLine ?? {}).sort()).toEqual(Object.keys(hostLine ?? {}).sort());
    expect(serverLine).toMatchObject({ level: 'warn', message: 'sign-in refused', service: 'labflow-sync', password: '[redacted]' });
    expect(serverLine?.time).toMatch(ISO_TIME);
  });
});
