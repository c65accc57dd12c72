import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_API_PREFIX, type SessionTokens, type WireDocument } from '../../../src-shared/sync/protocol';
import { MAX_ATTACHMENT_BYTES } from '../../../src-shared/files/attachment-model';
import { baseFields, createTeam, editRow, leaveRecord, openTestDatabase, push, startTestServer, team, type TestServer } from './support/test-server';
import { waitUntil } from './support/wait';

/**
 * The sync server's blob endpoint with bad input: a file nobody described, a wrong hash, a file
 * larger than announced or than 50 MB, an upload cut off and resumed, and an HR record's file that
 * only those who may read the record can download.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const auth = (who: keyof typeof team) => ({ authorization: `Bearer ${tokens[who].accessToken}` });

function attachmentDoc(id: string, by: string, subject: { subjectType: string; subjectId: string }, bytes: Buffer, extra: Record<string, unknown> = {}): WireDocument {
  return {
    ...baseFields(id, by),
    kind: 'attachment',
    ...subject,
    at: '2026-01-05T09:00:00.000Z',
    personId: by,
    data: { name: 'file.bin', mediaType: 'application/octet-stream', size: bytes.length, sha256: sha(bytes), source: 'upload', ...extra },
    _deleted: false,
  };
}

const put = (who: keyof typeof team, hash: string, body: Buffer, length = body.length, offset = 0) =>
  server.app.inject({ method: 'PUT', url: `${SYNC_API_PREFIX}/blobs/${hash}`, headers: { ...auth(who), 'content-type': 'application/octet-stream', 'upload-length': String(length), 'upload-offset': String(offset) }, payload: body });
const get = (who: keyof typeof team, hash: string, range?: string) => server.app.inject({ method: 'GET', url: `${SYNC_API_PREFIX}/blobs/${hash}`, headers: { ...auth(who), ...(range ? { range } : {}) } });
const status = async (who: keyof typeof team, hashes: string[]) =>
  (await server.app.inject({ method: 'POST', url: `${SYNC_API_PREFIX}/blobs/status`, headers: auth(who), payload: { sha256: hashes } })).json<{ statuses: { sha256: string; state: string; offset: number }[] }>().statuses;

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), listen: true });
  tokens = await createTeam(server);
});
afterAll(async () => server?.close());

describe('blob endpoint', () => {
  it('takes a described file, checks it, and serves it whole or from a byte on', async () => {
    const bytes = randomBytes(300_000);
    const pushed = await push(server, tokens.member.accessToken, 'activity', [{ newDocumentState: attachmentDoc('AT-1', team.member.id, { subjectType: 'projects', subjectId: 'PRJ-BLOBS' }, bytes) }]);
    expect(pushed.refused).toEqual([]);
    expect(await status('member', [sha(bytes)])).toEqual([{ sha256: sha(bytes), state: 'absent', offset: 0 }]);
    expect((await put('member', sha(bytes), bytes)).statusCode).toBe(201);
    expect((await put('member', sha(bytes), bytes)).statusCode).toBe(200);
    const whole = await get('admin', sha(bytes));
    expect(whole.statusCode).toBe(200);
    expect(sha(whole.rawPayload)).toBe(sha(bytes));
    const tail = await get('admin', sha(bytes), 'bytes=299000-');
    expect(tail.statusCode).toBe(206);
    expect(tail.headers['content-range']).toBe('bytes 299000-299999/300000');
    expect(tail.rawPayload.equals(bytes.subarray(299_000))).toBe(true);
    expect((await get('admin', sha(bytes), 'bytes=0-10')).statusCode).toBe(416);
  });

  it('refuses a file nobody described, a wrong hash, and a size that differs from the description', async () => {
    const stray = randomBytes(1000);
    expect((await put('member', sha(stray), stray)).statusCode).toBe(404);
    expect((await get('member', sha(stray))).statusCode).toBe(404);

    const real = randomBytes(2000);
    await push(server, tokens.member.accessToken, 'activity', [{ newDocumentState: attachmentDoc('AT-2', team.member.id, { subjectType: 'projects', subjectId: 'PRJ-BLOBS' }, real) }]);
    const forged = Buffer.from(real);
    forged[10] = (forged[10]! + 1) % 256;
    const wrong = await put('member', sha(real), forged);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ error: { code: 'file_corrupt' } });
    expect(server.logs.some((l) => l.event === 'blob.wrong_hash')).toBe(true);
    expect(await status('member', [sha(real)])).toEqual([{ sha256: sha(real), state: 'absent', offset: 0 }]);
    expect((await put('member', sha(real), real, real.length + 5)).statusCode).toBe(422);
    // Longer than announced: refused, nothing kept.
    expect((await put('member', sha(real), Buffer.concat([real, Buffer.alloc(10)]), real.length)).statusCode).toBe(413);
    expect((await put('member', sha(real), real)).statusCode).toBe(201);
  });

  it('refuses a file over 50 MB before reading it, and attachment documents that claim one', async () => {
    const big = randomBytes(100);
    const claim = attachmentDoc('AT-3', team.member.id, { subjectType: 'projects', subjectId: 'PRJ-BLOBS' }, big, { size: MAX_ATTACHMENT_BYTES + 1 });
    expect((await push(server, tokens.member.accessToken, 'activity', [{ newDocumentState: claim }])).refused).toMatchObject([{ code: 'forbidden' }]);
    const refused = await put('member', sha(big), big, MAX_ATTACHMENT_BYTES + 1);
    expect(refused.statusCode).toBe(413);
    expect(refused.json()).toMatchObject({ error: { code: 'file_too_large' } });
  });

  it('keeps what arrived of a cut-off upload and resumes from there', async () => {
    const bytes = randomBytes(4 * 1024 * 1024);
    await push(server, tokens.member.accessToken, 'activity', [{ newDocumentState: attachmentDoc('AT-4', team.member.id, { subjectType: 'projects', subjectId: 'PRJ-BLOBS' }, bytes) }]);
    const url = new URL(`${SYNC_API_PREFIX}/blobs/${sha(bytes)}`, server.url);
    // Half the file, then the connection dies.
    await new Promise<void>((resolve) => {
      const req = httpRequest(url, { method: 'PUT', headers: { ...auth('member'), 'content-type': 'application/octet-stream', 'upload-length': String(bytes.length), 'upload-offset': '0' } });
      req.on('error', () => resolve());
      req.write(bytes.subarray(0, bytes.length / 2), () => setTimeout(() => req.destroy(), 50));
      req.on('close', () => resolve());
    });
    const kept = await waitUntil(async () => (await status('member', [sha(bytes)])).find((s) => s.state === 'partial' && s.offset > 0), 'the partial upload');
    expect(kept.offset).toBeLessThanOrEqual(bytes.length / 2);
    // Starting past what the server has would leave a hole.
    expect((await put('member', sha(bytes), bytes.subarray(kept.offset + 10), bytes.length, kept.offset + 10)).statusCode).toBe(409);
    expect((await put('member', sha(bytes), bytes.subarray(kept.offset), bytes.length, kept.offset)).statusCode).toBe(201);
    expect(sha((await get('member', sha(bytes))).rawPayload)).toBe(sha(bytes));
  });

  it('serves an HR record’s file only to those who may read the record', async () => {
    expect((await push(server, tokens.hr.accessToken, 'records', [{ newDocumentState: leaveRecord('L-1', team.member.id, { createdBy: team.hr.id, updatedBy: team.hr.id }) }])).refused).toEqual([]);
    const note = Buffer.from('medical certificate');
    const doc = attachmentDoc('AT-5', team.hr.id, { subjectType: 'records', subjectId: 'L-1' }, note);
    expect((await push(server, tokens.hr.accessToken, 'activity', [{ newDocumentState: doc }])).refused).toEqual([]);
    expect((await put('hr', sha(note), note)).statusCode).toBe(201);
    // The person concerned, their manager and HR read the record; the administrator does not.
    expect((await get('member', sha(note))).statusCode).toBe(200);
    expect((await get('manager', sha(note))).statusCode).toBe(200);
    expect((await get('admin', sha(note))).statusCode).toBe(404);
    expect(await status('admin', [sha(note)])).toEqual([]);
    expect(server.logs.some((l) => l.event === 'authz.refused' && l.action === 'blob-read')).toBe(true);
  });

  it('lets nobody attach in someone else’s name or change a file once described', async () => {
    const bytes = randomBytes(10);
    const theirs = attachmentDoc('AT-6', team.hr.id, { subjectType: 'projects', subjectId: 'PRJ-BLOBS' }, bytes);
    expect((await push(server, tokens.member.accessToken, 'activity', [{ newDocumentState: theirs }])).refused).toMatchObject([{ code: 'forbidden' }]);
    const mine = attachmentDoc('AT-7', team.member.id, { subjectType: 'projects', subjectId: 'PRJ-BLOBS' }, bytes);
    await push(server, tokens.member.accessToken, 'activity', [{ newDocumentState: mine }]);
    // Edits name their audit entry (editRow), so what refuses the swap is the attachment rule.
    const swapped = editRow(mine, { updatedAt: '2026-01-06T09:00:00.000Z', data: { ...(mine.data as object), sha256: sha(randomBytes(10)) } }, team.member.id);
    expect((await push(server, tokens.member.accessToken, 'activity', [swapped])).refused).toMatchObject([{ code: 'forbidden' }]);
    const removed = editRow(mine, { updatedAt: '2026-01-06T09:00:00.000Z', _deleted: true }, team.admin.id);
    expect((await push(server, tokens.admin.accessToken, 'activity', [removed])).refused).toEqual([]);
  });
});
