import type { Readable } from 'node:stream';
import type { AppError, Result } from '../../src-shared/core/result';
import { MAX_ATTACHMENT_BYTES, previewKindOf, tooLargeMessage } from '../../src-shared/files/attachment-model';
import type { Logger } from '../logging/logger';
import type { BlobStore } from './blob-store';
import type { FileAccess } from './file-access';
import type { UploadStaging } from './upload-staging';

/**
 * The host's file routes, apart from any transport: serve mode's HTTP server and the desktop's
 * app:// protocol both turn their requests into a `FileRequest` and send back the `FileResponse`
 * (src-main/serve/file-routes-plugin.ts, src-main/electron/app-protocol.ts). Who before what: the key
 * (file-access.ts) names the person, then the path and the person's right to the file are checked.
 *
 * - `POST /files/uploads?key=…` — the body is a file of at most 50 MB; answers `{uploadId, sha256, size}`.
 * - `GET /files/attachments/<id>?key=…[&download=1]` — an attachment, its hash checked first.
 * - `GET /files/documents/<id>?key=…[&download=1]` — a document generated for this person, not kept yet.
 *
 * The public API reaches the same routes as a token's person (`answerFor`), under its own paths.
 */
export const FILE_ROUTE_PREFIX = '/files/';

export interface FileRequest {
  method: string;
  /** Path and query, e.g. `/files/attachments/A1?key=…`. */
  url: string;
  headers: Record<string, string | undefined>;
  body: AsyncIterable<Uint8Array> | null;
}

export interface FileResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Readable | null;
}

/** A file a person may read: where its bytes are and how to present them. */
export interface ServedFile {
  name: string;
  mediaType: string;
  size: number;
  /** Stored attachments: checked against their hash before a byte is sent. */
  sha256?: string;
  /** Generated drafts: a file of their own. */
  open?: () => Readable;
}

export interface FileRouteDeps {
  access: FileAccess;
  blobs: BlobStore | null;
  uploads: UploadStaging;
  /** The attachment with this id if `personId` may read it. */
  attachment(personId: string, id: string): Promise<Result<ServedFile>>;
  /** A generated document of this person's, not kept yet. */
  draft(personId: string, id: string): Result<ServedFile>;
  clock: () => Date;
  log: Logger;
}

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private, no-store',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Opened on its own, a file runs nothing and loads nothing.
  'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
};

const json = (status: number, value: unknown): FileResponse => ({
  status,
  headers: { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8' },
  body: JSON.stringify(value),
});
const problem = (status: number, error: AppError): FileResponse => json(status, { error });

const statusOf: Partial<Record<AppError['code'], number>> = {
  not_found: 404, forbidden: 403, unauthenticated: 401, file_too_large: 413, file_corrupt: 409, file_missing: 404, invalid_input: 400, invalid_state: 409,
};

/** `filename*` per RFC 6266/5987, with an ASCII fallback, so any name survives the header. */
export function contentDisposition(name: string, isDownload: boolean): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${isDownload ? 'attachment' : 'inline'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function createFileRoutes(deps: FileRouteDeps) {
  async function upload(request: FileRequest, personId: string): Promise<FileResponse> {
    if (!deps.blobs) return problem(409, { code: 'invalid_state', message: 'This LabFlow has no data folder for files.' });
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_ATTACHMENT_BYTES) return problem(413, { code: 'file_too_large', message: tooLargeMessage('This file', declared) });
    if (!request.body) return problem(400, { code: 'invalid_input', message: 'Send the file as the request body.' });
    const received = await deps.blobs.receive(request.body);
    if (!received.ok) return problem(statusOf[received.error.code] ?? 400, received.error);
    const uploadId = deps.uploads.add(personId, received.value, deps.clock());
    return json(201, { uploadId, sha256: received.value.sha256, size: received.value.size });
  }

  async function serve(file: ServedFile, isDownload: boolean, method: string): Promise<FileResponse> {
    let body: Readable | null = null;
    if (file.sha256 !== undefined) {
      if (!deps.blobs) return problem(404, { code: 'file_missing', message: 'This LabFlow has no data folder for files.' });
      const state = await deps.blobs.verify(file.sha256, file.size);
      if (state === 'missing') return problem(404, { code: 'file_missing', message: `“${file.name}” is not on this PC yet. It comes from the sync server when this PC is online.` });
      if (state === 'corrupt') {
        deps.log.warn('a stored attachment does not match its hash', { sha256: file.sha256 });
        return problem(409, { code: 'file_corrupt', message: `“${file.name}” is damaged on this PC: its content no longer matches the file that was attached. It is not shown.` });
      }
      if (method !== 'HEAD') body = deps.blobs.read(file.sha256);
    } else if (file.open && method !== 'HEAD') body = file.open();
    const isInline = !isDownload && previewKindOf(file.mediaType) !== 'none';
    return {
      status: 200,
      headers: {
        ...securityHeaders,
        'Content-Type': isInline ? file.mediaType : 'application/octet-stream',
        'Content-Length': String(file.size),
        'Content-Disposition': contentDisposition(file.name, !isInline),
      },
      body,
    };
  }

  /** A request made as `personId`, whoever vouched for them (a window's file key, an API token). */
  async function answerFor(personId: string, request: FileRequest): Promise<FileResponse> {
    const url = new URL(request.url, 'http://host.invalid');
    const parts = url.pathname.slice(FILE_ROUTE_PREFIX.length).split('/');
    const isDownload = url.searchParams.get('download') === '1';
    try {
      if (parts.length === 1 && parts[0] === 'uploads') {
        return request.method === 'POST' ? await upload(request, personId) : problem(405, { code: 'invalid_input', message: 'Send files with POST.' });
      }
      if (parts.length !== 2 || !parts[1] || (request.method !== 'GET' && request.method !== 'HEAD')) return problem(404, { code: 'not_found', message: 'No such file route.' });
      const id = decodeURIComponent(parts[1]);
      const found = parts[0] === 'attachments' ? await deps.attachment(personId, id) : parts[0] === 'documents' ? deps.draft(personId, id) : null;
      if (!found) return problem(404, { code: 'not_found', message: 'No such file route.' });
      if (!found.ok) return problem(statusOf[found.error.code] ?? 400, found.error);
      return await serve(found.value, isDownload, request.method);
    } catch (error) {
      const errorId = deps.log.error('a file request failed', error, { path: url.pathname.slice(0, 120) });
      return problem(500, { code: 'internal', message: `The file could not be handled (error ${errorId}).` });
    }
  }

  /** A request from the app: its `key` names the person (file-access.ts). */
  async function handle(request: FileRequest): Promise<FileResponse> {
    const key = new URL(request.url, 'http://host.invalid').searchParams.get('key');
    const personId = deps.access.personOf(key, deps.clock().getTime());
    if (!personId) return problem(401, { code: 'unauthenticated', message: 'Sign in again to see files.' });
    return answerFor(personId, request);
  }
  // The public API answers as the token's person (src-main/api/file-bytes-plugin.ts).
  return Object.assign(handle, { answerFor });
}

export type FileRouteHandler = ReturnType<typeof createFileRoutes>;
/** What a transport needs: a request from the app, answered (the key in it names the person). */
export type AppFileRoutes = (request: FileRequest) => Promise<FileResponse>;
