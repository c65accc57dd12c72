import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planStanding, type CalibrationEvent, type PlanSchedule } from '../../../src-shared/equipment/calibration-schedule';
import { equipmentStatuses } from '../../../src-shared/equipment/equipment-statuses';
import { checkFitForUse, type FitnessInput } from '../../../src-shared/equipment/fitness';
import { formatDay } from '../../../src-shared/format/display-format';
import { addInterval } from '../../../src-shared/equipment/interval';
import { calibration, instrument, yearlyPlan } from './fixtures';

const booking = (fields: Partial<FitnessInput> = {}): FitnessInput => ({
  instrument: instrument(),
  plans: [yearlyPlan()],
  calibrations: [calibration('2026-01-20', 'pass', { number: 'CAL-2026-0007' })],
  person: { id: 'ben', name: 'Ben Bench' },
  from: '2026-06-01T09:00:00.000Z',
  to: '2026-06-01T12:00:00.000Z',
  now: '2026-05-20T08:00:00.000Z',
  use: 'booking',
  ...fields,
});

describe('usage gating, by example', () => {
  it('lets an authorised person book a calibrated instrument in service', () => {
    expect(checkFitForUse(booking())).toBeNull();
    expect(checkFitForUse(booking({ person: { id: 'cara' } }))).toBeNull();
  });

  it('refuses an overdue instrument, naming the calibration and since when', () => {
    const unfit = checkFitForUse(booking({ now: '2027-01-25T08:00:00.000Z', from: '2027-01-26T09:00:00.000Z', to: '2027-01-26T10:00:00.000Z' }));
    expect(unfit).toMatchObject({ reason: 'calibration_overdue', planId: 'P1', dueDate: '2027-01-20' });
    expect(unfit?.message).toBe(`EQ-0001 Analytical balance is overdue for calibration: “Annual calibration” was due on ${formatDay('2027-01-20')} (overdue since ${formatDay('2027-01-21')}; last calibrated CAL-2026-0007 on ${formatDay('2026-01-20')}).`);
  });

  it('refuses a booking that runs past the due date, but not one that ends on it', () => {
    expect(checkFitForUse(booking({ from: '2027-01-20T09:00:00.000Z', to: '2027-01-20T23:00:00.000Z' }))).toBeNull();
    expect(checkFitForUse(booking({ from: '2027-01-20T09:00:00.000Z', to: '2027-01-21T09:00:00.000Z' }))).toMatchObject({ reason: 'calibration_lapses', dueDate: '2027-01-20' });
  });

  it('accepts a use logged afterwards for a time the instrument was in calibration, but no booking while it is overdue', () => {
    const past = { now: '2027-02-01T08:00:00.000Z', from: '2027-01-19T09:00:00.000Z', to: '2027-01-19T10:00:00.000Z' };
    expect(checkFitForUse(booking({ use: 'usage', ...past }))).toBeNull();
    expect(checkFitForUse(booking(past))).toMatchObject({ reason: 'calibration_overdue' });
  });

  it('refuses after a failed calibration until one passes', () => {
    const failed = calibration('2026-03-01', 'fail');
    expect(checkFitForUse(booking({ calibrations: [calibration('2026-01-20'), failed] }))).toMatchObject({ reason: 'calibration_failed', message: expect.stringContaining(`${failed.number}`) });
    expect(checkFitForUse(booking({ calibrations: [calibration('2026-01-20'), failed, calibration('2026-03-02')] }))).toBeNull();
  });

  it.each([
    ['quarantined', 'quarantined'],
    ['out_of_service', 'out_of_service'],
    ['under_maintenance', 'under_maintenance'],
    ['in_qualification', 'not_qualified'],
    ['installed', 'not_qualified'],
    ['decommissioned', 'decommissioned'],
  ])('refuses an instrument that is %s', (status, reason) => {
    expect(checkFitForUse(booking({ instrument: instrument({ status }) }))).toMatchObject({ reason });
  });

  it('refuses a person who is not an authorised user', () => {
    expect(checkFitForUse(booking({ person: { id: 'olga', name: 'Olga Other' } }))).toEqual({ reason: 'not_authorised', message: 'Olga Other is not an authorised user of EQ-0001 Analytical balance; its custodian can add them.' });
  });

  it('judges a project allocation when it starts (or now), with nobody named', () => {
    const allocation = booking({ use: 'allocation', person: undefined, from: '2026-12-01', to: '2027-06-30' });
    expect(checkFitForUse(allocation)).toBeNull();
    expect(checkFitForUse({ ...allocation, from: '2027-02-01' })).toMatchObject({ reason: 'calibration_lapses' });
    expect(checkFitForUse({ ...allocation, now: '2027-03-01T00:00:00.000Z' })).toMatchObject({ reason: 'calibration_overdue' });
  });

  it('counts the earliest due plan and ignores retired plans', () => {
    const daily = yearlyPlan({ id: 'P2', name: 'Daily check', interval: { count: 1, unit: 'days' }, firstDueDate: '2026-05-01' });
    expect(checkFitForUse(booking({ plans: [yearlyPlan(), daily] }))).toMatchObject({ reason: 'calibration_overdue', planId: 'P2' });
    expect(checkFitForUse(booking({ plans: [yearlyPlan(), { ...daily, isActive: false }] }))).toBeNull();
  });
});

