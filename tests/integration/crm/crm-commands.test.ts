import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadImportProgress, PipelineView } from '../../../src-shared/crm/crm-contract';
import { quotationDiscountApproval } from '../../../src-shared/crm/discount-approval-workflow';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { connectTestClient } from '../support/test-client';
import { value } from '../tasks/project-fixture';
import { openEquipmentWorld, PASSWORD, type EquipmentWorld, type Person } from '../equipment/equipment-world';

/** A PDF's text as a reader sees it (poppler's pdftotext), whitespace collapsed. */
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString().replace(/\s+/g, ' ');

/**
 * Selling on a real host: a qualified lead converted into organisation + contact + opportunity in
 * one command, a quotation sent as a PDF by email through the outbox, revised, accepted and turned
 * into a sales order linked both ways — and every command refusing bad input, the wrong person and
 * the wrong status with a message a sales person can act on.
 */
let world: EquipmentWorld;
let sam: Person;
async function salesPerson(name: string, email: string, roles: string[]): Promise<Person> {
  const id = value(await world.admin.call<{ id: string }>('people/create', { name, email, password: PASSWORD, roles })).id;
  const client = connectTestClient(world.host);
  value(await client.call('auth/sign-in', { email, password: PASSWORD }));
  return { id, client };
}
beforeAll(async () => {
  world = await openEquipmentWorld('2026-05-04T09:00:00.000Z');
  sam = await salesPerson('Sam Sales', 'sam@lab.org', ['sales']);
});
afterAll(async () => {
  sam?.client.close();
  await world?.close();
});

const lines = [
  { id: 'l1', description: 'Stability study, 40 batches', quantity: 40, unit: 'batch', unitPriceMinor: 125_000, discountPercent: 5, taxRatePercent: 19 },
  { id: 'l2', description: 'Report in English', quantity: 1, unit: 'each', unitPriceMinor: 30_000, discountPercent: 0, taxRatePercent: 19 },
];
const gross = quotationTotals(lines, 'per_line').grossMinor;

