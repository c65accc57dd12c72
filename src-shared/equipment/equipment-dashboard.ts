import { nextCalibrationDue, type CalibrationEvent, type PlanSchedule } from './calibration-schedule';
import { outOfUseStatuses, retiredStatuses } from './equipment-statuses';
import { addInterval } from './interval';
import { onTimeRate, type MonthRate } from './on-time-rate';

/**
 * The equipment dashboard: calibrations due in the next 30 days, overdue ones, instruments out of
 * service, each by location, and the on-time calibration rate over 12 months. Pure: the host hands
 * it the instruments with their plans and calibrations.
 */

export interface DashboardInstrument {
  id: string;
  number: string;
  name: string;
  status: string;
  custodianId: string;
  /** "Site · Building · Room" (the bench left out: the dashboard groups by room). */
  location: string;
  plans: readonly PlanSchedule[];
  calibrations: readonly CalibrationEvent[];
}

export interface DueRow {
  equipmentId: string;
  number: string;
  name: string;
  location: string;
  custodianId: string;
  planName: string;
  dueDate: string;
  /** Days from today to the due date (negative: overdue by that many days). */
  daysLeft: number;
}

export interface OutOfServiceRow {
  equipmentId: string;
  number: string;
  name: string;
  location: string;
  status: string;
}

export interface LocationCounts {
  location: string;
  instruments: number;
  dueSoon: number;
  overdue: number;
  outOfService: number;
}

export interface EquipmentDashboard {
  today: string;
  horizonDays: number;
  dueSoon: DueRow[];
  overdue: DueRow[];
  outOfService: OutOfServiceRow[];
  byLocation: LocationCounts[];
  onTime: { months: MonthRate[]; overall: MonthRate };
  inService: number;
  total: number;
}

const dayMs = 86_400_000;
const daysFrom = (today: string, date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / dayMs);

export function equipmentDashboard(instruments: readonly DashboardInstrument[], today: string, horizonDays = 30): EquipmentDashboard {
  const horizon = addInterval(today, { count: horizonDays, unit: 'days' });
  const dueSoon: DueRow[] = [];
  const overdue: DueRow[] = [];
  const outOfService: OutOfServiceRow[] = [];
  const locations = new Map<string, LocationCounts>();
  const rated: { plan: PlanSchedule; calibrations: readonly CalibrationEvent[] }[] = [];
  let inService = 0;
  let total = 0;
  for (const instrument of instruments) {
    if (retiredStatuses.has(instrument.status)) continue;
    total += 1;
    const location = instrument.location || 'No location';
    const counts = locations.get(location) ?? { location, instruments: 0, dueSoon: 0, overdue: 0, outOfService: 0 };
    locations.set(location, counts);
    counts.instruments += 1;
    if (instrument.status === 'in_service') inService += 1;
    if (outOfUseStatuses.has(instrument.status)) {
      counts.outOfService += 1;
      outOfService.push({ equipmentId: instrument.id, number: instrument.number, name: instrument.name, location, status: instrument.status });
    }
    for (const plan of instrument.plans) rated.push({ plan, calibrations: instrument.calibrations });
    const next = nextCalibrationDue(instrument.plans, instrument.calibrations);
    if (!next || next.dueDate > horizon) continue;
    const row: DueRow = { equipmentId: instrument.id, number: instrument.number, name: instrument.name, location, custodianId: instrument.custodianId, planName: next.plan.name, dueDate: next.dueDate, daysLeft: daysFrom(today, next.dueDate) };
    if (next.dueDate < today) {
      overdue.push(row);
      counts.overdue += 1;
    } else {
      dueSoon.push(row);
      counts.dueSoon += 1;
    }
  }
  const byDate = (a: DueRow, b: DueRow) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number);
  return {
    today,
    horizonDays,
    dueSoon: dueSoon.sort(byDate),
    overdue: overdue.sort(byDate),
    outOfService: outOfService.sort((a, b) => a.location.localeCompare(b.location) || a.number.localeCompare(b.number)),
    byLocation: [...locations.values()].sort((a, b) => a.location.localeCompare(b.location)),
    onTime: onTimeRate(rated, today),
    inService,
    total,
  };
}
