import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicateGroup, MergePreview } from '../../../src-shared/crm/organisation-merge-contract';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { value } from '../tasks/project-fixture';
import { openEquipmentWorld, type EquipmentWorld, type Person } from '../equipment/equipment-world';

/**
 * The organisation merge on a real host ("merge keeps links"): every record naming the duplicate
 * moves to the survivor, which takes the details chosen field by field; the duplicate is kept as
 * Merged, pointing to it. Bad input, the wrong person, an organisation with an issued invoice and
 * hand-made shortcuts around the command are refused before anything is written.
 */
let world: EquipmentWorld;
let mona: Person;
let sam: Person;
let fay: Person;
beforeAll(async () => {
  world = await openEquipmentWorld('2026-05-04T09:00:00.000Z');
  mona = await world.person('Mona Manager', 'mona@lab.org', ['sales_manager']);
  sam = await world.person('Sam Sales', 'sam@lab.org', ['sales']);
  fay = await world.person('Fay Finance', 'fay@lab.org', ['finance']);
});
afterAll(async () => {
  for (const p of [mona, sam, fay]) p?.client.close();
  await world?.close();
});

const lines = [{ id: 'l1', description: 'Stability study', quantity: 1, unit: 'each', unitPriceMinor: 100_000, discountPercent: 0, taxRatePercent: 19 }];
const total = { amountMinor: quotationTotals(lines, 'per_line').grossMinor, currency: 'EUR' };
const get = async (id: string) => value(await mona.client.subscribe('records/get', { id }).next<RecordView>());
const filedUnder = async (id: string) => (await world.host.db.records.find({ selector: { parentId: id } }).exec()).map((d) => String(d.get('kind'))).sort();

