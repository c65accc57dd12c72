// Sets up an equipment lab in a stopped serve-mode data folder through the host's own commands, as
// the people of the lab would: `node --import tsx tests/e2e/support/seed-equipment.ts <dataDir> <scenario> [firstDueDate]`.
// Scenarios: `people` (the lab's people, the equipment workflows published), `received` (+ an
// instrument received and an approved SAT protocol), `full-life` (+ bought through RFQ, award, order
// and receipt, installed, qualified, in service, calibrated, booked), `dashboard` (+ instruments in
// several states), `step-instrument` (+ an overdue balance and a started workflow whose step needs it ready). Runs in its own process because RxDB allows only 13 open collections per process.
import type { RecordView } from '../../../src-shared/records/record-contract';
import { openEquipmentWorld } from '../../integration/equipment/equipment-world';
import { value } from '../../integration/tasks/project-fixture';

const [dataDir, scenario, firstDueDate] = process.argv.slice(2);
if (!dataDir || !scenario) throw new Error('usage: seed-equipment <dataDir> <scenario> [firstDueDate]');
const day = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * day).toISOString().slice(0, 10);

const lab = await openEquipmentWorld(new Date().toISOString(), { clock: () => new Date() }, dataDir);
const { pia, quinn, hugo, cara, ben } = lab;

if (scenario === 'received') {
  const instrument = await lab.record(quinn.client, 'equipment', { name: 'Analytical balance XPR205', manufacturer: 'Mettler Toledo', model: 'XPR205', serialNumber: 'B640311', custodianId: cara.id, authorisedUserIds: [ben.id], isGxpCritical: true });
  await lab.transition(quinn.client, instrument.id, 'received');
  await lab.protocol();
}

async function buyAndQualify() {
  const suppliers: RecordView[] = [];
  for (const [name, email] of [['Sartorius Lab Instruments', 'sales@sartorius.example'], ['Mettler Toledo', 'orders@mt.example'], ['Ohaus Europe', 'quotes@ohaus.example']]) {
    suppliers.push(await lab.transition(pia.client, (await lab.record(pia.client, 'supplier', { name, email })).id, 'approved'));
  }
  const request = await lab.record(ben.client, 'purchase_request', { itemName: 'Analytical balance XPR205', quantity: 1, requesterId: ben.id, justification: 'Second balance for the stability lab' });
  await lab.transition(ben.client, request.id, 'submitted');
  await lab.approveThroughWorkflow('EQUIPMENT_PROCUREMENT', request.id, 'purchase_request', ben, [{ who: pia, action: 'complete' }, { who: hugo, action: 'approve', meaning: 'approved' }]);
  const rfq = await lab.record(pia.client, 'rfq', { purchaseRequestId: request.id, subject: 'Analytical balance XPR205', quantity: 1, supplierIds: suppliers.map((s) => s.id), responseDue: dateIn(14), evaluatorIds: [pia.id] });
  value(await pia.client.call('equipment/rfq/send', { id: rfq.id }));
  const bids = [];
  for (const [i, supplier] of suppliers.entries()) bids.push(await lab.record(pia.client, 'bid', { rfqId: rfq.id, supplierId: supplier.id, receivedOn: dateIn(0), price: { amountMinor: 1_150_000 + i * 60_000, currency: 'EUR' }, deliveryDays: 30 - i * 5, warrantyMonths: 24 }));
  await lab.transition(pia.client, rfq.id, 'evaluation');
  const scores = bids.flatMap((b, i) => ['price', 'specification', 'delivery', 'warranty'].map((criterionId) => ({ bidId: b.id, criterionId, score: 8 - i })));
  await lab.record(pia.client, 'bid_evaluation', { rfqId: rfq.id, evaluatorId: pia.id, scores });
  const award = value(await pia.client.call<{ purchaseOrder: RecordView }>('equipment/rfq/award', { id: rfq.id, bidId: bids[0]!.id, taxRatePercent: 19 }));
  value(await pia.client.call('equipment/po/send', { id: award.purchaseOrder.id }));
  const received = value(await pia.client.call<{ equipment: RecordView[] }>('equipment/po/receive', { id: award.purchaseOrder.id, receivedOn: dateIn(0), deliveryNote: 'DN-4711', custodianId: cara.id, location: { site: 'Main', building: 'B', room: 'Goods-in', bench: '' }, lines: [{ lineId: 'line-1', quantity: 1, serialNumbers: ['B640311'] }] }));
  return received.equipment[0]!;
}

