import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { AttachmentView } from '../../../src-shared/files/attachment-contract';
import type { GeneratedDocument, OrganisationView } from '../../../src-shared/documents/document-contract';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { loadDocumentData } from '../../../src-main/documents/document-data';
import { openLab } from '../support/lab-people';
import { value, type Client } from '../tasks/project-fixture';
import { bodyText, fileKey, getFile, sendFile } from '../files/file-fixture';

/**
 * Generated documents on a real host: the organisation's letterhead (Settings → Organisation, only
 * administrators), a purchase request with its e-signatures and a long record summary over several
 * pages, checked as a reader would see them — their text with poppler's pdftotext and every page
 * rendered with pdftoppm — and kept as immutable attachments.
 */
let host: Host;
let admin: Client;
let ben: { id: string; client: Client };
let work: string;
let addPerson: Awaited<ReturnType<typeof openLab>>['addPerson'];

// A 1×1 PNG, as a logo.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function pdfOf(client: Client, generated: GeneratedDocument): Promise<string> {
  const response = await getFile(host, await fileKey(client), `/files/documents/${generated.draftId}`);
  expect(response.status).toBe(200);
  expect(response.headers['Content-Type']).toBe('application/pdf');
  const path = join(work, `${generated.draftId}.pdf`);
  writeFileSync(path, Buffer.from(await bodyText(response), 'latin1'));
  return path;
}

const textOf = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');

/** Renders every page; returns how many images pdftoppm wrote. */
function renderPages(pdf: string): number {
  const prefix = join(work, `page-${Math.random().toString(36).slice(2)}`);
  execFileSync('pdftoppm', ['-r', '40', '-png', pdf, prefix]);
  return readdirSync(work).filter((f) => f.startsWith(prefix.split('/').pop()!) && f.endsWith('.png')).length;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'labflow-pdf-'));
  ({ host, admin, addPerson } = await openLab());
  ben = await addPerson('Łukasz Dvořák', 'ben@lab.org', ['member']);
});
afterAll(async () => host?.close());

