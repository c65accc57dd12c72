import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadImportProgress } from '../../../src-shared/crm/crm-contract';
import { connectTestClient } from '../support/test-client';
import { value } from '../tasks/project-fixture';
import { openEquipmentWorld, PASSWORD, type EquipmentWorld, type Person } from '../equipment/equipment-world';

/**
 * A lead import larger than a batch (two leads per batch here, a thousand in the app) on a real
 * host: the command answers after the first batch, the rest is written batch by batch with its
 * progress live, and a cancel stops it between two batches — what it says was imported is exactly
 * what the database holds, in whole batches.
 */
const BATCH = 2;
let world: EquipmentWorld;
let sam: Person;
beforeAll(async () => {
  world = await openEquipmentWorld('2026-05-04T09:00:00.000Z', { platform: { leadImportBatchSize: BATCH } });
  const id = value(await world.admin.call<{ id: string }>('people/create', { name: 'Sam Sales', email: 'sam@lab.org', password: PASSWORD, roles: ['sales'] })).id;
  const client = connectTestClient(world.host);
  value(await client.call('auth/sign-in', { email: 'sam@lab.org', password: PASSWORD }));
  sam = { id, client };
});
afterAll(async () => {
  sam?.client.close();
  await world?.close();
});

const mapping = { 0: 'companyName', 1: 'email' };
/** `count` valid rows (and one with a bad address, skipped). */
const csvOf = (prefix: string, count: number) =>
  ['Company,Email', ...Array.from({ length: count }, (_, i) => `${prefix} ${i + 1} GmbH,buyer${i + 1}@${prefix.toLowerCase()}.example`), `${prefix} Broken,not-an-email`].join('\n');
const leadCount = () => world.host.db.records.count({ selector: { kind: 'lead' } }).exec();

describe('lead import progress and cancel', { timeout: 120_000 }, () => {
  it('reports each batch as it is written until the import is finished', async () => {
    const before = await leadCount();
    const started = value(await sam.client.call<LeadImportProgress>('crm/leads/import', { csv: csvOf('Progress', 5), mapping }));
    expect(started).toMatchObject({ total: 5, imported: BATCH, skipped: 1, state: 'running', problem: null });
    const progress = sam.client.subscribe('crm/leads/import-progress', { importId: started.importId });
    const seen: LeadImportProgress[] = [];
    while (seen.at(-1)?.state !== 'finished') seen.push(value(await progress.next<LeadImportProgress>()));
    // Whole batches only, never going back, ending with every valid row.
    for (const step of seen) expect([2, 4, 5]).toContain(step.imported);
    expect(seen.map((s) => s.imported)).toEqual([...seen.map((s) => s.imported)].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ imported: 5, total: 5, skipped: 1 });
    await world.host.whenIdle();
    expect(await leadCount()).toBe(before + 5);
  });

  it('stops after the batch being written when cancelled, and says how many leads were imported', async () => {
    const before = await leadCount();
    const total = 200;
    const started = value(await sam.client.call<LeadImportProgress>('crm/leads/import', { csv: csvOf('Cancel', total), mapping }));
    expect(started).toMatchObject({ imported: BATCH, state: 'running' });
    const cancelled = value(await sam.client.call<LeadImportProgress>('crm/leads/cancel-import', { importId: started.importId }));
    // The host reads the cancel before it queues the second batch: only the first was written.
    expect(cancelled).toMatchObject({ state: 'cancelled', imported: BATCH, total });
    // Nothing is written after the cancel: the database holds exactly the batches it names.
    await world.host.whenIdle();
    expect(await leadCount()).toBe(before + cancelled.imported);
    expect(value(await sam.client.subscribe('crm/leads/import-progress', { importId: started.importId }).next<LeadImportProgress>())).toEqual(cancelled);
    // Each lead written has its number, continuing the series without gaps.
    const numbers = (await world.host.db.records.find({ selector: { kind: 'lead' }, sort: [{ number: 'asc' }] }).exec()).map((d) => Number((d.toJSON() as { number: string }).number.split('-').at(-1)));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    // A second cancel is told the import already stopped.
    expect(await sam.client.call('crm/leads/cancel-import', { importId: started.importId })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: `That import has already stopped: ${cancelled.imported} of ${total} leads were imported.` } });
  });

  it('refuses to cancel or follow an unknown import, someone else’s, or one that finished', async () => {
    expect(await sam.client.call('crm/leads/cancel-import', { importId: 'no-such-import' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'importId' } });
    expect(await sam.client.call('crm/leads/cancel-import', { importId: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'importId' } });
    expect(await sam.client.call('crm/leads/cancel-import', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await sam.client.subscribe('crm/leads/import-progress', { importId: 'no-such-import' }).next()).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const started = value(await sam.client.call<LeadImportProgress>('crm/leads/import', { csv: csvOf('Private', 3), mapping }));
    // Another person (even an administrator) neither sees nor stops it.
    expect(await world.admin.call('crm/leads/cancel-import', { importId: started.importId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await world.admin.subscribe('crm/leads/import-progress', { importId: started.importId }).next()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await world.host.whenIdle();
    expect(await sam.client.call('crm/leads/cancel-import', { importId: started.importId })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: 'That import has already finished: 3 of 3 leads were imported.' } });
    // An import that fits one batch is finished in its answer and keeps no job.
    const small = value(await sam.client.call<LeadImportProgress>('crm/leads/import', { csv: csvOf('Small', 2), mapping }));
    expect(small).toMatchObject({ imported: 2, total: 2, state: 'finished' });
    expect(await sam.client.call('crm/leads/cancel-import', { importId: small.importId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