if (scenario === 'full-life') {
  const instrument = await buyAndQualify();
  value(await quinn.client.call('records/update', { id: instrument.id, data: { authorisedUserIds: [ben.id] } }));
  value(await cara.client.call('equipment/install', { id: instrument.id, installedOn: dateIn(0), installedById: cara.id, location: { site: 'Main', building: 'B', room: '2.14', bench: '3' }, siteChecklist: [{ item: 'Vibration-free bench', isMet: true }] }));
  const sat = value(await cara.client.call<RecordView>('equipment/qualification/start', { equipmentId: instrument.id, protocolId: (await lab.protocol()).id }));
  for (const stepId of ['s1', 's2']) value(await cara.client.call('equipment/qualification/record-step', { id: sat.id, stepId, result: 'pass' }));
  for (const [who, meaning] of [[cara, 'executed'], [ben, 'reviewed'], [quinn, 'approved']] as const) value(await who.client.call('equipment/qualification/sign', { id: sat.id, meaning, password: 'long enough password' }));
  await lab.transition(quinn.client, instrument.id, 'in_service');
  const plan = value(await quinn.client.call<RecordView>('equipment/add-record', { kind: 'calibration_plan', equipmentId: instrument.id, data: { name: 'Annual calibration', interval: { count: 12, unit: 'months' }, firstDueDate: dateIn(5), points: [{ id: 'p100', name: '100 g', unit: 'g', nominal: 100, tolerance: 0.0002 }] } }));
  value(await cara.client.call('equipment/calibration/record', { equipmentId: instrument.id, planId: plan.id, performedOn: dateIn(0), provider: 'external', performedByName: 'Mettler Service', certificateNumber: 'MT-CERT-2231', readings: [{ pointId: 'p100', asFound: 100.0001, asLeft: 100.0001 }] }));
  // One booking used already (it stays in the history), one still to come (decommissioning cancels it).
  const hourAgo = Date.now() - 3_600_000;
  value(await ben.client.call('equipment/book', { equipmentId: instrument.id, start: new Date(hourAgo - 3_600_000).toISOString(), end: new Date(hourAgo).toISOString(), purpose: 'Method transfer weighing' }));
  value(await ben.client.call('equipment/book', { equipmentId: instrument.id, start: `${dateIn(3)}T09:00:00.000Z`, end: `${dateIn(3)}T11:00:00.000Z`, purpose: 'Stability assay weighing' }));
}

if (scenario === 'dashboard') {
  const plan = (firstDue: string) => ({ name: 'Annual calibration', interval: { count: 12, unit: 'months' }, firstDueDate: firstDue, points: [{ id: 'p1', name: 'Reference', unit: 'g', nominal: 100, tolerance: 0.001 }] });
  const rooms = ['2.14', '2.14', '3.01', '3.01', 'Goods-in'];
  const made: { id: string; plan: RecordView }[] = [];
  for (const [i, [name, due]] of ([['Analytical balance', dateIn(12)], ['pH meter', dateIn(25)], ['Incubator', dateIn(-6)], ['Pipette set', dateIn(80)], ['HPLC', dateIn(40)]] as const).entries()) {
    const { instrument } = await lab.instrumentInService(name, due);
    value(await cara.client.call('equipment/move', { id: instrument.id, location: { site: 'Main', building: 'B', room: rooms[i]!, bench: '' } }));
    const plans = await lab.host.db.records.find({ selector: { kind: 'calibration_plan', parentId: instrument.id } }).exec();
    value(await quinn.client.call('records/update', { id: plans[0]!.id, data: plan(due) }));
    made.push({ id: instrument.id, plan: plans[0]!.toJSON() as RecordView });
  }
  // The HPLC was calibrated on time earlier; the pipette set is out for repair.
  value(await cara.client.call('equipment/calibration/record', { equipmentId: made[4]!.id, planId: made[4]!.plan.id, performedOn: dateIn(-20), readings: [{ pointId: 'p1', asLeft: 100 }] }));
  value(await cara.client.call('equipment/report-fault', { equipmentId: made[3]!.id, summary: 'Plunger sticks', takeOutOfService: true }));
}

if (scenario === 'step-instrument') {
  // A balance overdue for calibration since three days ago, and a workflow whose weighing step needs it ready, started on it by Ben.
  const { instrument } = await lab.instrumentInService('Analytical balance XPR205', dateIn(-4));
  const weigh = {
    workflow_code: 'WEIGH_SAMPLE', name: 'Weigh a sample', record_kind: 'equipment', initial_step: 'weigh',
    steps: [
      { step_id: 'weigh', name: 'Weigh the sample', type: 'task', assignee_type: 'role', assignee_value: 'member', ready_instrument: {}, next_steps: ['done'] },
      { step_id: 'done', name: 'Done', type: 'end' },
    ],
  };
  value(await lab.admin.call('workflows/definitions/import', { commandId: lab.cid(), definition: weigh, publish: true }));
  value(await ben.client.call('workflows/instances/start', { commandId: lab.cid(), code: 'WEIGH_SAMPLE', entityType: 'equipment', entityId: instrument.id }));
}

void firstDueDate;
await lab.close();
console.log('seeded');
