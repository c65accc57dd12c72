import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from '../workflows/workflow-fixtures';
import { tinyPdf } from '../files/file-fixture';
import { openApiLab, type ApiLab } from './support/api-fixture';

/**
 * File bytes over the public API (src-shared/api/file-byte-routes.ts): an integrator uploads a
 * certificate, attaches it to a record with the generated `attachments/add` route and reads it back
 * byte for byte — with the token's scopes and the person's read scope exactly as for every other
 * route, and hostile requests (no token, wrong scope, strange ids, an oversized body) refused with a
 * problem document and nothing stored.
 */

let lab: ApiLab;
let adminToken: string;
let taskId: string;
let leaveId: string;
const pdf = tinyPdf('Calibration certificate 2026-118');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Uploads `bytes` with `token` and attaches them to the subject; the new attachment's id. */
async function attachOverApi(token: string, subject: { subjectType: string; subjectId: string }, name: string, bytes: Uint8Array): Promise<string> {
  const upload = await lab.callBytes(token, 'POST', '/attachments/uploads', bytes, { 'content-type': 'application/pdf' });
  expect(upload.status).toBe(201);
  expect(upload.body).toMatchObject({ sha256: sha(bytes), size: bytes.length });
  const added = await lab.call(token, 'POST', '/attachments/add', { ...subject, uploadId: upload.body!.uploadId, name });
  expect(added.status).toBe(200);
  return added.body.id as string;
}

/** An upload that says it is 60 MB and sends a kilobyte: the answer, read from the raw socket. */
function declaredTooLarge(): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const sent = request(`${lab.base}/attachments/uploads`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/octet-stream', 'content-length': String(60 * 1024 * 1024) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, ...(JSON.parse(text) as Record<string, unknown>) }));
    });
    sent.on('error', reject);
    sent.write(Buffer.alloc(1024));
  });
}

beforeAll(async () => {
  lab = await openApiLab();
  adminToken = await lab.tokenFor('admin');
  const project = expectOk(await lab.admin.call<{ id: string }>('projects/create', { code: 'CAL-1', name: 'Calibration campaign' }));
  taskId = expectOk(await lab.admin.call<{ id: string }>('tasks/create', { projectId: project.id, title: 'Calibrate the balance' })).id;
  const head = await lab.clientOf('head');
  leaveId = expectOk(await head.call<{ id: string }>('records/create', { kind: 'leave_request', data: { personId: lab.ids.head, startDate: '2026-08-03', endDate: '2026-08-07', days: 5 } })).id;
}, 120_000);
afterAll(async () => lab?.close());

describe('file bytes over the API', () => {
  it('uploads a file, attaches it to a task and reads back the same bytes, inline or as a download', async () => {
    const id = await attachOverApi(adminToken, { subjectType: 'tasks', subjectId: taskId }, 'Certificate 2026-118.pdf', pdf);
    const read = await lab.callBytes(adminToken, 'GET', `/attachments/${id}/content`);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('application/pdf');
    expect(sha(read.bytes)).toBe(sha(pdf));
    const download = await lab.callBytes(adminToken, 'GET', `/attachments/${id}/content?download=true`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="Certificate 2026-118.pdf"/);
    // The attachment is listed on the task like one added in the app, by the token's person.
    const listed = await lab.call(adminToken, 'GET', `/attachments?subjectType=tasks&subjectId=${taskId}`);
    expect(listed.body.items).toEqual([expect.objectContaining({ id, name: 'Certificate 2026-118.pdf', sha256: sha(pdf) })]);
  });

  it('keeps a file to those who may read its record: a member’s token cannot read a file on someone else’s leave request', async () => {
    const head = await lab.tokenFor('head');
    const id = await attachOverApi(head, { subjectType: 'records', subjectId: leaveId }, 'Medical note.pdf', tinyPdf('Medical note'));
    expect((await lab.callBytes(head, 'GET', `/attachments/${id}/content`)).status).toBe(200);
    const member = await lab.tokenFor('member');
    const refused = await lab.callBytes(member, 'GET', `/attachments/${id}/content`);
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ code: 'not_found' });
    expect(refused.bytes.toString('utf8')).not.toContain('Medical note');
  });

  it('asks for the attachments scope: a projects-only token may neither upload nor read', async () => {
    const token = await lab.tokenFor('admin', ['projects:write']);
    const upload = await lab.callBytes(token, 'POST', '/attachments/uploads', pdf, { 'content-type': 'application/pdf' });
    expect(upload.status).toBe(403);
    expect(upload.body).toMatchObject({ code: 'forbidden', detail: expect.stringContaining('attachments:write') });
    const readOnly = await lab.tokenFor('admin', ['attachments:read']);
    expect((await lab.callBytes(readOnly, 'POST', '/attachments/uploads', pdf)).status).toBe(403);
  });

  it('refuses hostile requests with a problem and stores nothing', async () => {
    const before = await lab.auditCount();
    expect((await lab.callBytes(undefined, 'POST', '/attachments/uploads', pdf)).status).toBe(401);
    expect((await lab.callBytes('lf_not-a-token', 'GET', '/attachments/anything/content')).status).toBe(401);
    for (const id of ['no-such-file', '..%2F..%2Fetc%2Fpasswd', '%00', 'x'.repeat(81)]) {
      const answer = await lab.callBytes(adminToken, 'GET', `/attachments/${id}/content`);
      expect(answer.status, id).toBe(404);
      expect(answer.body, id).toMatchObject({ status: 404 });
    }
    // A body declared larger than 50 MB is refused before a byte of it is read.
    expect(await declaredTooLarge()).toMatchObject({ status: 413, code: 'file_too_large' });
    // An upload with no body, and an upload nobody attaches, change no record.
    expect((await lab.callBytes(adminToken, 'POST', '/attachments/uploads')).status).toBe(422);
    const generated = await lab.callBytes(adminToken, 'GET', '/documents/no-such-draft/content');
    expect(generated.status).toBe(404);
    expect(await lab.auditCount()).toBe(before);
  });
});
