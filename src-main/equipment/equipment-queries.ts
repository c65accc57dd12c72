import { map } from 'rxjs';
import { ok } from '../../src-shared/core/result';
import { nextCalibrationDue } from '../../src-shared/equipment/calibration-schedule';
import { equipmentDashboard } from '../../src-shared/equipment/equipment-dashboard';
import { locationLine } from '../../src-shared/equipment/equipment-facts';
import type { EquipmentData } from '../../src-shared/equipment/equipment-kind';
import { equipmentStatusLabel, retiredStatuses } from '../../src-shared/equipment/equipment-statuses';
import type { Fitness, InstrumentRow } from '../../src-shared/equipment/equipment-views';
import { checkFitForUse } from '../../src-shared/equipment/fitness';
import { dateOf } from '../../src-shared/equipment/interval';
import type { QueryHandlers } from '../host/handler-types';
import type { LabDatabase } from '../database/open-database';
import { personNames } from '../records/module-records';
import { fleetOf } from './fleet-state';
import { instrumentStates, onRecordChanges, type InstrumentState } from './instrument-states';

const dayMs = 86_400_000;

/** The last dashboard computed per host (by its database), with the fleet version, day and horizon it was computed for. */
const boards = new WeakMap<LabDatabase, { key: string; board: ReturnType<typeof equipmentDashboard> }>();

/** Fit for use today, the person aside: what the register and the instrument page show. */
export function fitnessToday(state: Pick<InstrumentState, 'facts' | 'plans' | 'calibrations'>, now: string): Fitness {
  const unfit = checkFitForUse({ instrument: state.facts, plans: state.plans, calibrations: state.calibrations, from: now, to: now, now, use: 'usage' });
  return unfit ? { isFit: false, reason: unfit.reason, message: unfit.message } : { isFit: true };
}

function rowOf(state: InstrumentState, names: Map<string, string>, now: string): InstrumentRow {
  const data = state.doc.data as EquipmentData;
  const next = nextCalibrationDue(state.plans, state.calibrations);
  return {
    id: state.doc.id,
    number: state.doc.number,
    name: data.name,
    category: data.category,
    manufacturer: data.manufacturer,
    model: data.model,
    serialNumber: data.serialNumber,
    status: state.doc.status,
    statusLabel: equipmentStatusLabel(state.doc.status),
    location: locationLine(data.location),
    custodianId: data.custodianId,
    custodianName: names.get(data.custodianId) ?? '',
    isGxpCritical: data.isGxpCritical,
    ...(next ? { nextDue: { dueDate: next.dueDate, planName: next.plan.name, daysLeft: Math.round((Date.parse(`${next.dueDate}T00:00:00Z`) - Date.parse(`${dateOf(now)}T00:00:00Z`)) / dayMs) } } : {}),
    fitness: fitnessToday(state, now),
  };
}

/**
 * The calibration dashboard of every instrument on `today`. The fleet's version names what it was
 * computed from: every opening until a change gets the same board at once (and the equipment
 * feature computes the app's default one as soon as the fleet is filled, for the first opening).
 */
export async function dashboardOf(db: LabDatabase, today: string, horizonDays: number): Promise<ReturnType<typeof equipmentDashboard>> {
  const states = await instrumentStates(db);
  const fleet = fleetOf(db);
  const key = fleet ? `${fleet.version()}|${today}|${horizonDays}` : null;
  const kept = key ? boards.get(db) : undefined;
  if (kept && kept.key === key) return kept.board;
  const instruments = states.map((s) => ({ id: s.doc.id, number: s.doc.number, name: s.facts.name, status: s.doc.status, custodianId: s.facts.custodianId, location: s.location, plans: s.plans, calibrations: s.calibrations }));
  const board = equipmentDashboard(instruments, today, horizonDays);
  if (key) boards.set(db, { key, board });
  return board;
}

/** The register with next due and fitness, and the dashboard; live on record changes. */
export const equipmentQueryHandlers: QueryHandlers<'equipment/list' | 'equipment/dashboard'> = {
  'equipment/list': (input, context) => {
    const words = input.text.toLowerCase().split(/\s+/).filter(Boolean);
    return onRecordChanges(context.db, async () => {
      const now = context.clock().toISOString();
      const states = (await instrumentStates(context.db)).filter((s) => input.includeRetired || !retiredStatuses.has(s.doc.status));
      const names = await personNames(context.db, states.map((s) => s.facts.custodianId));
      const rows = states.map((s) => rowOf(s, names, now));
      const matching = words.length === 0 ? rows : rows.filter((r) => words.every((w) => `${r.number} ${r.name} ${r.manufacturer} ${r.model} ${r.serialNumber} ${r.location} ${r.custodianName}`.toLowerCase().includes(w)));
      return matching.sort((a, b) => a.number.localeCompare(b.number));
    }).pipe(map((rows) => ok(rows)));
  },

  'equipment/dashboard': (input, context) =>
    onRecordChanges(context.db, () => dashboardOf(context.db, dateOf(context.clock().toISOString()), input.horizonDays), 250).pipe(map((board) => ok(board))),
};
