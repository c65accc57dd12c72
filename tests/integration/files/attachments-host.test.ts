import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { AttachmentList } from '../../../src-shared/files/attachment-contract';
import { MAX_ATTACHMENT_BYTES } from '../../../src-shared/files/attachment-model';
import { adminInput } from '../support/sqlite-host';
import { openLab } from '../support/lab-people';
import { value, type Client } from '../tasks/project-fixture';
import { attach, bodyText, fileKey, getFile, sendFile, tinyPdf } from './file-fixture';

/**
 * Attachments on a real host and SQLite file: a file sent to the upload route becomes an attachment
 * of a task, stored once under its SHA-256 in the data folder, served only with its hash checked,
 * refused when too large, hidden (not erased) when removed, and out of reach of people who may not
 * read its subject.
 */
let host: Host;
let dataDir: string;
let admin: Client;
let ben: { id: string; client: Client };
let hana: { id: string; client: Client };
let taskId: string;

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const list = async (client: Client, subjectType: string, subjectId: string, stepId?: string) => {
  const subscription = client.subscribe('attachments/list', { subjectType, subjectId, ...(stepId ? { stepId } : {}) });
  const result = await subscription.next<AttachmentList>();
  await client.raw(JSON.stringify({ t: 'unsubscribe', id: subscription.id }));
  return result;
};

beforeAll(async () => {
  let addPerson;
  ({ host, admin, addPerson, dataDir } = await openLab());
  ben = await addPerson('Ben Bench', 'ben@lab.org', ['member']);
  hana = await addPerson('Hana HR', 'hana@lab.org', ['hr']);
  const project = value(await admin.call<{ id: string }>('projects/create', { code: 'QC-1', name: 'Quality control' }));
  taskId = value(await admin.call<{ id: string }>('tasks/create', { projectId: project.id, title: 'Calibrate the balance' })).id;
});
afterAll(async () => host?.close());

