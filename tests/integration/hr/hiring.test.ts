import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { HiringView } from '../../../src-shared/hr/hiring-views';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { openLab, type SignedInPerson } from '../support/lab-people';
import { commandId as cid, fileRequisition, publishHiring } from './hiring-lab';
import { value, type Client } from '../tasks/project-fixture';

/**
 * Hiring on a real host and SQLite file, through the commands the Hiring tab uses: the HIRING
 * workflow bound to a requisition is the only way it is submitted and opened; candidates are added
 * to the open requisition and moved on the board by `hr/candidates/move` (bad input refused at its
 * field, moves the pipeline does not have refused without a write, a rejection kept with its
 * reason); the tab's view shows HR and the hiring manager the requisition, and a colleague nothing.
 */
let host: Host;
let admin: Client;
let hana: SignedInPerson;
let mia: SignedInPerson;
let otto: SignedInPerson;
let requisitionId: string;
const hiring = async (who: SignedInPerson) => value(await who.client.subscribe('hr/hiring', {}).next<HiringView>());
const read = async (id: string) => value(await hana.client.subscribe('records/get', { id }).next<RecordView>());
const addCandidate = (name: string) => hana.client.call<RecordView>('records/create', { kind: 'candidate', data: { requisitionId, hiringManagerId: mia.id, name, source: 'referral' } });

beforeAll(async () => {
  let addPerson;
  ({ host, admin, addPerson } = await openLab());
  hana = await addPerson('Hana HR', 'hana@lab.org', ['hr']);
  mia = await addPerson('Mia Manager', 'mia@lab.org', ['member']);
  otto = await addPerson('Otto Other', 'otto@lab.org', ['member']);
  await publishHiring(admin);
});
afterAll(async () => host?.close());

describe('a requisition through the HIRING workflow', () => {
  it('is submitted by its hiring manager and opened by HR, never by hand', async () => {
    const { requisition, run } = await fileRequisition(mia);
    requisitionId = requisition.id;
    expect(await mia.client.call('records/transition', { id: requisitionId, to: 'submitted' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await hiring(mia)).requisitions[0]).toMatchObject({ status: 'draft', hasApproval: true, hiringManagerName: 'Mia Manager' });
    value(await mia.client.call('workflows/instances/advance', { commandId: cid(), instanceId: run.id, action: 'complete', data: { budget_agreed: true } }));
    expect((await read(requisitionId)).status).toBe('submitted');
    expect(await mia.client.call('workflows/instances/advance', { commandId: cid(), instanceId: run.id, action: 'approve' })).toMatchObject({ ok: false });
    value(await hana.client.call('workflows/instances/advance', { commandId: cid(), instanceId: run.id, action: 'approve', signature: { password: 'long enough password', meaning: 'approved' } }));
    expect((await read(requisitionId)).status).toBe('open');
  });

  it('shows the requisition to HR and its hiring manager, and nothing to a colleague', async () => {
    expect((await hiring(hana)).requisitions.map((r) => r.jobTitle)).toEqual(['Analytical chemist']);
    expect((await hiring(otto)).requisitions).toEqual([]);
  });
});

describe('moving candidates on the board', () => {
  it('moves a candidate one stage on, counted on the requisition', async () => {
    const clara = value(await addCandidate('Clara Chen'));
    const moved = value(await mia.client.call<RecordView>('hr/candidates/move', { id: clara.id, to: 'interviews' }));
    expect(moved.status).toBe('interviews');
    const view = await hiring(mia);
    expect(view.candidates.map((c) => [c.name, c.stageLabel, c.sourceLabel])).toEqual([['Clara Chen', 'Interviews', 'Referral']]);
    expect(view.requisitions[0]?.candidatesAt).toMatchObject({ screening: 0, interviews: 1 });
  });

  it('refuses bad input at its field and moves the pipeline does not have, writing nothing', async () => {
    const bert = value(await addCandidate('Bert Brown'));
    expect(await hana.client.call('hr/candidates/move', { id: bert.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'to' } });
    expect(await hana.client.call('hr/candidates/move', { id: '', to: 'interviews' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
    expect(await hana.client.call('hr/candidates/move', { id: bert.id, to: 'interviews', reason: 'x'.repeat(2001) })).toMatchObject({ ok: false, error: { field: 'reason' } });
    expect(await hana.client.call('hr/candidates/move', { id: bert.id, to: 'offer' })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('one stage at a time') } });
    expect(await hana.client.call('hr/candidates/move', { id: bert.id, to: 'hired' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await hana.client.call('hr/candidates/move', { id: bert.id, to: 'rejected', reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reason' } });
    expect(await hana.client.call('hr/candidates/move', { id: requisitionId, to: 'interviews' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await read(bert.id)).status).toBe('screening');
  });

  it('hides a candidate from a colleague, who cannot move them', async () => {
    const candidate = (await hiring(hana)).candidates.find((c) => c.name === 'Bert Brown');
    expect(await otto.client.call('hr/candidates/move', { id: candidate?.id, to: 'interviews' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('rejects with the reason kept on the candidate, who then stays rejected', async () => {
    const bert = (await hiring(hana)).candidates.find((c) => c.name === 'Bert Brown');
    const rejected = value(await hana.client.call<RecordView>('hr/candidates/move', { id: bert?.id, to: 'rejected', reason: ' No GMP experience ' }));
    expect(rejected.status).toBe('rejected');
    expect((await hiring(hana)).candidates.find((c) => c.name === 'Bert Brown')).toMatchObject({ stageLabel: 'Rejected', rejectionReason: 'No GMP experience' });
    expect(await hana.client.call('hr/candidates/move', { id: bert?.id, to: 'screening' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
  });
});
