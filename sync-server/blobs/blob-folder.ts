import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { blobPathParts } from '../../src-shared/files/attachment-model';

/**
 * The sync server's attachment bytes: a folder beside its data (`<data-dir>/blobs`, or
 * `--blob-dir`), content-addressed like the PCs' stores (`ab/cdef…`). Why files and not PostgreSQL
 * large objects: the bytes stream straight from the socket to disk and back with Range reads and
 * appends, they stay out of the WAL, backups and the embedded PGlite (whose one connection would be
 * held for a whole 50 MB transfer), and a transfer never holds a transaction open. The database
 * keeps only the documents that describe files and decide who reads them (blob-descriptions.ts).
 * Several server processes share the folder (a shared volume); a file is renamed into place only
 * after its hash is checked, so a reader never sees a half or wrong file.
 *
 * An upload arrives in `partial/<sha256>`, appended to by successive attempts; whatever arrived
 * before a cut connection stays there for the next attempt.
 */
export interface BlobFolder {
  readonly root: string;
  /** The stored file's size, or null when it is not complete here. */
  storedSize(sha256: string): Promise<number | null>;
  /** Bytes an interrupted upload kept (after any attempt still writing has finished). */
  partialSize(sha256: string): Promise<number>;
  /**
   * Bytes of the file arrived so far, for a status answer: while an upload still streams in, what
   * is there now (waiting for it held every status request, and so every download of the files
   * already stored, until the slowest upload asked about ended); an attempt that broke off is
   * waited for, like partialSize, so the answer is where it ended.
   */
  arrivedSize(sha256: string): Promise<number>;
  /**
   * Appends `body`, which starts at byte `offset` of the file (at most the partial file's end),
   * without going past `length`.
   * When the file is whole, checks its hash: stored on a match, dropped on a mismatch.
   */
  append(sha256: string, body: Readable, offset: number, length: number): Promise<AppendOutcome>;
  read(sha256: string, start: number): ReadStream;
}

export type AppendOutcome =
  | { kind: 'stored' }
  | { kind: 'incomplete'; received: number }
  | { kind: 'too_long' }
  | { kind: 'wrong_hash'; actual: string };

export function createBlobFolder(root: string): BlobFolder {
  const partialDir = join(root, 'partial');
  const pathOf = (sha256: string): string => {
    const parts = blobPathParts(sha256);
    if (!parts) throw new Error(`Not a SHA-256: ${sha256}`);
    return join(root, ...parts);
  };
  const partialOf = (sha256: string) => {
    pathOf(sha256);
    return join(partialDir, sha256);
  };
  // One upload per file at a time in this process; a second one waits its turn.
  const busy = new Map<string, Promise<unknown>>();
  /** Uploads whose bytes are still arriving (their connection is open). */
  const streaming = new Set<string>();

  async function appendNow(sha256: string, body: Readable, offset: number, length: number): Promise<AppendOutcome> {
    await mkdir(partialDir, { recursive: true });
    const partial = partialOf(sha256);
    // An earlier attempt may have kept more than the sender knew (bytes in flight when it was cut,
    // or another attempt that went first): those bytes are the same file, so they are skipped.
    const current = (await stat(partial).catch(() => null))?.size ?? 0;
    if (current < offset) {
      body.resume();
      return { kind: 'incomplete', received: current };
    }
    const hash = createHash('sha256');
    if (current > 0) for await (const chunk of createReadStream(partial, { end: current - 1, highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) hash.update(chunk);
    const out = createWriteStream(partial, { flags: current > 0 ? 'r+' : 'w', start: current });
    const closed = new Promise<void>((resolve, reject) => {
      out.once('close', resolve);
      out.once('error', reject);
    });
    let position = offset;
    let received = current;
    let isTooLong = false;
    streaming.add(sha256);
    try {
      for await (const incoming of body as AsyncIterable<Buffer>) {
        const chunk = position < current ? incoming.subarray(Math.min(incoming.length, current - position)) : incoming;
        position += incoming.length;
        if (chunk.length === 0) continue;
        received += chunk.length;
        if (received > length) {
          isTooLong = true;
          break;
        }
        hash.update(chunk);
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
      }
    } catch {
      // The connection broke off: keep what arrived for the next attempt.
    } finally {
      streaming.delete(sha256);
    }
    out.end();
    await closed;
    if (isTooLong) {
      await rm(partial, { force: true });
      return { kind: 'too_long' };
    }
    if (received < length) return { kind: 'incomplete', received };
    const actual = hash.digest('hex');
    if (actual !== sha256) {
      await rm(partial, { force: true });
      return { kind: 'wrong_hash', actual };
    }
    const handle = await open(partial, 'r+');
    await handle.sync().finally(() => handle.close());
    const target = pathOf(sha256);
    await mkdir(join(target, '..'), { recursive: true });
    await rename(partial, target);
    return { kind: 'stored' };
  }

  return {
    root,
    async storedSize(sha256) {
      const info = await stat(pathOf(sha256)).catch(() => null);
      return info ? info.size : null;
    },
    async partialSize(sha256) {
      // An attempt still writing (its connection just broke) is waited for, so the answer is where it ended.
      await busy.get(sha256)?.catch(() => undefined);
      const info = await stat(partialOf(sha256)).catch(() => null);
      return info ? info.size : 0;
    },
    async arrivedSize(sha256) {
      if (!streaming.has(sha256)) await busy.get(sha256)?.catch(() => undefined);
      const info = await stat(partialOf(sha256)).catch(() => null);
      return info ? info.size : 0;
    },
    async append(sha256, body, offset, length) {
      const before = busy.get(sha256) ?? Promise.resolve();
      const run = before.catch(() => undefined).then(() => appendNow(sha256, body, offset, length));
      busy.set(sha256, run);
      try {
        return await run;
      } finally {
        if (busy.get(sha256) === run) busy.delete(sha256);
      }
    },
    read: (sha256, start) => createReadStream(pathOf(sha256), { start, highWaterMark: 1024 * 1024 }),
  };
}