describe('merging duplicate organisations', { timeout: 240_000 }, () => {
  it('keeps every link, takes the chosen details and retires the duplicate; refuses bad input, the wrong person and issued invoices', async () => {
    const keep = await world.record(sam.client, 'organisation', { name: 'Acme Labs GmbH', roles: ['customer'], phone: '+49 30 1234' });
    const dupe = await world.record(sam.client, 'organisation', { name: 'ACME Labs', roles: ['supplier'], email: 'info@acme.example', phone: '+49 30 9999' });
    const billed = await world.record(sam.client, 'organisation', { name: 'Acme Labs AG', roles: ['customer'] });
    const other = await world.record(sam.client, 'organisation', { name: 'Beta Analytics', roles: ['customer'] });
    for (const lastName of ['Weber', 'Klein']) await world.record(sam.client, 'contact', { organisationId: dupe.id, lastName });
    await world.record(sam.client, 'contact', { organisationId: keep.id, lastName: 'Stays' });
    await world.record(sam.client, 'opportunity', { name: 'Acme stability', organisationId: dupe.id, stageId: 'qualification', probabilityPercent: 10, value: { amountMinor: 500_000, currency: 'EUR' }, expectedCloseOn: '2026-07-31', ownerId: sam.id });
    await world.record(sam.client, 'interaction', { subjectKind: 'organisation', subjectId: dupe.id, type: 'call', occurredAt: '2026-05-04T08:00:00.000Z', summary: 'Asked for a quote', ownerId: sam.id });
    await world.record(sam.client, 'sales_order', { organisationId: dupe.id, ownerId: sam.id, currency: 'EUR', lines, total, orderedOn: '2026-05-01', customerReference: 'PO 1' });
    const invoice = await world.record(fay.client, 'invoice', { organisationId: billed.id, currency: 'EUR', lines, total });
    const issued = value(await fay.client.call<RecordView>('finance/invoices/issue', { id: invoice.id, issuedOn: '2026-05-04' }));

    // The register's possible duplicates: the three Acmes, never Beta.
    const groups = value(await mona.client.subscribe('crm/organisations/duplicates', {}).next<DuplicateGroup[]>());
    expect(groups).toEqual([expect.objectContaining({ reasons: ['same_name'] })]);
    expect(groups[0]!.organisations.map((o) => o.name).sort()).toEqual(['ACME Labs', 'Acme Labs AG', 'Acme Labs GmbH']);
    expect(groups[0]!.organisations.find((o) => o.id === dupe.id)?.linkedCount).toBe(5);

    // Bad input, the wrong person, nonsense pairs: refused, nothing written.
    expect(await mona.client.call('crm/organisations/merge', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await mona.client.call('crm/organisations/merge', { survivorId: keep.id, loserId: dupe.id, choices: { name: 'theirs' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await sam.client.call('crm/organisations/merge', { survivorId: keep.id, loserId: dupe.id })).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only sales managers and administrators merge organisations.' } });
    expect(await mona.client.call('crm/organisations/merge', { survivorId: keep.id, loserId: keep.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'An organisation cannot be merged into itself.' } });
    expect(await mona.client.call('crm/organisations/merge', { survivorId: keep.id, loserId: 'no-such-organisation' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Pick two organisations to merge.' } });
    const lead = await world.record(sam.client, 'lead', { companyName: 'X', lastName: 'Y' });
    expect(await mona.client.call('crm/organisations/merge', { survivorId: keep.id, loserId: lead.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    // An issued invoice keeps the customer it was issued to: merging that organisation away is refused whole.
    const blocked = value(await mona.client.subscribe('crm/organisations/merge-preview', { survivorId: keep.id, loserId: billed.id }).next<MergePreview>());
    expect(blocked.blockers).toEqual([expect.stringContaining(`Invoice ${issued.number}`)]);
    expect(await mona.client.call('crm/organisations/merge', { survivorId: keep.id, loserId: billed.id })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('Keep Acme Labs AG and merge the other one into it instead.') } });
    expect((await get(billed.id)).status).toBe('active');

    // The preview names what moves; the merge moves exactly that.
    const preview = value(await mona.client.subscribe('crm/organisations/merge-preview', { survivorId: keep.id, loserId: dupe.id }).next<MergePreview>());
    expect(preview).toEqual({ problem: null, blockers: [], moves: [
      { kind: 'contact', label: 'Contacts', count: 2 },
      { kind: 'interaction', label: 'Interactions', count: 1 },
      { kind: 'opportunity', label: 'Opportunities', count: 1 },
      { kind: 'sales_order', label: 'Sales orders', count: 1 },
    ] });
    const merged = value(await mona.client.call<{ survivor: RecordView; moved: number }>('crm/organisations/merge', { survivorId: keep.id, loserId: dupe.id, choices: { email: 'loser', phone: 'survivor', name: 'survivor' } }));
    expect(merged.moved).toBe(5);
    expect(merged.survivor.data).toMatchObject({ name: 'Acme Labs GmbH', roles: ['customer', 'supplier'], email: 'info@acme.example', phone: '+49 30 1234' });
    expect(await filedUnder(dupe.id)).toEqual([]);
    expect(await filedUnder(keep.id)).toEqual(['contact', 'contact', 'contact', 'interaction', 'opportunity', 'sales_order']);
    const retired = await get(dupe.id);
    expect(retired).toMatchObject({ status: 'merged', data: { mergedIntoId: keep.id } });
    // Audited: the retirement is an entry of the merge command, and its reason is on the record's activity.
    const entry = (await world.host.db.audit.findOne(String((await world.host.db.records.findOne(dupe.id).exec())!.get('auditId'))).exec())?.toJSON() as { command: string; recordId: string };
    expect(entry).toMatchObject({ command: 'crm/organisations/merge', recordId: dupe.id });
    expect((await world.host.db.activity.find({ selector: { subjectId: dupe.id, kind: 'status_change' } }).exec()).map((d) => d.get('data'))).toEqual([expect.objectContaining({ to: 'merged', reason: `Merged into ${keep.number} Acme Labs GmbH` })]);
    expect((await world.host.db.records.find({ selector: { kind: 'organisation' } }).exec()).length).toBe(4);

    // Once merged, never again — and no shortcut around the command.
    expect(await mona.client.call('crm/organisations/merge', { survivorId: keep.id, loserId: dupe.id })).toMatchObject({ ok: false, error: { message: 'One of the organisations was removed or merged already.' } });
    expect(await mona.client.call('records/transition', { id: other.id, to: 'merged' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await mona.client.call('records/update', { id: other.id, data: { mergedIntoId: keep.id } })).toMatchObject({ ok: false, error: { message: 'Only merging an organisation names the one it was merged into.' } });
    expect(value(await mona.client.subscribe('crm/organisations/duplicates', {}).next<DuplicateGroup[]>())[0]!.organisations.map((o) => o.name).sort()).toEqual(['Acme Labs AG', 'Acme Labs GmbH']);
  });
});