describe('crm commands', { timeout: 240_000 }, () => {
  it('takes a lead to an order', async () => {
    const lead = await world.record(sam.client, 'lead', { companyName: 'Nordpharma GmbH', firstName: 'Ines', lastName: 'Weber', email: 'ines.weber@nordpharma.example', source: 'trade_show', interest: 'Stability testing' });
    const opportunity = { name: 'Nordpharma stability 2026', stageId: 'qualification', value: { amountMinor: 5_000_000, currency: 'EUR' }, expectedCloseOn: '2026-07-31' };

    // Bad input and the wrong status are refused before anything is written.
    expect(await sam.client.call('crm/leads/convert', { id: lead.id, opportunity: { ...opportunity, expectedCloseOn: 'soon' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await sam.client.call('crm/leads/convert', { id: lead.id, opportunity })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('qualify it first') } });
    await world.transition(sam.client, lead.id, 'qualified');
    expect(await sam.client.call('crm/leads/convert', { id: lead.id, opportunity: { ...opportunity, stageId: 'dreaming' } })).toMatchObject({ ok: false, error: { field: 'opportunity.stageId' } });
    expect(await world.ben.client.call('crm/leads/convert', { id: lead.id, opportunity })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await sam.client.call('crm/leads/convert', { id: lead.id, organisationId: 'no-such-organisation', opportunity })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'organisationId' } });
    expect(await world.host.db.records.count({ selector: { kind: { $in: ['organisation', 'contact', 'opportunity'] } } }).exec()).toBe(0);

    const converted = value(await sam.client.call<{ lead: RecordView; organisationId: string; contactId: string; opportunity: RecordView }>('crm/leads/convert', { id: lead.id, opportunity }));
    expect(converted.lead).toMatchObject({ status: 'converted', data: { convertedOrganisationId: converted.organisationId, convertedContactId: converted.contactId, convertedOpportunityId: converted.opportunity.id } });
    expect(converted.opportunity).toMatchObject({ number: 'OPP-2026-0001', data: { organisationId: converted.organisationId, contactId: converted.contactId, probabilityPercent: 10, ownerId: sam.id } });
    const organisation = value(await sam.client.subscribe('records/get', { id: converted.organisationId }).next<RecordView>());
    expect(organisation).toMatchObject({ title: 'Nordpharma GmbH', data: { roles: ['customer'] } });
    expect(await sam.client.call('crm/leads/convert', { id: lead.id, opportunity })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });

    const board = value(await sam.client.subscribe('crm/pipeline', {}).next<PipelineView>());
    expect(board.stages.map((s) => s.id)).toEqual(['qualification', 'needs_analysis', 'proposal', 'negotiation']);
    expect(board.open).toEqual([expect.objectContaining({ id: converted.opportunity.id, organisationName: 'Nordpharma GmbH', ownerName: 'Sam Sales', stageId: 'qualification' })]);
    expect(value(await world.ben.client.subscribe('crm/pipeline', {}).next<PipelineView>()).open).toEqual([]);

    const quotation = await world.record(sam.client, 'quotation', {
      organisationId: converted.organisationId, contactId: converted.contactId, opportunityId: converted.opportunity.id, ownerId: sam.id, currency: 'EUR', lines, total: { amountMinor: gross, currency: 'EUR' }, validUntil: '2026-06-03',
    });
    expect(await sam.client.call('crm/quotations/send', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await world.ben.client.call('crm/quotations/send', { id: quotation.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await sam.client.call('crm/quotations/revise', { id: quotation.id, validUntil: '2026-06-30' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });

    const sent = value(await sam.client.call<{ quotation: RecordView; emailedTo: string }>('crm/quotations/send', { id: quotation.id }));
    expect(sent).toMatchObject({ quotation: { status: 'sent', number: 'QUO-2026-0001' }, emailedTo: 'ines.weber@nordpharma.example' });
    const outbox = (await world.host.db.notifications.find({ selector: { kind: 'outbox' } }).exec()).map((d) => d.toJSON() as { data: { to: string; subject: string; text: string; attachments: { filename: string; contentBase64: string }[] } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.data).toMatchObject({ to: 'ines.weber@nordpharma.example', subject: 'Quotation QUO-2026-0001', text: expect.stringContaining('Dear Ines Weber') });
    const pdf = Buffer.from(outbox[0]!.data.attachments[0]!.contentBase64, 'base64');
    expect(outbox[0]!.data.attachments[0]!.filename).toBe('Quotation-QUO-2026-0001.pdf');
    const printed = pdfText(pdf);
    expect(printed).toContain('Quotation QUO-2026-0001');
    expect(printed).toContain('Nordpharma GmbH');
    expect(printed).toContain('Stability study, 40 batches');
    // No discount went through approval: the customer sees no approval block.
    expect(printed).not.toContain('Discount approv');
    expect(await sam.client.call('crm/quotations/send', { id: quotation.id })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('make a revision') } });

    // A revision: a new draft with the same offer; sending it supersedes the first.
    const revision = value(await sam.client.call<RecordView>('crm/quotations/revise', { id: quotation.id, validUntil: '2026-06-30' }));
    expect(revision).toMatchObject({ status: 'draft', data: { revision: 2, revisionOfId: quotation.id, validUntil: '2026-06-30', lines: [{ id: 'l1' }, { id: 'l2' }] } });
    value(await sam.client.call('crm/quotations/send', { id: revision.id }));
    expect(value(await sam.client.subscribe('records/get', { id: quotation.id }).next<RecordView>()).status).toBe('superseded');

    expect(await sam.client.call('crm/quotations/order', { id: revision.id, orderedOn: '2026-05-10' })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: 'Only an accepted quotation becomes an order.' } });
    value(await sam.client.call('records/update', { id: revision.id, data: { decidedOn: '2026-05-10' } }));
    await world.transition(sam.client, revision.id, 'accepted');
    expect(await sam.client.call('crm/quotations/order', { id: revision.id, orderedOn: '10 May' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const ordered = value(await sam.client.call<{ quotation: RecordView; order: RecordView }>('crm/quotations/order', { id: revision.id, orderedOn: '2026-05-10', customerReference: 'PO 4711' }));
    expect(ordered.order).toMatchObject({ kind: 'sales_order', number: 'SO-2026-0001', data: { quotationId: revision.id, customerReference: 'PO 4711', total: { amountMinor: gross }, lines: [{ deliveredQuantity: 0 }, { deliveredQuantity: 0 }] } });
    expect(ordered.quotation.data).toMatchObject({ orderId: ordered.order.id });
    const links = value(await sam.client.subscribe('records/links', { id: revision.id }).next<{ id: string }[]>());
    expect(links.map((l) => l.id)).toContain(ordered.order.id);
    expect(await sam.client.call('crm/quotations/order', { id: revision.id, orderedOn: '2026-05-10' })).toMatchObject({ ok: false, error: { message: 'This quotation has an order already.' } });
  });

  it('imports leads from CSV as the preview showed them, refusing bad input and people outside sales', async () => {
    const csv = 'Company;First name;Last name;E-mail;Source\r\nHelvetia Labs;Anna;Keller;anna@helvetia.example;Trade show\r\n"Brno Bio, s.r.o.";Petr;Novak;not-an-email;\r\n;;;;\r\nKemi AB;Sara;Lind;sara@kemi.example;Referral\r\n';
    const mapping = { 0: 'companyName', 1: 'firstName', 2: 'lastName', 3: 'email', 4: 'source' };
    expect(await sam.client.call('crm/leads/import', { csv: '', mapping })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'csv' } });
    expect(await sam.client.call('crm/leads/import', { csv, mapping: { 0: 'password' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await sam.client.call('crm/leads/import', { csv, mapping: { 9: 'email' } })).toMatchObject({ ok: false, error: { field: 'mapping' } });
    expect(await sam.client.call('crm/leads/import', { csv: 'Email\nnope\n', mapping: { 0: 'email' } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('None of the 1 rows') } });
    expect(await world.ben.client.call('crm/leads/import', { csv, mapping })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const before = await world.host.db.records.count({ selector: { kind: 'lead' } }).exec();

    const result = value(await sam.client.call<LeadImportProgress>('crm/leads/import', { csv, mapping }));
    expect(result).toMatchObject({ imported: 2, skipped: 2, total: 2, state: 'finished' });
    const leads = (await world.host.db.records.find({ selector: { kind: 'lead' } }).exec()).map((d) => d.toJSON() as { title: string; status: string; ownerId: string; data: { source: string } });
    expect(leads).toHaveLength(before + 2);
    expect(leads.filter((l) => ['Helvetia Labs — Anna Keller', 'Kemi AB — Sara Lind'].includes(l.title)).map((l) => [l.status, l.ownerId, l.data.source])).toEqual([['new', sam.id, 'trade_show'], ['new', sam.id, 'referral']]);
    // Written in one batch, yet each numbered after the leads before it and each with its audit entry.
    const imported = (await world.host.db.records.find({ selector: { kind: 'lead' }, sort: [{ number: 'asc' }] }).exec()).map((d) => d.toJSON() as { id: string; number: string; auditId: string });
    const counters = imported.map((l) => Number(l.number.split('-').at(-1)));
    expect(counters).toEqual(counters.map((_, i) => (counters[0] as number) + i));
    for (const lead of imported.slice(-2)) {
      const entry = (await world.host.db.audit.findOne(lead.auditId).exec())?.toJSON() as { recordId: string; operation: string; command: string } | undefined;
      expect(entry).toMatchObject({ recordId: lead.id, operation: 'insert', command: 'crm/leads/import' });
    }
    // A second import continues the series.
    value(await sam.client.call('crm/leads/import', { csv: 'Company\r\nAalto Analytics Oy\r\n', mapping: { 0: 'companyName' } }));
    const last = (await world.host.db.records.find({ selector: { kind: 'lead' }, sort: [{ number: 'desc' }], limit: 1 }).exec())[0]?.get('number') as string;
    expect(Number(last.split('-').at(-1))).toBe((counters.at(-1) as number) + 1);
  });

  it('sends a quotation discounted above the threshold only once a sales manager approved it with a signature', async () => {
    const mia = await salesPerson('Mia Manager', 'mia@lab.org', ['sales_manager']);
    value(await world.admin.call('workflows/definitions/import', { commandId: world.cid(), definition: quotationDiscountApproval, publish: true }));
    const organisation = await world.record(sam.client, 'organisation', { name: 'Kemi AB', roles: ['customer'], email: 'orders@kemi.example' });
    const discounted = [{ ...lines[0]!, discountPercent: 15 }];
    const quotation = await world.record(sam.client, 'quotation', {
      organisationId: organisation.id, ownerId: sam.id, currency: 'EUR', lines: discounted, total: { amountMinor: quotationTotals(discounted, 'per_line').grossMinor, currency: 'EUR' }, validUntil: '2026-06-03',
    });
    expect(await sam.client.call('crm/quotations/send', { id: quotation.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('ask for approval before sending') } });
    await world.transition(sam.client, quotation.id, 'in_approval');
    // Nobody approves by hand: only the workflow moves it on.
    expect(await mia.client.call('records/transition', { id: quotation.id, to: 'approved' })).toMatchObject({ ok: false });

    const instance = value(await sam.client.call<{ id: string }>('workflows/instances/start', { commandId: world.cid(), code: 'QUOTATION_DISCOUNT', entityType: 'quotation', entityId: quotation.id }));
    expect(await sam.client.call('workflows/instances/advance', { commandId: world.cid(), instanceId: instance.id, action: 'approve', signature: { password: PASSWORD, meaning: 'approved' } })).toMatchObject({ ok: false });
    value(await mia.client.call('workflows/instances/advance', { commandId: world.cid(), instanceId: instance.id, action: 'approve', signature: { password: PASSWORD, meaning: 'approved' } }));
    expect(value(await sam.client.subscribe('records/get', { id: quotation.id }).next<RecordView>()).status).toBe('approved');
    const sent = value(await sam.client.call<{ quotation: RecordView; emailedTo: string }>('crm/quotations/send', { id: quotation.id }));
    expect(sent).toMatchObject({ quotation: { status: 'sent' }, emailedTo: 'orders@kemi.example' });
    // The PDF the customer gets shows who approved the discount, when, and what the signature means.
    const emails = (await world.host.db.notifications.find({ selector: { kind: 'outbox' } }).exec()).map((d) => d.toJSON() as { data: { subject: string; attachments: { contentBase64: string }[] } });
    const email = emails.find((e) => e.data.subject === `Quotation ${sent.quotation.number}`);
    const printed = pdfText(Buffer.from(email!.data.attachments[0]!.contentBase64, 'base64'));
    expect(printed).toContain('Discount approval');
    expect(printed).toMatch(/Discount approved by Mia Manager Signed electronically \S.*\d{2}:\d{2}.* · meaning: Approved/);
    mia.client.close();
  });
});