// ── The rule as a property ─────────────────────────────────────────────────────────────────────

const day = fc.integer({ min: 0, max: 900 }).map((n) => addInterval('2025-01-01', { count: n, unit: 'days' }));
const planArb: fc.Arbitrary<PlanSchedule> = fc.record({
  id: fc.constantFrom('P1', 'P2'),
  number: fc.constant(''),
  name: fc.constantFrom('Annual', 'Check'),
  isActive: fc.boolean(),
  firstDueDate: day,
  interval: fc.record({ count: fc.integer({ min: 1, max: 24 }), unit: fc.constantFrom('days', 'weeks', 'months') }),
});
const calibrationArb: fc.Arbitrary<CalibrationEvent> = fc.record({
  id: fc.uuid(),
  number: fc.constant('CAL'),
  planId: fc.constantFrom('P1', 'P2'),
  performedOn: day,
  result: fc.constantFrom('pass', 'fail'),
  asFound: fc.constantFrom('pass', 'fail', 'not_measured'),
  isVoided: fc.boolean(),
  createdAt: fc.constant('2025-01-01T00:00:00.000Z'),
});
const inputArb: fc.Arbitrary<FitnessInput> = fc
  .record({
    status: fc.constantFrom(...equipmentStatuses.map((s) => s.id), 'in_service', 'in_service'),
    plans: fc.uniqueArray(planArb, { selector: (p) => p.id, maxLength: 2 }),
    calibrations: fc.array(calibrationArb, { maxLength: 6 }),
    personId: fc.option(fc.constantFrom('cara', 'ben', 'olga'), { nil: undefined }),
    start: day,
    hours: fc.integer({ min: 1, max: 24 * 20 }),
    now: day,
    use: fc.constantFrom('booking', 'usage', 'allocation'),
  })
  .map((r) => {
    const from = `${r.start}T08:00:00.000Z`;
    return {
      instrument: instrument({ status: r.status }),
      plans: r.plans,
      calibrations: r.calibrations,
      person: r.personId ? { id: r.personId } : undefined,
      from,
      to: new Date(Date.parse(from) + r.hours * 3_600_000).toISOString(),
      now: `${r.now}T12:00:00.000Z`,
      use: r.use,
    } satisfies FitnessInput;
  });

/** The rule in its own words, written apart from the implementation: every condition must hold. */
function isFit(input: FitnessInput): boolean {
  if (input.instrument.status !== 'in_service') return false;
  const active = input.plans.filter((p) => p.isActive);
  const today = input.now.slice(0, 10);
  const lastDay = [input.use === 'allocation' ? input.from.slice(0, 10) : input.to.slice(0, 10), input.use === 'usage' ? '' : today].sort()[1]!;
  for (const plan of active) {
    const own = input.calibrations.filter((c) => c.planId === plan.id && !c.isVoided);
    const latest = [...own].sort((a, b) => a.performedOn.localeCompare(b.performedOn) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).at(-1);
    if (latest?.result === 'fail') return false;
    if (lastDay > planStanding(plan, input.calibrations).dueDate) return false;
  }
  const person = input.person;
  return !person || person.id === input.instrument.custodianId || input.instrument.authorisedUserIds.includes(person.id);
}

describe('usage gating, as a property', () => {
  it('refuses exactly when a condition fails, always with a reason naming the instrument', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const unfit = checkFitForUse(input);
        expect(unfit === null).toBe(isFit(input));
        if (unfit && unfit.reason !== 'not_authorised') expect(unfit.message).toContain('EQ-0001');
        if (unfit?.reason === 'calibration_overdue') expect(unfit.message).toContain(`was due on ${formatDay(unfit.dueDate)}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets through more after a shorter use, and never refuses more after a new passing calibration', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 400 }), (input, extraDays) => {
        if (checkFitForUse(input) === null && input.use === 'usage') {
          expect(checkFitForUse({ ...input, to: input.from })).toBeNull();
        }
        // Calibrated on or after the due date and after every earlier calibration: the next due date only moves later.
        const latestDay = [...input.calibrations.map((c) => c.performedOn), '2025-01-01'].sort().at(-1)!;
        const fresh = input.plans.map((p, i) => {
          const on = [latestDay, planStanding(p, input.calibrations).dueDate].sort()[1]!;
          return { ...calibration(addInterval(on, { count: extraDays, unit: 'days' }), 'pass'), id: `new${i}`, planId: p.id, createdAt: '2099-01-01T00:00:00.000Z' };
        });
        if (checkFitForUse(input) === null) expect(checkFitForUse({ ...input, calibrations: [...input.calibrations, ...fresh] })).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});
