import { describe, expect, it } from 'vitest';
import { checkReadyInstrument, instrumentNeedOf, instrumentNeedReads, instrumentNeedsOfRun } from '../../../src-shared/equipment/step-instrument-gate';
import { formatDay } from '../../../src-shared/format/display-format';
import type { RecordLookup } from '../../../src-shared/records/record-kind';
import { advance } from '../../../src-shared/workflows/advance';
import type { StepDefinition } from '../../../src-shared/workflows/definition-schema';
import { validateDefinition } from '../../../src-shared/workflows/validate-definition';
import { flow, must, people, start, t0, task } from '../workflows/helpers';

type Doc = Record<string, unknown>;

/** Stored records of one instrument: a balance with a yearly calibration plan, calibrated on `calibratedOn`. */
function lab(fields: { status?: string; calibratedOn?: string; result?: 'pass' | 'fail' } = {}): RecordLookup {
  const records: Doc[] = [
    { id: 'EQ1', kind: 'equipment', number: 'BAL-0004', title: 'Balance', status: fields.status ?? 'in_service', data: { name: 'Balance', custodianId: 'cara', authorisedUserIds: [] } },
    { id: 'P1', kind: 'calibration_plan', parentId: 'EQ1', number: 'CALP-0001', status: 'active', data: { name: 'Annual calibration', firstDueDate: '2024-11-11', interval: { count: 12, unit: 'months' } } },
    { id: 'C1', kind: 'calibration', parentId: 'EQ1', number: 'CAL-0001', status: 'recorded', createdAt: '2024-11-10T10:00:00.000Z', data: { planId: 'P1', performedOn: fields.calibratedOn ?? '2024-11-11', result: fields.result ?? 'pass' } },
  ];
  return {
    get: (collection, id) => (collection === 'records' ? (records.find((r) => r.id === id) ?? null) : null),
    byParent: (kind, parentId) => records.filter((r) => r.kind === kind && r.parentId === parentId),
    byPerson: () => [],
  };
}

const weigh = (extra: Partial<StepDefinition> = {}): StepDefinition => task('weigh', [], 'member', { name: 'Weigh the sample', ...extra });
const byField: Partial<StepDefinition> = { form: [{ key: 'balance', label: 'Balance', type: 'text', required: true }], ready_instrument: { field: 'balance' } };

/** The events completing `weigh` writes, with the instance before them. */
function completion(step: StepDefinition, data: Record<string, unknown> = {}, action = 'complete') {
  const definition = flow([step]);
  const started = start(definition, {}, people.requester, t0, { entityType: 'equipment', entityId: 'EQ1' });
  const done = must(advance(definition, started.instance, { commandId: 'c1', action, data }, people.requester, t0));
  return { definition, before: started.instance, events: done.events };
}

// The 2024-11-11 calibration is due again on 2025-11-11: overdue from the 12th.
const inCalibration = '2025-06-01T09:00:00.000Z';
const overdue = '2025-11-20T09:00:00.000Z';

describe('a workflow step that requires a ready instrument', () => {
  it('uses the equipment record the workflow is about, or the instrument its form field names', () => {
    const onRecord = completion(weigh({ ready_instrument: {} }));
    expect(instrumentNeedsOfRun(onRecord.definition, onRecord.before, onRecord.events)).toEqual([{ stepName: 'Weigh the sample', equipmentId: 'EQ1' }]);
    const named = completion(weigh(byField), { balance: 'EQ7' });
    expect(instrumentNeedsOfRun(named.definition, named.before, named.events)).toEqual([{ stepName: 'Weigh the sample', equipmentId: 'EQ7' }]);
    expect(instrumentNeedReads({ stepName: 'x', equipmentId: 'EQ7' }).ids).toEqual([{ collection: 'records', id: 'EQ7' }]);
  });

  it('asks nothing of steps without the requirement, of a rejection, or of the instance start', () => {
    const plain = completion(weigh());
    expect(instrumentNeedsOfRun(plain.definition, plain.before, plain.events)).toEqual([]);
    const rejected = completion(weigh({ ready_instrument: {}, conditions: { complete: [], reject: [] } }), {}, 'reject');
    expect(instrumentNeedsOfRun(rejected.definition, rejected.before, rejected.events)).toEqual([]);
    expect(instrumentNeedOf(rejected.definition, undefined, rejected.events[0]!)).toBeNull();
  });

  it('lets a ready instrument through and refuses an overdue one, saying since when and for which step', () => {
    const need = { stepName: 'Weigh the sample', equipmentId: 'EQ1' };
    expect(checkReadyInstrument(lab(), need, inCalibration)).toBeNull();
    const refusal = checkReadyInstrument(lab(), need, overdue);
    expect(refusal).toContain('BAL-0004 Balance is overdue for calibration');
    expect(refusal).toContain(`overdue since ${formatDay('2025-11-12')}`);
    expect(refusal).toMatch(/It cannot be used for “Weigh the sample”\.$/);
    // Calibrated again: ready.
    expect(checkReadyInstrument(lab({ calibratedOn: '2025-11-19' }), need, overdue)).toBeNull();
  });

  it.each([
    ['quarantined', 'quarantined'],
    ['out_of_service', 'out of service'],
    ['in_qualification', 'not qualified'],
  ])('refuses an instrument that is %s', (status, words) => {
    expect(checkReadyInstrument(lab({ status }), { stepName: 'Weigh', equipmentId: 'EQ1' }, inCalibration)).toContain(words);
  });

  it('refuses a failed calibration, an unknown instrument and none at all', () => {
    expect(checkReadyInstrument(lab({ result: 'fail' }), { stepName: 'Weigh', equipmentId: 'EQ1' }, inCalibration)).toContain('failed its last calibration');
    expect(checkReadyInstrument(lab(), { stepName: 'Weigh', equipmentId: 'EQ9' }, inCalibration)).toBe('“Weigh” uses an instrument from the equipment register; EQ9 is not one.');
    expect(checkReadyInstrument(lab(), { stepName: 'Weigh', equipmentId: null }, inCalibration)).toBe('“Weigh” uses an instrument: choose one from the equipment register.');
  });

  it('is declared on steps people act on, naming a field of their form', () => {
    const problems = (step: StepDefinition) => validateDefinition(flow([step])).map((p) => p.message);
    expect(problems(weigh(byField))).toEqual([]);
    expect(problems(weigh({ ready_instrument: { field: 'nope' } })).join(' ')).toContain('no field “nope”');
  });
});
