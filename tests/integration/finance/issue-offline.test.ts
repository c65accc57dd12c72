import { describe, expect, it } from 'vitest';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import { openEquipmentWorld } from '../equipment/equipment-world';

/**
 * Gapless numbers in a team come only from the sync server: a team PC that cannot reach it refuses
 * to issue (through the finance command and the generic transition alike) and keeps the draft.
 * Its own file: the host is another RxDB database than the other finance tests' world.
 */
const lines = [{ id: 'l2', description: 'Report in English', quantity: 1, unit: 'each', unitPriceMinor: 30_005, discountPercent: 0, taxRatePercent: 19 }];

describe('issuing offline in a team', { timeout: 120_000 }, () => {
  it('refuses to issue an invoice while a team PC cannot reach the sync server that numbers it', async () => {
    const offline = await openEquipmentWorld('2026-05-04T09:00:00.000Z');
    try {
      const clerk = await offline.person('Fred Finance', 'fred@lab.org', ['finance']);
      const customer = await offline.record(offline.admin, 'organisation', { name: 'Kemi AB', roles: ['customer'] });
      const draft = await offline.record(clerk.client, 'invoice', { organisationId: customer.id, currency: 'EUR', lines, total: { amountMinor: quotationTotals(lines, 'per_line').grossMinor, currency: 'EUR' } });
      // This PC joined a team whose server is not reachable (port 9 discards): written directly, as
      // joining needs a live server and the refusal is about the PC's own state.
      await offline.host.db.upsertLocal('team-sync', { serverUrl: 'http://127.0.0.1:9', joinedAt: '2026-05-01T09:00:00.000Z' });
      const refused = { ok: false, error: { code: 'invalid_state', message: expect.stringContaining('cannot be reached now') } };
      expect(await clerk.client.call('finance/invoices/issue', { id: draft.id, issuedOn: '2026-05-04' })).toMatchObject(refused);
      expect(await clerk.client.call('records/transition', { id: draft.id, to: 'issued' })).toMatchObject(refused);
      expect((await offline.host.db.records.findOne(draft.id).exec())?.get('status')).toBe('draft');
      clerk.client.close();
    } finally {
      await offline.close();
    }
  });
});
