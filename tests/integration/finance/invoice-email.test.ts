import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import type { RecordView } from '../../../src-shared/records/record-contract';
import type { CommentView } from '../../../src-shared/tasks/task-views';
import { createKeyFileSecretStore } from '../../../src-main/security/secret-store';
import { openEquipmentWorld, type EquipmentWorld } from '../equipment/equipment-world';
import { eventually, fastTuning } from '../notifications/support';
import { startSmtpReceiver, type ReceivedMail } from '../notifications/receivers';
import { tempDataDir } from '../support/sqlite-host';
import { value } from '../tasks/project-fixture';

/**
 * "Send invoice" on a real host to a real SMTP server on loopback: the issued invoice reaches the
 * customer's contact with its PDF attached, and that PDF is read as the customer would read it —
 * pdftotext for the letterhead, lines, tax per rate, total, terms, due date and bank details,
 * pdftoppm for a page that renders. A credit note goes the same way. Drafts, people outside finance
 * and customers without an address are refused with a message finance can act on.
 */
const closers: Array<() => Promise<unknown> | unknown> = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

const work = mkdtempSync(join(tmpdir(), 'labflow-invoice-pdf-'));

/** The PDF attached to a received email (the base64 body of its application/pdf part). */
function attachedPdf(mail: ReceivedMail): Buffer {
  const part = /Content-Type: application\/pdf[^]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(mail.raw);
  expect(part, 'the email has a PDF attachment').not.toBeNull();
  return Buffer.from(part![1]!.replace(/\s+/g, ''), 'base64');
}

/** What a reader sees: poppler's text with whitespace collapsed, and how many pages render to images. */
function read(pdf: Buffer, name: string): { text: string; pages: number } {
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, pdf);
  execFileSync('pdftoppm', ['-r', '40', '-png', path, join(work, name)]);
  const pages = readdirSync(work).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).length;
  return { text: execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8').replace(/\s+/g, ' '), pages };
}

const lines = [
  { id: 'l1', description: 'Stability study, 4 batches', quantity: 4, unit: 'batch', unitPriceMinor: 125_000, discountPercent: 0, taxRatePercent: 19 },
  { id: 'l2', description: 'Reference standard', quantity: 2, unit: 'vial', unitPriceMinor: 10_000, discountPercent: 10, taxRatePercent: 7 },
];

