import { afterEach, describe, expect, it } from 'vitest';
import type { SalesSettingsView } from '../../../src-shared/crm/crm-contract';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { value } from '../tasks/project-fixture';
import { openCrmHost, type CrmHost } from './crm-host';

/**
 * The sales settings on a real host: the defaults apply until a sales manager saves some; only
 * sales managers and admins change them, bad values are refused naming the field, there is one
 * settings record, and the discount threshold saved is what the quotations' invariant applies.
 */
let crm: CrmHost | undefined;
afterEach(async () => {
  await crm?.close();
  crm = undefined;
});

describe('the sales settings', () => {
  it('are changed by sales managers only, checked, kept once, and applied to quotations', async () => {
    crm = await openCrmHost();
    const { admin, person } = crm;
    const mia = await person('Mia Manager', 'mia@lab.org', ['sales_manager']);
    const sam = await person('Sam Sales', 'sam@lab.org', ['sales']);
    const ben = await person('Ben Bench', 'ben@lab.org', ['member']);

    const before = value(await ben.client.subscribe('crm/settings', {}).next<SalesSettingsView>());
    expect(before).toMatchObject({ recordId: null, settings: { discountApprovalAbovePercent: 10, quotationValidityDays: 30, defaultCurrency: 'EUR', stages: [{ id: 'qualification' }, {}, {}, {}] } });
    expect(await ben.client.subscribe('crm/settings', 'everything').next()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const settings = { stages: [{ id: 'qualification', label: 'Qualification', probabilityPercent: 10 }, { id: 'technical_review', label: 'Technical review', probabilityPercent: 60 }], discountApprovalAbovePercent: 20, taxRounding: 'per_total', quotationValidityDays: 45, defaultCurrency: 'CHF' };
    expect(await sam.client.call('records/create', { kind: 'sales_settings', data: settings })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await mia.client.call('records/create', { kind: 'sales_settings', data: { ...settings, discountApprovalAbovePercent: 150 } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await mia.client.call('records/create', { kind: 'sales_settings', data: { ...settings, stages: [...settings.stages, { id: 'tech', label: 'technical review', probabilityPercent: 70 }] } })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Two stages have the same name.') } });
    expect(await mia.client.call('records/create', { kind: 'sales_settings', data: { ...settings, stages: [{ id: 'Bad Id', label: 'Bad', probabilityPercent: 10 }] } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const saved = value(await mia.client.call<RecordView>('records/create', { kind: 'sales_settings', data: settings }));
    expect(await admin.client.call('records/create', { kind: 'sales_settings', data: settings })).toMatchObject({ ok: false, error: { message: 'The sales settings exist already; change those instead.' } });
    expect(await sam.client.call('records/update', { id: saved.id, data: { discountApprovalAbovePercent: 50 } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    value(await admin.client.call('records/update', { id: saved.id, data: { quotationValidityDays: 60 } }));

    expect(value(await ben.client.subscribe('crm/settings', {}).next<SalesSettingsView>())).toEqual({ recordId: saved.id, settings: { scope: 'crm', ...settings, quotationValidityDays: 60 } });

    // 15 % off is within the new 20 % threshold: sent without approval.
    const organisation = value(await sam.client.call<RecordView>('records/create', { kind: 'organisation', data: { name: 'Kemi AB', roles: ['customer'] } }));
    const line = { id: 'l1', description: 'Method transfer', quantity: 1, unitPriceMinor: 1_000_000, discountPercent: 15, taxRatePercent: 0 };
    const quotation = value(await sam.client.call<RecordView>('records/create', { kind: 'quotation', data: { organisationId: organisation.id, ownerId: sam.id, currency: 'EUR', lines: [line], total: { amountMinor: 850_000, currency: 'EUR' }, validUntil: '2026-12-31' } }));
    expect(await sam.client.call('crm/quotations/send', { id: quotation.id })).toMatchObject({ ok: true, value: { quotation: { status: 'sent' } } });
  });
});
