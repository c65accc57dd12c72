import type { Host, HostOptions } from '../../../src-main/host/create-host';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { builtInTemplates } from '../../../src-shared/workflows/templates/built-in-templates';
import type { InstanceSummaryView } from '../../../src-shared/workflows/workflow-contract';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';
import { handClock, value, type Client } from '../tasks/project-fixture';

/**
 * A lab on a real host and SQLite file: an administrator, Pia (procurement manager), Quinn (QA),
 * Hugo (head of department), Cara (custodian), Ben (an authorised user), Olga (not authorised),
 * each signed in on their own connection; the built-in workflows published. Helpers make an
 * instrument in service the way a lab does: registered, installed, qualified with signatures,
 * released by QA, with a yearly calibration plan.
 */
export const PASSWORD = 'long enough password';

export interface Person {
  id: string;
  client: Client;
}

export async function openEquipmentWorld(start = '2026-04-01T09:00:00.000Z', options: Partial<HostOptions> = {}, dataDir = tempDataDir()) {
  const clock = handClock(start);
  const moveClock = (ms: number) => clock.advanceMinutes(ms / 60_000);
  const host: Host = await openSqliteHost(dataDir, { clock: clock.clock, sessionTimeoutMs: 365 * 86_400_000, ...options });
  const admin = connectTestClient(host);
  value(await admin.call('auth/create-administrator', adminInput));
  const person = async (name: string, email: string, roles: string[]): Promise<Person> => {
    const id = value(await admin.call<{ id: string }>('people/create', { name, email, password: PASSWORD, roles })).id;
    const client = connectTestClient(host);
    value(await client.call('auth/sign-in', { email, password: PASSWORD }));
    return { id, client };
  };
  const pia = await person('Pia Procure', 'pia@lab.org', ['procurement_manager']);
  const quinn = await person('Quinn QA', 'quinn@lab.org', ['qa_manager']);
  const hugo = await person('Hugo Head', 'hugo@lab.org', ['department_head']);
  const cara = await person('Cara Custodian', 'cara@lab.org', ['member']);
  const ben = await person('Ben Bench', 'ben@lab.org', ['member']);
  const olga = await person('Olga Other', 'olga@lab.org', ['member']);
  let commands = 0;
  const cid = () => `cmd-${++commands}`;
  for (const definition of builtInTemplates.filter((t) => t.workflow_code.startsWith('EQUIPMENT_'))) {
    value(await admin.call('workflows/definitions/import', { commandId: cid(), definition, publish: true }));
  }

  const record = async (client: Client, kind: string, data: Record<string, unknown>) => value(await client.call<RecordView>('records/create', { kind, data }));
  const transition = async (client: Client, id: string, to: string, reason?: string) => value(await client.call<RecordView>('records/transition', { id, to, ...(reason ? { reason } : {}) }));

  /** An approved qualification protocol (SAT) with two steps. */
  const protocol = async () => {
    const created = await record(quinn.client, 'qualification_protocol', {
      stage: 'SAT',
      title: 'Balance site acceptance',
      steps: [
        { id: 's1', text: 'Level and warm up the balance', acceptanceCriteria: 'Level bubble centred after 30 min' },
        { id: 's2', text: 'Check the 100 g weight', acceptanceCriteria: 'Within ±0.2 mg' },
      ],
    });
    return transition(quinn.client, created.id, 'approved');
  };

  /** An instrument taken to in service: registered, installed, SAT executed, reviewed and approved, released by QA; a yearly calibration plan first due `firstDueDate`. */
  const instrumentInService = async (name = 'Analytical balance', firstDueDate = '2026-06-30') => {
    const created = await record(quinn.client, 'equipment', { name, custodianId: cara.id, authorisedUserIds: [ben.id], isGxpCritical: true });
    await transition(quinn.client, created.id, 'received');
    value(await cara.client.call('equipment/install', { id: created.id, installedOn: '2026-04-01', installedById: cara.id, location: { site: 'Main', building: 'B', room: '2.14', bench: '1' }, siteChecklist: [{ item: 'Vibration-free bench', isMet: true }] }));
    const sat = value(await cara.client.call<RecordView>('equipment/qualification/start', { equipmentId: created.id, protocolId: (await protocol()).id }));
    for (const stepId of ['s1', 's2']) value(await cara.client.call('equipment/qualification/record-step', { id: sat.id, stepId, result: 'pass' }));
    value(await cara.client.call('equipment/qualification/sign', { id: sat.id, meaning: 'executed', password: PASSWORD }));
    value(await ben.client.call('equipment/qualification/sign', { id: sat.id, meaning: 'reviewed', password: PASSWORD }));
    value(await quinn.client.call('equipment/qualification/sign', { id: sat.id, meaning: 'approved', password: PASSWORD }));
    await transition(quinn.client, created.id, 'in_service');
    const plan = value(await quinn.client.call<RecordView>('equipment/add-record', {
      kind: 'calibration_plan',
      equipmentId: created.id,
      data: { name: 'Annual calibration', interval: { count: 12, unit: 'months' }, firstDueDate, points: [{ id: 'p100', name: '100 g', unit: 'g', nominal: 100, tolerance: 0.0002 }], reminderLeadDays: [30, 7, 1] },
    }));
    return { instrument: created, plan, sat };
  };

  /** Approves a purchase request or decommissioning request through its workflow (request step, then the approval with a signature) and applies the decision. */
  const approveThroughWorkflow = async (code: string, recordId: string, kind: string, starter: Person, steps: { who: Person; action: string; meaning?: string }[]) => {
    const instance = value(await starter.client.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code, entityType: kind, entityId: recordId }));
    for (const step of steps) {
      value(await step.who.client.call('workflows/instances/advance', { commandId: cid(), instanceId: instance.id, action: step.action, ...(step.meaning ? { signature: { password: PASSWORD, meaning: step.meaning } } : {}) }));
    }
    return value(await starter.client.call<RecordView>('equipment/apply-workflow-decision', { recordId }));
  };

  return {
    host, dataDir, admin, pia, quinn, hugo, cara, ben, olga, cid, moveClock, record, transition, protocol, instrumentInService, approveThroughWorkflow,
    /** Another signed-in person with these roles (the caller closes their client). */
    person,
    now: clock.clock,
    close: async () => {
      for (const c of [admin, pia.client, quinn.client, hugo.client, cara.client, ben.client, olga.client]) c.close();
      await host.close();
    },
  };
}

export type EquipmentWorld = Awaited<ReturnType<typeof openEquipmentWorld>>;
