import type { CalibrationEvent, PlanSchedule } from '../../../src-shared/equipment/calibration-schedule';
import type { InstrumentFacts } from '../../../src-shared/equipment/fitness';

/** Facts for the equipment rules: an instrument in service, a yearly plan, calibrations by date. */
export const instrument = (fields: Partial<InstrumentFacts> = {}): InstrumentFacts => ({
  id: 'EQ1',
  number: 'EQ-0001',
  name: 'Analytical balance',
  status: 'in_service',
  custodianId: 'cara',
  authorisedUserIds: ['ben'],
  ...fields,
});

export const yearlyPlan = (fields: Partial<PlanSchedule> = {}): PlanSchedule => ({
  id: 'P1',
  number: 'CALP-0001',
  name: 'Annual calibration',
  isActive: true,
  firstDueDate: '2026-01-31',
  interval: { count: 12, unit: 'months' },
  ...fields,
});

let counter = 0;
export const calibration = (performedOn: string, result: 'pass' | 'fail' = 'pass', fields: Partial<CalibrationEvent> = {}): CalibrationEvent => {
  counter += 1;
  return { id: `C${counter}`, number: `CAL-2026-${String(counter).padStart(4, '0')}`, planId: 'P1', performedOn, result, asFound: 'pass', isVoided: false, createdAt: `${performedOn}T10:00:00.000Z`, ...fields };
};