describe('attachments on the host', () => {
  it('stores an attached file once under its SHA-256 and lists it with who and when', async () => {
    const pdf = tinyPdf();
    const view = value(await attach(host, admin, { subjectType: 'tasks', subjectId: taskId }, 'Certificate.pdf', pdf, 'application/pdf'));
    expect(view).toMatchObject({ name: 'Certificate.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha(pdf), preview: 'pdf', availability: 'available', addedBy: { name: adminInput.name }, canRemove: true, source: 'upload' });
    const stored = join(dataDir, 'attachments', sha(pdf).slice(0, 2), sha(pdf).slice(2));
    expect(existsSync(stored)).toBe(true);
    // The same content attached again is stored once.
    value(await attach(host, admin, { subjectType: 'tasks', subjectId: taskId }, 'Copy.pdf', pdf));
    const listed = value(await list(admin, 'tasks', taskId));
    expect(listed.items.map((i) => i.name).sort()).toEqual(['Certificate.pdf', 'Copy.pdf']);
    expect(listed.items.find((i) => i.name === 'Copy.pdf')?.mediaType).toBe('application/pdf');
    expect(listed.canAttach).toBe(true);
  });

  it('serves a file only with its hash checked: a damaged file is refused and listed as damaged', async () => {
    const bytes = Buffer.from('line one\nline two\n');
    const view = value(await attach(host, admin, { subjectType: 'tasks', subjectId: taskId }, 'notes.txt', bytes, 'text/plain'));
    const key = await fileKey(admin);
    const served = await getFile(host, key, `/files/attachments/${view.id}`);
    expect(served.status).toBe(200);
    // Not previewable: offered for saving only, never rendered inline.
    expect(served.headers).toMatchObject({ 'Content-Type': 'application/octet-stream', 'X-Content-Type-Options': 'nosniff' });
    expect(served.headers['Content-Disposition']).toContain('attachment; filename="notes.txt"');
    expect(await bodyText(served)).toBe(bytes.toString('latin1'));

    writeFileSync(join(dataDir, 'attachments', view.sha256.slice(0, 2), view.sha256.slice(2)), 'line one\nline 2wo\n');
    const refused = await getFile(host, key, `/files/attachments/${view.id}`);
    expect(refused.status).toBe(409);
    expect(JSON.parse(await bodyText(refused))).toMatchObject({ error: { code: 'file_corrupt' } });
    const listed = value(await list(admin, 'tasks', taskId));
    expect(listed.items.find((i) => i.id === view.id)?.availability).toBe('corrupt');
  });

  it('refuses a file over 50 MB, announced or not, and stores nothing of it', async () => {
    const key = await fileKey(admin);
    const announced = await sendFile(host, key, Buffer.alloc(10), { 'content-length': String(MAX_ATTACHMENT_BYTES + 1) });
    expect(announced.status).toBe(413);
    async function* tooMuch() {
      const chunk = Buffer.alloc(1024 * 1024, 7);
      for (let i = 0; i <= 50; i++) yield chunk;
    }
    const streamed = await sendFile(host, key, tooMuch());
    expect(streamed.status).toBe(413);
    expect(JSON.parse(await bodyText(streamed))).toMatchObject({ error: { code: 'file_too_large' } });
    // Exactly the limit is fine.
    async function* exactly() {
      const chunk = Buffer.alloc(1024 * 1024, 7);
      for (let i = 0; i < 50; i++) yield chunk;
    }
    expect((await sendFile(host, key, exactly())).status).toBe(201);
  });

  it('refuses file requests without a live key, and uploads that are someone else’s', async () => {
    expect((await getFile(host, 'not-a-key', '/files/attachments/x')).status).toBe(401);
    const adminKey = await fileKey(admin);
    const sent = JSON.parse(await bodyText(await sendFile(host, adminKey, Buffer.from('mine')))) as { uploadId: string };
    expect(await ben.client.call('attachments/add', { subjectType: 'tasks', subjectId: taskId, uploadId: sent.uploadId, name: 'stolen.txt' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Signing out ends the key.
    const benKey = await fileKey(ben.client);
    value(await ben.client.call('auth/sign-out', {}));
    expect((await sendFile(host, benKey, Buffer.from('late'))).status).toBe(401);
    value(await ben.client.call('auth/sign-in', { email: 'ben@lab.org', password: 'long enough password' }));
  });

  it('lets only the task’s people attach, and only its author or an administrator remove; removing hides but keeps the bytes', async () => {
    expect(await attach(host, ben.client, { subjectType: 'tasks', subjectId: taskId }, 'mine.txt', Buffer.from('x'))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const pdf = tinyPdf('To be removed');
    const view = value(await attach(host, admin, { subjectType: 'tasks', subjectId: taskId }, 'Old.pdf', pdf));
    expect(await ben.client.call('attachments/remove', { id: view.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    value(await admin.call('attachments/remove', { id: view.id }));
    expect(value(await list(admin, 'tasks', taskId)).items.map((i) => i.id)).not.toContain(view.id);
    expect(existsSync(join(dataDir, 'attachments', sha(pdf).slice(0, 2), sha(pdf).slice(2)))).toBe(true);
    expect((await getFile(host, await fileKey(admin), `/files/attachments/${view.id}`)).status).toBe(404);
  });

  it('hides a removed record’s files from everyone but keeps their bytes and entries for the audit trail', async () => {
    const request = value(await ben.client.call<{ id: string }>('records/create', { kind: 'purchase_request', data: { itemName: 'Pipette set', requesterId: ben.id } }));
    const pdf = tinyPdf('Supplier offer');
    const view = value(await attach(host, ben.client, { subjectType: 'records', subjectId: request.id }, 'Offer.pdf', pdf));
    value(await ben.client.call('records/remove', { id: request.id, reason: 'Ordered through the framework contract instead.' }));
    for (const client of [ben.client, admin]) {
      expect(await list(client, 'records', request.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect((await getFile(host, await fileKey(client), `/files/attachments/${view.id}`)).status).toBe(404);
    }
    expect(await attach(host, ben.client, { subjectType: 'records', subjectId: request.id }, 'Late.pdf', tinyPdf('Late'))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The file's entry is not removed with the record: what was attached, by whom and when stays on record.
    expect((await host.db.activity.findOne(view.id).exec())?.toJSON()).toMatchObject({ subjectId: request.id, personId: ben.id, data: { name: 'Offer.pdf', sha256: sha(pdf) } });
    expect(existsSync(join(dataDir, 'attachments', sha(pdf).slice(0, 2), sha(pdf).slice(2)))).toBe(true);
  });

  it('files what is given at a workflow step on the record the workflow is about, listed by step', async () => {
    const request = value(await ben.client.call<{ id: string }>('records/create', { kind: 'purchase_request', data: { itemName: 'Balance', requesterId: ben.id } }));
    const at = '2026-04-02T10:15:00.000Z';
    const base = { createdAt: at, updatedAt: at, createdBy: 'system', updatedBy: 'system', auditId: 'a', definitionId: 'D-1', code: 'EQUIPMENT_PROCUREMENT', version: 1, status: 'running', eventCount: 0, state: {} };
    await host.db.workflow_instances.insert({ ...base, id: 'WI-REC', entityType: 'records', entityId: request.id });
    await host.db.workflow_instances.insert({ ...base, id: 'WI-FREE', entityType: '', entityId: '' });

    const quote = value(await attach(host, ben.client, { subjectType: 'workflow_instances', subjectId: 'WI-REC', stepId: 'quotes' }, 'Quote.pdf', tinyPdf('Quote')));
    expect(quote.stepId).toBe('quotes');
    const stored = (await host.db.activity.findOne(quote.id).exec())?.toJSON();
    expect(stored).toMatchObject({ subjectType: 'records', subjectId: request.id, data: { workflowInstanceId: 'WI-REC', stepId: 'quotes' } });
    expect(value(await list(ben.client, 'records', request.id)).items.map((i) => i.name)).toEqual(['Quote.pdf']);
    expect(value(await list(ben.client, 'workflow_instances', 'WI-REC', 'quotes')).items.map((i) => i.name)).toEqual(['Quote.pdf']);
    expect(value(await list(ben.client, 'workflow_instances', 'WI-REC', 'approval')).items).toEqual([]);

    // A workflow about nothing keeps its own files.
    const note = value(await attach(host, ben.client, { subjectType: 'workflow_instances', subjectId: 'WI-FREE', stepId: 'notes' }, 'Note.txt', Buffer.from('n')));
    expect((await host.db.activity.findOne(note.id).exec())?.toJSON()).toMatchObject({ subjectType: 'workflow_instances', subjectId: 'WI-FREE' });
  });

  it('keeps an HR record’s files to those who may read the record', async () => {
    const leave = value(await hana.client.call<{ id: string }>('records/create', { kind: 'leave_request', data: { personId: hana.id, leaveType: 'annual', startDate: '2026-05-04', endDate: '2026-05-06', days: 3 } }));
    const view = value(await attach(host, hana.client, { subjectType: 'records', subjectId: leave.id }, 'Medical note.pdf', tinyPdf('Private')));
    expect(await list(ben.client, 'records', leave.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await getFile(host, await fileKey(ben.client), `/files/attachments/${view.id}`)).status).toBe(404);
    expect(await attach(host, ben.client, { subjectType: 'records', subjectId: leave.id }, 'x.txt', Buffer.from('x'))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await getFile(host, await fileKey(hana.client), `/files/attachments/${view.id}`)).status).toBe(200);
  });
});
