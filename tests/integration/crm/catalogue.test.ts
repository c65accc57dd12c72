import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogueChoice } from '../../../src-shared/crm/catalogue-line';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { value } from '../tasks/project-fixture';
import { openCrmHost, type CrmHost } from './crm-host';

/**
 * The catalogue on a real host: sales managers keep it (others are refused), bad prices are
 * refused with the field named, everyone reads it with its price lists through `crm/catalogue`
 * (discontinued items only when asked), and a quotation line keeps the item it was picked from.
 */
let crm: CrmHost | undefined;
afterEach(async () => {
  await crm?.close();
  crm = undefined;
});

describe('the catalogue', () => {
  it('is kept by sales managers, read by everyone with its prices, and picked into quotation lines', async () => {
    crm = await openCrmHost();
    const { person } = crm;
    const mia = await person('Mia Manager', 'mia@lab.org', ['sales_manager']);
    const sam = await person('Sam Sales', 'sam@lab.org', ['sales']);
    const ben = await person('Ben Bench', 'ben@lab.org', ['member']);
    const stability = { code: 'STAB-40', name: 'Stability study', unit: 'batch', defaultTaxRatePercent: 19, prices: [{ currency: 'EUR', unitPriceMinor: 125_000 }, { currency: 'CHF', unitPriceMinor: 119_000 }] };

    expect(await sam.client.call('records/create', { kind: 'catalogue_item', data: stability })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await mia.client.call('records/create', { kind: 'catalogue_item', data: { ...stability, prices: [{ currency: 'EUR', unitPriceMinor: 1 }, { currency: 'EUR', unitPriceMinor: 2 }] } })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('One price per currency.') } });
    expect(await mia.client.call('records/create', { kind: 'catalogue_item', data: { ...stability, prices: [{ currency: 'EUR', unitPriceMinor: 12.5 }] } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await mia.client.call('records/create', { kind: 'catalogue_item', data: { ...stability, defaultTaxRatePercent: 140 } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const item = value(await mia.client.call<RecordView>('records/create', { kind: 'catalogue_item', data: stability }));
    const old = value(await mia.client.call<RecordView>('records/create', { kind: 'catalogue_item', data: { code: 'AAA-OLD', name: 'Old assay', prices: [] } }));
    value(await mia.client.call('records/transition', { id: old.id, to: 'discontinued' }));

    const offered = value(await ben.client.subscribe('crm/catalogue', {}).next<CatalogueChoice[]>());
    expect(offered).toEqual([{ id: item.id, status: 'active', code: 'STAB-40', name: 'Stability study', description: '', type: 'service', unit: 'batch', prices: stability.prices, defaultTaxRatePercent: 19 }]);
    expect(value(await ben.client.subscribe('crm/catalogue', { includeDiscontinued: true }).next<CatalogueChoice[]>()).map((i) => i.code)).toEqual(['AAA-OLD', 'STAB-40']);
    expect(await ben.client.subscribe('crm/catalogue', { includeDiscontinued: 'yes' }).next()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    // A quotation line remembers the item it was picked from; the item must be a record id.
    const organisation = value(await sam.client.call<RecordView>('records/create', { kind: 'organisation', data: { name: 'Kemi AB', roles: ['customer'] } }));
    const line = { id: 'l1', catalogueItemId: item.id, description: 'Stability study', unit: 'batch', quantity: 2, unitPriceMinor: 119_000, discountPercent: 0, taxRatePercent: 19 };
    const quotation = (lines: unknown[], total: number) => sam.client.call<RecordView>('records/create', { kind: 'quotation', data: { organisationId: organisation.id, ownerId: sam.id, currency: 'CHF', lines, total: { amountMinor: total, currency: 'CHF' }, validUntil: '2026-12-31' } });
    const gross = quotationTotals([line], 'per_line').grossMinor;
    expect(await quotation([{ ...line, catalogueItemId: '' }], gross)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(value(await quotation([line], gross)).data).toMatchObject({ lines: [{ catalogueItemId: item.id, unitPriceMinor: 119_000 }] });
  });
});
