import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { GeneratedDocument } from '../../../src-shared/documents/document-contract';
import { formatDocumentDay } from '../../../src-shared/documents/signature-lines';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { bodyText, fileKey, getFile } from '../files/file-fixture';
import { openLab, type SignedInPerson } from '../support/lab-people';
import { value } from '../tasks/project-fixture';
import { fileRequisition, publishHiring, submitAndApprove } from './hiring-lab';

/**
 * The offer letter on a real host: the hiring team writes the offer's terms on the candidate (at
 * interviews or the offer, not before; bad values refused at their field), and the letter prints
 * the post from the requisition with the salary, start date and answer-by date — read back with
 * poppler's pdftotext. A colleague can neither change the terms nor print the letter.
 */
let host: Host;
let hana: SignedInPerson;
let mia: SignedInPerson;
let otto: SignedInPerson;
let candidateId: string;
const password = 'long enough password';
const terms = { offerSalary: { amountMinor: 5_400_000, currency: 'EUR' }, offerStartDate: '2026-06-01', offerRespondBy: '2026-04-20' };

beforeAll(async () => {
  let admin;
  let addPerson;
  ({ host, admin, addPerson } = await openLab());
  hana = await addPerson('Hana HR', 'hana@lab.org', ['hr']);
  mia = await addPerson('Mia Manager', 'mia@lab.org', ['member']);
  otto = await addPerson('Otto Other', 'otto@lab.org', ['member']);
  await publishHiring(admin);
  const { requisition, run } = await fileRequisition(mia);
  value(await mia.client.call('records/update', { id: requisition.id, data: { employmentType: 'fixed_term', location: 'Vienna' } }));
  await submitAndApprove(mia, hana, run.id, password);
  candidateId = value(await hana.client.call<RecordView>('records/create', { kind: 'candidate', data: { requisitionId: requisition.id, hiringManagerId: mia.id, name: 'Clara Chen' } })).id;
});
afterAll(async () => host?.close());

describe('the offer letter', { timeout: 180_000 }, () => {
  it('takes the offer terms only from the interview stage on, from the hiring team, refusing bad values at their field', async () => {
    expect(await mia.client.call('records/update', { id: candidateId, data: terms })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('only while the candidate is Interviews or Offer') } });
    value(await mia.client.call('hr/candidates/move', { id: candidateId, to: 'interviews' }));
    expect(await mia.client.call('records/update', { id: candidateId, data: { ...terms, offerStartDate: '2026-02-30' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.offerStartDate' } });
    expect(await mia.client.call('records/update', { id: candidateId, data: { ...terms, offerSalary: { amountMinor: 1.5, currency: 'EUR' } } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await otto.client.call('records/update', { id: candidateId, data: terms })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    value(await mia.client.call('records/update', { id: candidateId, data: terms }));
    value(await mia.client.call('hr/candidates/move', { id: candidateId, to: 'offer' }));
  });

  it('prints the post, the salary, the start and the answer-by date', async () => {
    const generated = value(await hana.client.call<GeneratedDocument>('documents/generate', { subjectType: 'records', subjectId: candidateId, template: 'offer_letter' }));
    expect(generated).toMatchObject({ name: expect.stringMatching(/^CAN-2026-\d{4} Offer letter\.pdf$/), pages: 1 });
    const response = await getFile(host, await fileKey(hana.client), `/files/documents/${generated.draftId}`);
    expect(response.status).toBe(200);
    const pdf = join(mkdtempSync(join(tmpdir(), 'labflow-offer-')), 'offer.pdf');
    writeFileSync(pdf, Buffer.from(await bodyText(response), 'latin1'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
    for (const expected of ['Offer of employment: Analytical chemist', 'Dear Clara Chen,', 'Fixed term', 'Vienna', formatDocumentDay('2026-06-01'), 'EUR 54,000.00', `Please let us know by ${formatDocumentDay('2026-04-20')}`]) {
      expect(text).toContain(expected);
    }
  });

  it('is not printed for a colleague', async () => {
    expect(await otto.client.call('documents/generate', { subjectType: 'records', subjectId: candidateId, template: 'offer_letter' })).toMatchObject({ ok: false });
  });
});
