import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { blobPathParts, MAX_ATTACHMENT_BYTES, tooLargeMessage } from '../../src-shared/files/attachment-model';

/**
 * The attachment bytes of one data folder, content-addressed: `<root>/ab/cdef…` holds the file
 * whose SHA-256 is `abcdef…`. Files arrive in `<root>/incoming/` (an upload from the UI, a download
 * from the sync server, a generated document), are hashed while they are written, flushed to disk,
 * and only then renamed into place, so a crash never leaves a half file under a hash's name. Files
 * are never changed or deleted once stored: removing an attachment hides it, its bytes stay for
 * the audit trail.
 */

export type BlobState = 'available' | 'missing' | 'corrupt';

export interface ReceivedFile {
  /** Where the bytes wait until `commit` (or `discard`). */
  path: string;
  sha256: string;
  size: number;
}

export interface ReceiveOptions {
  maxBytes?: number;
  /** Name shown in the too-large message. */
  name?: string;
  /** Continue this incoming file (a resumed download): its bytes are hashed first, then the new ones appended. */
  appendTo?: string;
  /** Write this incoming file from its start (a download that may be resumed later). */
  writeTo?: string;
  /** Told the size of every chunk as it is written (progress). */
  onBytes?: (bytes: number) => void;
}

export interface BlobStore {
  readonly root: string;
  pathOf(sha256: string): string | null;
  /** Writes a stream to an incoming file, hashing it; refuses (and removes) one that grows past `maxBytes`. */
  receive(source: AsyncIterable<Uint8Array>, options?: ReceiveOptions): Promise<Result<ReceivedFile>>;
  /** The incoming file a download of this blob resumes into. */
  downloadPath(sha256: string): string;
  /** Bytes an incoming file holds so far (0 when there is none). */
  partialSize(path: string): Promise<number>;
  /** Moves a received file to its hash's place (or drops it when that content is stored already). */
  commit(file: ReceivedFile): Promise<void>;
  discard(path: string): Promise<void>;
  /**
   * Whether the stored file is there and still has its hash. The answer is remembered for the
   * file's size and modification time, so a file is hashed again only when it changed on disk.
   */
  check(sha256: string, size: number): Promise<BlobState>;
  /** Hashes the stored file now, whatever was remembered: what serving a file relies on. */
  verify(sha256: string, size: number): Promise<BlobState>;
  /** The last known state without reading the file (undefined when never checked). */
  knownState(sha256: string): BlobState | undefined;
  /** Reads a stored file (check it first). */
  read(sha256: string, start?: number): ReadStream;
}

export async function hashFile(path: string, start = 0, end?: number): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { start, ...(end !== undefined ? { end: end - 1 } : {}), highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

export function createBlobStore(root: string): BlobStore {
  const incoming = join(root, 'incoming');
  const checked = new Map<string, { size: number; mtimeMs: number; state: BlobState }>();

  const pathOf = (sha256: string): string | null => {
    const parts = blobPathParts(sha256);
    return parts ? join(root, ...parts) : null;
  };

  return {
    root,
    pathOf,
    downloadPath(sha256) {
      if (!blobPathParts(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
      return join(incoming, `download-${sha256}`);
    },

    partialSize: async (path) => (await stat(path).catch(() => null))?.size ?? 0,

    async receive(source, options = {}) {
      const maxBytes = options.maxBytes ?? MAX_ATTACHMENT_BYTES;
      await mkdir(incoming, { recursive: true });
      const path = options.appendTo ?? options.writeTo ?? join(incoming, `upload-${randomBytes(9).toString('hex')}`);
      const hash = createHash('sha256');
      let size = 0;
      if (options.appendTo) {
        const earlier = await stat(path).catch(() => null);
        if (earlier) {
          for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
          size = earlier.size;
        }
      }
      const out = createWriteStream(path, { flags: options.appendTo ? 'a' : 'w' });
      const closed = new Promise<void>((resolve, reject) => {
        out.once('close', resolve);
        out.once('error', reject);
      });
      try {
        for await (const chunk of source) {
          size += chunk.byteLength;
          if (size > maxBytes) {
            out.destroy();
            await closed.catch(() => undefined);
            await rm(path, { force: true });
            return fail('file_too_large', tooLargeMessage(options.name ?? 'This file', size));
          }
          hash.update(chunk);
          if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
          options.onBytes?.(chunk.byteLength);
        }
        out.end();
        await closed;
      } catch (error) {
        // The source broke off (a cut connection): what arrived stays for a resumed transfer.
        out.end();
        await closed.catch(() => undefined);
        throw error;
      }
      await flush(path);
      return ok({ path, sha256: hash.digest('hex'), size });
    },

    async commit(file) {
      const target = pathOf(file.sha256);
      if (!target) throw new Error(`Not a SHA-256: ${file.sha256}`);
      const existing = await stat(target).catch(() => null);
      if (existing && existing.size === file.size && (await this.check(file.sha256, file.size)) === 'available') {
        await rm(file.path, { force: true });
        return;
      }
      await mkdir(join(target, '..'), { recursive: true });
      // A damaged copy under the hash's name is replaced by the good one just received.
      await rename(file.path, target);
      // Hashed as it arrived: known good until it changes on disk.
      const info = await stat(target);
      checked.set(file.sha256, { size: info.size, mtimeMs: info.mtimeMs, state: info.size === file.size ? 'available' : 'corrupt' });
    },

    discard: (path) => rm(path, { force: true }),

    async check(sha256, size) {
      const path = pathOf(sha256);
      const info = path ? await stat(path).catch(() => null) : null;
      if (!path || !info) {
        checked.delete(sha256);
        return 'missing';
      }
      const known = checked.get(sha256);
      if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known.state;
      const state: BlobState = info.size === size && (await hashFile(path)).sha256 === sha256 ? 'available' : 'corrupt';
      checked.set(sha256, { size: info.size, mtimeMs: info.mtimeMs, state });
      return state;
    },

    async verify(sha256, size) {
      checked.delete(sha256);
      return this.check(sha256, size);
    },

    knownState: (sha256) => checked.get(sha256)?.state,

    read(sha256, start = 0) {
      const path = pathOf(sha256);
      if (!path) throw new Error(`Not a SHA-256: ${sha256}`);
      return createReadStream(path, { start, highWaterMark: 1024 * 1024 });
    },
  };
}

/** Flushes a written file to disk, so an acknowledged attachment survives a power cut. */
async function flush(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
