import { afterEach, describe, expect, it } from 'vitest';
import { createQuotationExpiryRule } from '../../../src-main/crm/quotation-expiry-rule';
import { hostUtcOffsetMinutes } from '../../../src-main/scheduler/rules/local-time';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { dueInstant } from '../../../src-shared/scheduler/due-time';
import { entriesOf, steppedClock } from '../notifications/support';
import { value } from '../tasks/project-fixture';
import { openCrmHost, type CrmHost } from './crm-host';

/**
 * Quotation expiry on a real host: a sent quotation goes `expired` the lab's midnight after its
 * last valid day and its owner is told, exactly once across a restart; drafts and quotations still
 * valid stay as they are; nobody expires a quotation by hand.
 */
let crm: CrmHost | undefined;
afterEach(async () => {
  await crm?.close();
  crm = undefined;
});

const midnightAfter = (date: string) => dueInstant(date, { dueTimeOfDay: '00:00', utcOffsetMinutes: hostUtcOffsetMinutes() })! + 86_400_000;
const lines = [{ id: 'l1', description: 'Stability study, 12 batches', quantity: 12, unit: 'batch', unitPriceMinor: 90_000, discountPercent: 0, taxRatePercent: 19 }];
const total = { amountMinor: quotationTotals(lines, 'per_line').grossMinor, currency: 'EUR' };

describe('quotation expiry', () => {
  it('expires a sent quotation after its last valid day, tells its owner once across a restart, and leaves the rest', async () => {
    // Time moves only by hand and without jumps: what is due is decided here, host.whenIdle() does it.
    const time = steppedClock(new Date(midnightAfter('2026-05-04') - 3_600_000).toISOString());
    crm = await openCrmHost({ clock: time.clock, platform: { monotonic: time.monotonic } });
    const { admin } = crm;
    const { id: samId, client: sam } = await crm.person('Sam Sales', 'sam@lab.org', ['sales']);
    const organisation = value(await sam.call<RecordView>('records/create', { kind: 'organisation', data: { name: 'Kemi AB', roles: ['customer'], email: 'orders@kemi.example' } }));
    const quotation = (validUntil: string) => sam.call<RecordView>('records/create', { kind: 'quotation', data: { organisationId: organisation.id, ownerId: samId, currency: 'EUR', lines, total, validUntil } }).then(value);
    const ending = await quotation('2026-05-05');
    const later = await quotation('2026-05-20');
    const draft = await quotation('2026-05-05');
    value(await sam.call('crm/quotations/send', { id: ending.id }));
    value(await sam.call('crm/quotations/send', { id: later.id }));

    // Nobody expires a quotation by hand, not even an administrator; nor by editing its status field.
    expect(await sam.call('records/transition', { id: ending.id, to: 'expired' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.client.call('records/transition', { id: ending.id, to: 'expired' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await sam.call('records/transition', { id: ending.id, to: 'no-such-status' })).toMatchObject({ ok: false });

    const statusOf = async (id: string) => (await crm!.host.db.records.findOne(id).exec())?.get('status') as string;
    const expiryNotices = async () => {
      await crm!.host.whenIdle();
      return (await entriesOf(crm!.host, samId)).filter((e) => e.event === 'crm_quotation_expired').map((e) => e.subject);
    };

    // Valid until 5 May includes the whole of 5 May.
    time.advance(midnightAfter('2026-05-05') - 60_000 - time.clock().getTime());
    expect(await expiryNotices()).toEqual([]);
    expect(await statusOf(ending.id)).toBe('sent');

    time.advance(120_000);
    expect(await expiryNotices()).toEqual(['QUO-2026-0001 has expired']);
    expect(await statusOf(ending.id)).toBe('expired');
    expect(await statusOf(later.id)).toBe('sent');
    expect(await statusOf(draft.id)).toBe('draft');
    const expiredWrites = async () => (await crm!.host.db.audit.find({ selector: { recordId: ending.id } }).exec()).filter((e) => (e.get('after') as { status?: string } | null)?.status === 'expired');
    expect((await expiredWrites()).map((e) => e.get('actorId'))).toEqual(['system']);

    // A restart derives the same reminder again: no second expiry, no second notice.
    time.advance(3_600_000);
    await crm.restart();
    expect(await expiryNotices()).toEqual(['QUO-2026-0001 has expired']);
    expect(await expiredWrites()).toHaveLength(1);

    // Deriving for the written quotations alone gives what deriving everything gives for them.
    const rule = createQuotationExpiryRule();
    const ids = new Set([ending.id, later.id, draft.id]);
    const full = (await rule.derive(crm.host.db, time.clock())).filter((r) => ids.has(r.about ?? ''));
    const incremental = await rule.incremental!.deriveFor(crm.host.db, new Map([['records', ids]]), time.clock());
    expect(incremental).not.toBe('all');
    expect(incremental !== 'all' && incremental.reminders).toEqual(full);
    expect(full.map((r) => r.about).sort()).toEqual([ending.id, later.id].sort());

    // An expired quotation is offered again as a revision.
    const owner = await crm.signIn('sam@lab.org');
    expect(await owner.call('crm/quotations/revise', { id: ending.id, validUntil: '2026-06-30' })).toMatchObject({ ok: true, value: { status: 'draft', data: { revision: 2 } } });
  });
});