// Rendering a PDF is CPU-bound (the first also parses the font): on a loaded 2-core machine one
// test took 50 s. The limit is a hang guard, not a speed check.
describe('organisation and documents', { timeout: 180_000 }, () => {
  it('lets only administrators set up the organisation, with a logo', async () => {
    const input = { name: 'Nordlicht Analytik GmbH', address: 'Laborstraße 5, 1010 Wien', taxId: 'ATU12345678', defaultCurrency: 'eur' };
    expect(await ben.client.call('organisation/save', input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.call('organisation/save', { ...input, defaultCurrency: 'euro' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.defaultCurrency' } });
    const sent = JSON.parse(await bodyText(await sendFile(host, await fileKey(admin), PNG))) as { uploadId: string };
    const saved = value(await admin.call<OrganisationView>('organisation/save', { ...input, logoUploadId: sent.uploadId, logoMediaType: 'image/png' }));
    expect(saved.profile).toMatchObject({ name: 'Nordlicht Analytik GmbH', defaultCurrency: 'EUR', taxId: 'ATU12345678' });
    expect(saved.profile?.logoAttachmentId).toBeTruthy();
    const seen = await ben.client.subscribe('organisation/get', {}).next<OrganisationView>();
    expect(value(seen)).toMatchObject({ canEdit: false, profile: { name: 'Nordlicht Analytik GmbH' } });
  });

  it('prints a purchase request with letterhead, its e-signatures and page numbers, and keeps it unchanged', async () => {
    const record = value(await ben.client.call<RecordView>('records/create', { kind: 'purchase_request', data: { itemName: 'Analytical balance XPR205', quantity: 2, requesterId: ben.id, estimatedCost: { amountMinor: 1_245_000, currency: 'EUR' }, justification: 'The old balance failed calibration.' } }));
    // A finished approval of this request, as the workflow runtime records it (signed events).
    const at = '2026-04-02T10:15:00.000Z';
    const base = { createdAt: at, updatedAt: at, createdBy: 'system', updatedBy: 'system', auditId: 'a' };
    await host.db.workflow_instances.insert({ ...base, id: 'WI-1', definitionId: 'D-1', code: 'EQUIPMENT_PROCUREMENT', version: 1, status: 'completed', entityType: 'records', entityId: record.id, eventCount: 2, state: {} });
    await host.db.workflow_events.insert({ ...base, id: 'WI-1-000001', instanceId: 'WI-1', at, type: 'vote_recorded', data: { instanceId: 'WI-1', seq: 1, stepId: 'manager_approval', action: 'approve', signature: { meaning: 'approved', signerName: 'Mia Manager', signedAt: at } } });
    const templates = value(await ben.client.subscribe('documents/templates', { subjectType: 'records', subjectId: record.id }).next<{ id: string }[]>());
    expect(templates.map((t) => t.id)).toEqual(['purchase_request', 'record_summary']);

    const generated = value(await ben.client.call<GeneratedDocument>('documents/generate', { subjectType: 'records', subjectId: record.id, template: 'purchase_request' }));
    expect(generated).toMatchObject({ name: `${record.number} Purchase request.pdf`, pages: 1 });
    const pdf = await pdfOf(ben.client, generated);
    const text = textOf(pdf);
    for (const expected of ['Nordlicht Analytik GmbH', 'Laborstraße 5, 1010 Wien', 'Tax id ATU12345678', `Purchase request ${record.number}`, 'Analytical balance XPR205', 'EUR 12,450.00', 'Łukasz Dvořák', 'The old balance failed calibration.', 'Approved by Mia Manager', 'meaning: Approved', 'Page 1 of 1']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Signed 2 Apr 2026, \d\d:15/);
    expect(renderPages(pdf)).toBe(1);

    const kept = value(await ben.client.call<AttachmentView>('documents/keep', { draftId: generated.draftId }));
    expect(kept).toMatchObject({ source: 'generated', template: 'purchase_request', number: record.number, mediaType: 'application/pdf', size: generated.size, name: generated.name });
    // A draft is kept once; after that it is an attachment that never changes.
    expect(await ben.client.call('documents/keep', { draftId: generated.draftId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await getFile(host, await fileKey(ben.client), `/files/attachments/${kept.id}`)).status).toBe(200);
  });

  it('prints any record as a summary over as many pages as it needs, each numbered', async () => {
    const long = Array.from({ length: 280 }, (_, i) => `Step ${i + 1}: weigh.`).join('\n');
    const record = value(await ben.client.call<RecordView>('records/create', { kind: 'purchase_request', data: { itemName: 'Fume hood', requesterId: ben.id, description: long } }));
    const generated = value(await ben.client.call<GeneratedDocument>('documents/generate', { subjectType: 'records', subjectId: record.id, template: 'record_summary' }));
    expect(generated.pages).toBeGreaterThan(1);
    const pdf = await pdfOf(ben.client, generated);
    const text = textOf(pdf);
    expect(text).toContain(`Page 1 of ${generated.pages}`);
    expect(text).toContain(`Page ${generated.pages} of ${generated.pages}`);
    expect(text).toContain('No electronic signatures have been given on this record yet.');
    expect(renderPages(pdf)).toBe(generated.pages);
  });

  it('prints a provisional number as a draft and keeps a document only with the record’s final number', async () => {
    const record = value(await ben.client.call<RecordView>('records/create', { kind: 'purchase_request', data: { itemName: 'pH meter', requesterId: ben.id } }));
    // As on a team PC that has not synced yet (record-numbering.ts): the number is this PC's provisional one.
    const provisional = `${record.number.replace(/-\d+$/, '')}-K7Q2-0001`;
    await (await host.db.records.findOne(record.id).exec())!.incrementalPatch({ number: provisional, numberState: 'provisional' });
    const draft = value(await ben.client.call<GeneratedDocument>('documents/generate', { subjectType: 'records', subjectId: record.id, template: 'purchase_request' }));
    expect(textOf(await pdfOf(ben.client, draft)).replace(/\s+/g, ' ')).toContain(`Draft: ${provisional} is a provisional number`);
    expect(draft.cannotKeepReason).toContain(`provisional number ${provisional}`);
    const refused = await ben.client.call('documents/keep', { draftId: draft.draftId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(JSON.stringify(refused)).toContain(`provisional number ${provisional}`);

    // The server's final number arrives. The draft printed before it still shows the provisional
    // one: refused again, but still there to be saved. Printed now, it is kept with the final number.
    await (await host.db.records.findOne(record.id).exec())!.incrementalPatch({ number: record.number, numberState: 'final' });
    expect(await ben.client.call('documents/keep', { draftId: draft.draftId })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect((await getFile(host, await fileKey(ben.client), `/files/documents/${draft.draftId}`)).status).toBe(200);
    const again = value(await ben.client.call<GeneratedDocument>('documents/generate', { subjectType: 'records', subjectId: record.id, template: 'purchase_request' }));
    expect(again.cannotKeepReason).toBeUndefined();
    expect(textOf(await pdfOf(ben.client, again))).not.toContain('provisional');
    expect(value(await ben.client.call<AttachmentView>('documents/keep', { draftId: again.draftId }))).toMatchObject({ number: record.number, source: 'generated' });
    const files = value(await ben.client.subscribe('attachments/list', { subjectType: 'records', subjectId: record.id }).next<{ items: AttachmentView[] }>());
    expect(files.items.map((f) => f.number)).toEqual([record.number]);
  });

  it('gives a template the records under its record that the person may read, oldest first (a history card)', async () => {
    const hana = await addPerson('Hana HR', 'hana@lab.org', ['hr']);
    const create = (client: Client, kind: string, data: Record<string, unknown>) => client.call<RecordView>('records/create', { kind, data }).then(value);
    const parent = await create(ben.client, 'purchase_request', { itemName: 'HPLC', requesterId: ben.id });
    const later = await create(ben.client, 'purchase_request', { itemName: 'Column', requesterId: ben.id });
    const earlier = await create(ben.client, 'purchase_request', { itemName: 'Guard cartridge', requesterId: ben.id });
    const privateChild = await create(hana.client, 'leave_request', { personId: hana.id, leaveType: 'annual', startDate: '2026-08-03', endDate: '2026-08-04', days: 2 });
    // Hung under the parent by hand: the declared kinds have no parent column yet (equipment will).
    for (const [child, date] of [[later, '2026-03-02'], [earlier, '2026-01-15'], [privateChild, '2026-02-01']] as const) {
      await (await host.db.records.findOne(child.id).exec())!.incrementalPatch({ parentId: parent.id, date });
    }
    const loaded = await loadDocumentData(host.db, null, { subjectType: 'records', subjectId: parent.id, personId: ben.id, now: new Date('2026-04-01T00:00:00Z') });
    expect(loaded.ok && loaded.value.data.subject.children.map((c) => c.id)).toEqual([earlier.id, later.id]);
    const forHr = await loadDocumentData(host.db, null, { subjectType: 'records', subjectId: parent.id, personId: hana.id, now: new Date('2026-04-01T00:00:00Z') });
    expect(forHr.ok && forHr.value.data.subject.children.map((c) => c.id)).toEqual([earlier.id, privateChild.id, later.id]);
  });

  it('refuses templates that do not fit and subjects the person may not read', async () => {
    const leave = value(await ben.client.call<RecordView>('records/create', { kind: 'purchase_request', data: { itemName: 'Centrifuge', requesterId: ben.id } }));
    expect(await ben.client.call('documents/generate', { subjectType: 'records', subjectId: leave.id, template: 'no_such_template' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'template' } });
    expect(await ben.client.call('documents/generate', { subjectType: 'records', subjectId: 'missing', template: 'record_summary' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ben.client.call('documents/keep', { draftId: 'D-nothing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
