import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesSettingsView } from '../../../src-shared/crm/crm-contract';
import { defaultPipelineStages } from '../../../src-shared/crm/pipeline-stages';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { value } from '../tasks/project-fixture';
import { openEquipmentWorld, type EquipmentWorld, type Person } from '../equipment/equipment-world';

/**
 * Removing a pipeline stage on a real host: refused while open opportunities are in it (naming how
 * many), whether the settings are saved for the first time or changed; allowed once they moved or
 * closed; bad stage lists refused at their field.
 */
let world: EquipmentWorld;
let mona: Person;
beforeAll(async () => {
  world = await openEquipmentWorld('2026-05-04T09:00:00.000Z');
  mona = await world.person('Mona Manager', 'mona@lab.org', ['sales_manager']);
});
afterAll(async () => {
  mona?.client.close();
  await world?.close();
});

const without = (id: string) => defaultPipelineStages.filter((s) => s.id !== id);

describe('removing a pipeline stage', { timeout: 240_000 }, () => {
  it('is refused while open opportunities are in it', async () => {
    const customer = await world.record(mona.client, 'organisation', { name: 'Kemi AB', roles: ['customer'] });
    const opportunity = (name: string) => world.record(mona.client, 'opportunity', { name, organisationId: customer.id, stageId: 'proposal', probabilityPercent: 50, value: { amountMinor: 100_000, currency: 'EUR' }, expectedCloseOn: '2026-12-31', ownerId: mona.id });
    const first = await opportunity('Kemi one');
    const second = await opportunity('Kemi two');

    // A first save without Proposal: judged against the defaults in force.
    expect(await mona.client.call('records/create', { kind: 'sales_settings', data: { stages: without('proposal') } })).toMatchObject({
      ok: false, error: { field: 'data.stages', message: '2 open opportunities are in Proposal. Move them to another stage, or close them, before removing the stage.' },
    });
    expect(await mona.client.call('records/create', { kind: 'sales_settings', data: { stages: [] } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const settings = await world.record(mona.client, 'sales_settings', { stages: [...defaultPipelineStages] });
    expect(await mona.client.call('records/update', { id: settings.id, data: { stages: without('proposal') } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('2 open opportunities are in Proposal') } });

    // One lost, the other moved on: now Proposal can go.
    value(await mona.client.call('records/update', { id: first.id, data: { lostReason: 'Price', closedOn: '2026-05-04' } }));
    await world.transition(mona.client, first.id, 'lost', 'Price');
    expect(await mona.client.call('records/update', { id: settings.id, data: { stages: without('proposal') } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('1 open opportunity is in Proposal. Move it') } });
    value(await mona.client.call<RecordView>('records/update', { id: second.id, data: { stageId: 'negotiation', probabilityPercent: 75 } }));
    value(await mona.client.call('records/update', { id: settings.id, data: { stages: without('proposal') } }));
    const inForce = value(await mona.client.subscribe('crm/settings', {}).next<SalesSettingsView>());
    expect(inForce.settings.stages.map((s) => s.id)).toEqual(['qualification', 'needs_analysis', 'negotiation']);
  });
});
