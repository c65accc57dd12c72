/**
 * Attachment transfer benchmark (issue 10's `attachmentSyncRatio`): 200 MB of attachments (four
 * files of 50 MB, the largest allowed) attached on one PC and fetched by another through the sync
 * server — each PC a real host in its own process, the server in its own process on PGlite with its
 * blob folder, all on loopback and on the same disk — compared with a plain copy of the same
 * 200 MB on that disk (read, write, flush to disk, as the hosts and the server store files).
 *
 *   npm run bench:attachments
 *
 * The transfer is timed from the moment the files are attached on PC A (their bytes are already
 * in A's data folder) until the last one is stored, hash checked, on PC B: A's upload, the server's
 * hash check and B's download with its own check. A separate script from bench:records (another
 * engineer's), printing its own JSON line. Goal: attachmentSyncRatio ≤ 3.
 * Prints progress to stderr and ONE JSON object on the last line of stdout.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { startSyncServer } from '../tests/e2e/support/sync-server';
import { startDesktop } from '../tests/integration/sync/support/desktop-driver';

const log = (message: string) => process.stderr.write(message + '\n');
const FILES = 4;
const FILE_BYTES = 50 * 1024 * 1024;
const workDir = mkdtempSync(path.join(os.tmpdir(), 'labflow-bench-attachments-'));

const ok = <T>(result: { ok: boolean; value?: T; error?: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error?.message);
  return result.value as T;
};

async function waitFor(check: () => boolean, what: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The reference: the same files copied on the same disk, each flushed to disk like a stored attachment. */
async function plainCopy(sources: string[]): Promise<number> {
  const started = performance.now();
  for (const source of sources) {
    const target = `${source}.copy`;
    await pipeline(createReadStream(source, { highWaterMark: 1024 * 1024 }), createWriteStream(target));
    const handle = await open(target, 'r+');
    await handle.sync();
    await handle.close();
  }
  return performance.now() - started;
}

async function main() {
  const server = await startSyncServer({ dataDir: path.join(workDir, 'server') });
  log(`sync server at ${server.url}`);
  const env = { LABFLOW_SYNC_RETRY_MS: '100' };
  const [a, b] = await Promise.all([startDesktop(path.join(workDir, 'pc-a'), env), startDesktop(path.join(workDir, 'pc-b'), env)]);
  try {
    const admin = { name: 'Bench Admin', email: 'admin@bench.lab', password: 'bench admin password' };
    ok(await a.call('auth/create-administrator', admin));
    ok(await a.call('sync/connect', { serverUrl: server.url, ...admin, setupToken: server.setupToken }));
    ok(await b.call('auth/create-administrator', admin));
    ok(await b.call('sync/connect', { serverUrl: server.url, email: admin.email, password: admin.password }));
    const project = ok(await a.call<{ id: string }>('projects/create', { code: 'BENCH', name: 'Bench' }));
    const task = ok(await a.call<{ id: string }>('tasks/create', { projectId: project.id, title: 'Large files' }));

    const sources: string[] = [];
    const uploads: { uploadId: string; sha256: string }[] = [];
    for (let i = 0; i < FILES; i++) {
      const file = path.join(workDir, `file-${i}.bin`);
      writeFileSync(file, randomBytes(FILE_BYTES));
      sources.push(file);
      const sent = await a.upload(file);
      if (sent.status !== 201 || !sent.body.uploadId || !sent.body.sha256) throw new Error(`upload to PC A refused: ${JSON.stringify(sent.body)}`);
      uploads.push({ uploadId: sent.body.uploadId, sha256: sent.body.sha256 });
    }
    log(`${FILES} files of ${FILE_BYTES / 1024 / 1024} MB on PC A; attaching`);
    const onB = (sha256: string) => path.join(b.dataDir, 'attachments', sha256.slice(0, 2), sha256.slice(2));

    const started = performance.now();
    for (const [i, upload] of uploads.entries()) {
      ok(await a.call('attachments/add', { subjectType: 'tasks', subjectId: task.id, uploadId: upload.uploadId, name: `file-${i}.bin`, mediaType: 'application/octet-stream' }));
    }
    await waitFor(() => uploads.every((u) => existsSync(onB(u.sha256))), 'the files on PC B');
    const syncMs = performance.now() - started;
    log(`through the sync server: ${Math.round(syncMs)} ms`);
    for (const upload of uploads) {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(onB(upload.sha256))) hash.update(chunk as Buffer);
      if (hash.digest('hex') !== upload.sha256) throw new Error('a file arrived on PC B with the wrong content');
    }

    const copyMs = await plainCopy(sources);
    log(`plain copy: ${Math.round(copyMs)} ms`);
    const megabytes = (FILES * FILE_BYTES) / 1024 / 1024;
    console.log(
      JSON.stringify({
        attachmentSyncRatio: Math.round((syncMs / copyMs) * 100) / 100,
        syncMs: Math.round(syncMs),
        plainCopyMs: Math.round(copyMs),
        megabytes,
        syncMegabytesPerSecond: Math.round((megabytes / (syncMs / 1000)) * 10) / 10,
        goal: { attachmentSyncRatio: 3 },
      }),
    );
  } finally {
    await Promise.all([a.close(), b.close()]);
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
