import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { HireResult } from '../../../src-shared/hr/hire';
import type { OnboardingView } from '../../../src-shared/hr/onboarding-contract';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { openLab, type SignedInPerson } from '../support/lab-people';
import { value, type Client } from '../tasks/project-fixture';
import { fileRequisition, publishHiring, submitAndApprove } from './hiring-lab';

/**
 * Hire and onboarding on a real host: HR hires Clara, whose offer was accepted. Bad input is refused
 * by field before anything is written (an address already used, a privileged role, a candidate not
 * at the offer, a colleague who is not HR); the hire creates the person without password or
 * privileged role, her employee record from the requisition and the offer, and onboarding tasks
 * in the IT person's, the manager's and Clara's inboxes, dated by working days. A second Hire is
 * refused naming Clara; a second start creates no task.
 */
let host: Host;
let admin: Client;
let hana: SignedInPerson;
let mia: SignedInPerson;
let ivan: SignedInPerson;
let candidateId: string;
let otherCandidateId: string;
const password = 'long enough password';

beforeAll(async () => {
  let addPerson;
  ({ host, admin, addPerson } = await openLab());
  hana = await addPerson('Hana HR', 'hana@lab.org', ['hr']);
  mia = await addPerson('Mia Manager', 'mia@lab.org', ['member']);
  ivan = await addPerson('Ivan IT', 'ivan@lab.org', ['member']);
  await publishHiring(admin);
  const { requisition, run } = await fileRequisition(mia, 'Lab technician');
  value(await mia.client.call('records/update', { id: requisition.id, data: { employmentType: 'fixed_term', location: 'Lyon' } }));
  await submitAndApprove(mia, hana, run.id, password);
  const candidate = async (name: string) => value(await hana.client.call<RecordView>('records/create', { kind: 'candidate', data: { requisitionId: requisition.id, hiringManagerId: mia.id, name, email: 'clara@home.example' } })).id;
  candidateId = await candidate('Clara Chen');
  otherCandidateId = await candidate('Olaf Early');
  value(await hana.client.call('hr/candidates/move', { id: candidateId, to: 'interviews' }));
  value(await hana.client.call('records/update', { id: candidateId, data: { offerStartDate: '2026-04-01' } }));
  value(await hana.client.call('hr/candidates/move', { id: candidateId, to: 'offer' }));
  // Lyon's Easter holidays and the lab's starter checklist.
  value(await hana.client.call('records/create', { kind: 'holiday_calendar', data: { location: 'Lyon', holidays: [{ date: '2026-04-03', name: 'Good Friday' }, { date: '2026-04-06', name: 'Easter Monday' }] } }));
  value(await hana.client.call('records/create', {
    kind: 'onboarding_checklist',
    data: {
      name: 'Every new starter',
      itPersonId: ivan.id,
      items: [
        { id: 'l1', title: 'Prepare the laptop', who: 'it', days: -1 },
        { id: 'l2', title: 'Welcome meeting', who: 'manager', days: 2 },
        { id: 'l3', title: 'Read the safety manual', who: 'new_hire', days: 0 },
      ],
    },
  }));
});
afterAll(async () => host?.close());

const hire = (who: SignedInPerson, input: Record<string, unknown>) => who.client.call<HireResult>('hr/hire', { candidateId, email: 'clara@lab.org', ...input });
const peopleCount = async () => (await host.db.people.find({ selector: { kind: 'person' } }).exec()).length;

describe('Hire', { timeout: 120_000 }, () => {
  it('refuses bad input by field, and writes nothing', async () => {
    const before = await peopleCount();
    expect(await hire(hana, { email: 'not an address' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'email' } });
    expect(await hire(hana, { email: 'mia@lab.org' })).toMatchObject({ ok: false, error: { code: 'already_exists', field: 'email', message: expect.stringContaining('Mia Manager') } });
    expect(await hire(hana, { roles: ['admin'] })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'roles', message: expect.stringContaining('ask an administrator to give Administrator') } });
    expect(await hire(hana, { roles: ['member', 'finance'] })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'roles' } });
    expect(await hire(hana, { roles: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'roles' } });
    expect(await hire(hana, { candidateId: otherCandidateId })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('no accepted offer') } });
    expect(await hire(hana, { candidateId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The hiring manager may read the candidate but is not HR.
    expect(await hire(mia, {})).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only HR can hire a candidate.' } });
    expect(await peopleCount()).toBe(before);
  });

  it('creates the person without password or privileged role, her employee record, and onboarding tasks', async () => {
    const result = value(await hire(hana, {}));
    const person = (await host.db.people.findOne(result.personId).exec())!.toJSON();
    expect(person).toMatchObject({ name: 'Clara Chen', email: 'clara@lab.org', roles: ['member'], isActive: true, passwordHash: '' });
    expect(await hana.client.call('auth/sign-in', { email: 'clara@lab.org', password: '' })).toMatchObject({ ok: false });
    const employee = (await host.db.records.findOne(result.employeeId).exec())!.toJSON() as RecordView & { data: Record<string, unknown> };
    expect(employee).toMatchObject({ kind: 'employee', status: 'onboarding', data: { personId: result.personId, jobTitle: 'Lab technician', managerId: mia.id, startDate: '2026-04-01', employmentType: 'fixed_term', location: 'Lyon' } });
    const candidate = (await host.db.records.findOne(candidateId).exec())!.toJSON() as RecordView & { data: Record<string, unknown> };
    expect(candidate).toMatchObject({ status: 'hired', data: { hiredPersonId: result.personId } });

    const tasks = await Promise.all(result.onboardingTaskIds.map(async (id) => (await host.db.tasks.findOne(id).exec())!.toJSON()));
    expect(tasks.map((t) => [t.title, t.assigneeId, t.dueDate]).sort()).toEqual([
      ['Prepare the laptop — Clara Chen', ivan.id, '2026-03-31'],
      ['Read the safety manual — Clara Chen', result.personId, '2026-04-01'],
      // Wednesday + 2 working days: Thursday, then past Good Friday, the weekend and Easter Monday.
      ['Welcome meeting — Clara Chen', mia.id, '2026-04-07'],
    ]);
    const view = value(await hana.client.subscribe('hr/onboarding', {}).next<OnboardingView>());
    expect(view.newHires).toEqual([expect.objectContaining({ personName: 'Clara Chen', done: 0, total: 3 })]);
  });

  it('is refused a second time, naming the person, and a second start creates nothing', async () => {
    expect(await hire(hana, {})).toMatchObject({ ok: false, error: { code: 'already_exists', message: expect.stringContaining('Clara Chen was created by the first Hire') } });
    const employee = await host.db.records.findOne({ selector: { kind: 'employee', title: 'Lab technician' } }).exec();
    const taskCount = (await host.db.tasks.find().exec()).length;
    expect(await hana.client.call('hr/onboarding/start', { employeeId: employee!.id })).toMatchObject({ ok: false, error: { code: 'already_exists' } });
    expect(await mia.client.call('hr/onboarding/start', { employeeId: employee!.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await hana.client.call('hr/onboarding/start', { employeeId: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'employeeId' } });
    expect((await host.db.tasks.find().exec()).length).toBe(taskCount);
  });
});
