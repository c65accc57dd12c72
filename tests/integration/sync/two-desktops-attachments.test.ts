import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../../sync-server/auth/bootstrap';
import { tempDataDir } from '../support/sqlite-host';
import type { Desktop } from './support/desktop-driver';
import { startTwoDesktops, syncStatus, upToDate, type TwoDesktops } from './support/two-desktops';
import { waitUntil } from './support/wait';

/**
 * An attachment's round trip between two desktops (each a real host in its own process) through a
 * real sync server: PC A attaches a 20 MB file to a task, its upload is cut off after 5 MB and
 * resumes where it stopped; PC B receives the attachment, its download is cut off too and resumes
 * with a Range request; B ends up with the same bytes under the same hash. Each proxy counts the
 * bytes it carried: a transfer that started over would have carried the file and a quarter.
 */
const ada = { name: 'Ada Admin', email: 'ada@lab.org', password: 'ada password 123' };
const ben = { name: 'Ben Bench', email: 'ben@lab.org', password: 'ben password 123' };
const SIZE = 20 * 1024 * 1024;
const CUT = 5 * 1024 * 1024;

let lab: TwoDesktops;
let a: Desktop;
let b: Desktop;

const ok = <T>(result: { ok: boolean; value?: T; error?: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error?.message);
  return result.value as T;
};
const storedPath = (desktop: Desktop, sha256: string) => join(desktop.dataDir, 'attachments', sha256.slice(0, 2), sha256.slice(2));
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  lab = await startTwoDesktops();
  ({ a, b } = lab);
  ok(await a.call('auth/create-administrator', ada));
  const setupToken = (await issueSetupToken(lab.server.db))!;
  ok(await a.call('sync/connect', { serverUrl: lab.proxyA.url, ...ada, setupToken }));
  ok(await a.call('people/create', { ...ben, roles: ['admin'] }));
  await upToDate(a);
  ok(await b.call('auth/create-administrator', ben));
  ok(await b.call('sync/connect', { serverUrl: lab.proxyB.url, email: ben.email, password: ben.password }));
  await upToDate(b);
  // Three processes start (server, two desktops), each compiling LabFlow with tsx: on a loaded 2-core
  // machine that took over a minute. The limit is a hang guard, not a speed check.
}, 240_000);
afterAll(async () => lab?.close());

describe('attachments between two desktops', () => {
  it('travel through the sync server, resuming an upload and a download that were cut off', async () => {
    const project = ok(await a.call<{ id: string }>('projects/create', { code: 'CAL', name: 'Calibration' }));
    const task = ok(await a.call<{ id: string }>('tasks/create', { projectId: project.id, title: 'Calibrate balance 3' }));
    const bytes = randomBytes(SIZE);
    const file = join(tempDataDir(), 'certificate.bin');
    writeFileSync(file, bytes);

    lab.proxyA.cutAfter('up', CUT);
    lab.proxyB.cutAfter('down', CUT);
    const upBefore = lab.proxyA.carried.up;
    const downBefore = lab.proxyB.carried.down;
    const sent = await a.upload(file);
    expect(sent.status).toBe(201);
    ok(await a.call('attachments/add', { subjectType: 'tasks', subjectId: task.id, uploadId: sent.body.uploadId, name: 'Certificate 2026.bin', mediaType: 'application/octet-stream' }));
    expect(existsSync(storedPath(a, sha(bytes)))).toBe(true);

    await waitUntil(async () => existsSync(storedPath(b, sha(bytes))), 'the file on PC B', 40_000).catch((e: unknown) => {
      for (const d of [a, b]) console.log(d.dataDir, readFileSync(join(d.dataDir, 'logs', 'labflow.log'), 'utf8').split('\n').filter((l) => /file|transfer|blob/i.test(l)).slice(-15).join('\n'));
      console.log(JSON.stringify(lab.server.logs.filter((l) => l.level !== 'trace' && l.level !== 'debug').slice(-15)));
      throw e;
    });
    expect(sha(readFileSync(storedPath(b, sha(bytes))))).toBe(sha(bytes));
    // Resumed, not restarted: each way carried the file once, plus a little sync traffic.
    expect(lab.proxyA.carried.up - upBefore).toBeLessThan(SIZE + CUT / 2);
    expect(lab.proxyB.carried.down - downBefore).toBeLessThan(SIZE + CUT / 2);
    expect(lab.server.logs.filter((l) => l.event === 'blob.stored')).toHaveLength(1);

    const listed = ok(await b.query<{ items: { name: string; availability: string; addedBy: { name: string } }[] }>('attachments/list', { subjectType: 'tasks', subjectId: task.id }));
    expect(listed.items).toMatchObject([{ name: 'Certificate 2026.bin', availability: 'available', addedBy: { name: ada.name } }]);
    await upToDate(b);
    expect((await syncStatus(b)).refused).toEqual([]);
    expect(ok(await b.query<{ failed: number; active: unknown[] }>('attachments/transfers', {}))).toMatchObject({ failed: 0, active: [] });
  }, 240_000);
});