describe('invoice email', { timeout: 240_000 }, () => {
  it('sends an issued invoice and a credit note to the customer’s contact with their PDFs on the letterhead', async () => {
    const smtp = await startSmtpReceiver();
    closers.push(smtp.close);
    const dir = tempDataDir();
    const world: EquipmentWorld = await openEquipmentWorld('2026-05-04T09:00:00.000Z', { platform: { secretStore: createKeyFileSecretStore(dir), monotonic: () => performance.now(), notifications: fastTuning } }, dir);
    closers.push(world.close);
    value(await world.admin.call('notifications/set-email-settings', { host: '127.0.0.1', port: smtp.port, tlsMode: 'none', user: 'labflow', password: 'smtp-secret-42', from: 'finance@lab.org', fromName: 'Lab Finance', appUrl: 'https://labflow.lab.org' }));
    value(await world.admin.call('organisation/save', { name: 'Alpine Analytics GmbH', address: 'Seestraße 4, 6020 Innsbruck', taxId: 'ATU12345678', email: 'office@alpine.example', bankDetails: 'Tiroler Bank · IBAN AT61 1904 3002 3457 3201 · BIC TIRBAT2K' }));
    const fay = await world.person('Fay Finance', 'fay@lab.org', ['finance']);
    closers.push(() => fay.client.close());

    const customer = await world.record(world.admin, 'organisation', { name: 'Nordpharma GmbH', roles: ['customer'], email: 'ap@nordpharma.example' });
    const contact = await world.record(world.admin, 'contact', { organisationId: customer.id, firstName: 'Sara', lastName: 'Lind', email: 'sara.lind@nordpharma.example' });
    const silent = await world.record(world.admin, 'organisation', { name: 'No Mail AG', roles: ['customer'] });
    const totals = quotationTotals(lines, 'per_line');
    expect(totals.taxBands.map((b) => b.taxMinor)).toEqual([1_260, 95_000]);
    const draft = await world.record(fay.client, 'invoice', { organisationId: customer.id, contactId: contact.id, currency: 'EUR', lines, total: { amountMinor: totals.grossMinor, currency: 'EUR' }, paymentTermsDays: 14, customerReference: 'PO 4711' });

    // Refusals: bad input, a draft, someone outside finance, a customer without an address.
    expect(await fay.client.call('finance/invoices/send', {})).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
    expect(await fay.client.call('finance/invoices/send', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('Issue the invoice first') } });
    const issued = value(await fay.client.call<RecordView>('finance/invoices/issue', { id: draft.id, issuedOn: '2026-05-04' }));
    expect(await world.ben.client.call('finance/invoices/send', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const unmailable = await world.record(fay.client, 'invoice', { organisationId: silent.id, currency: 'EUR', lines: [lines[0]], total: { amountMinor: 595_000, currency: 'EUR' } });
    value(await fay.client.call('finance/invoices/issue', { id: unmailable.id, issuedOn: '2026-05-04' }));
    expect(await fay.client.call('finance/invoices/send', { id: unmailable.id })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('No Mail AG has no email address') } });

    expect(value(await fay.client.call<{ emailedTo: string }>('finance/invoices/send', { id: draft.id }))).toEqual({ emailedTo: 'sara.lind@nordpharma.example' });
    const mail = await eventually(async () => smtp.mails.find((m) => /^Subject: Invoice INV-2026-0001$/m.test(m.raw)), 60_000);
    expect(mail.to).toEqual(['sara.lind@nordpharma.example']);
    expect(mail.raw).toMatch(/^To: Sara Lind <sara\.lind@nordpharma\.example>$/m);
    expect(mail.raw).toMatch(/Content-Disposition: attachment; filename="?Invoice-INV-2026-0001\.pdf"?/);
    const invoicePdf = read(attachedPdf(mail), 'invoice');
    expect(invoicePdf.pages).toBe(1);
    for (const seen of [
      'Alpine Analytics GmbH', 'Seestraße 4, 6020 Innsbruck', 'Tax id ATU12345678',
      `Invoice ${issued.number}`, 'Issued 4 May 2026 · Due 18 May 2026', 'Bill to', 'Nordpharma GmbH', 'Sara Lind', 'Your reference PO 4711', 'Payment terms 14 days net', 'Due date 18 May 2026',
      'Stability study, 4 batches', '4 batch', 'EUR 1,250.00', 'EUR 5,000.00', 'Reference standard', '10 %', 'EUR 180.00',
      'Net EUR 5,180.00', 'Tax 7 % EUR 12.60', 'Tax 19 % EUR 950.00', 'Total due EUR 6,142.60',
      'Please pay EUR 6,142.60 by 18 May 2026, quoting INV-2026-0001.', 'IBAN AT61 1904 3002 3457 3201', 'Page 1 of 1',
    ]) expect(invoicePdf.text).toContain(seen);
    expect(totals.grossMinor).toBe(614_260);

    // The send is on the invoice's activity.
    const comments = value(await fay.client.subscribe('records/comments', { id: draft.id }).next<CommentView[]>());
    expect(comments.map((c) => c.body)).toEqual(['Emailed INV-2026-0001 to sara.lind@nordpharma.example with Invoice-INV-2026-0001.pdf attached.']);

    // A credit note against it goes to the same contact, and reads as one.
    const credited = value(await fay.client.call<{ creditNote: RecordView }>('finance/invoices/credit', { id: draft.id, description: 'Agreed discount on the study', netMinor: 10_000, taxRatePercent: 19, reason: 'Late report', issuedOn: '2026-05-06' }));
    value(await fay.client.call('finance/invoices/send', { id: credited.creditNote.id }));
    const creditMail = await eventually(async () => smtp.mails.find((m) => /^Subject: Credit note CN-2026-0001$/m.test(m.raw)), 60_000);
    expect(creditMail.to).toEqual(['sara.lind@nordpharma.example']);
    const creditPdf = read(attachedPdf(creditMail), 'credit-note');
    expect(creditPdf.pages).toBe(1);
    for (const seen of ['Alpine Analytics GmbH', 'Credit note CN-2026-0001', 'Issued 6 May 2026 · Corrects invoice INV-2026-0001 of 4 May 2026', 'Credited to', 'Reason Late report', 'Agreed discount on the study', 'Tax 19 % EUR 19.00', 'Total credited EUR 119.00'])
      expect(creditPdf.text).toContain(seen);
    expect(creditPdf.text).not.toContain('Please pay');
  });
});
