import { auditTime, from, startWith, switchMap, type Observable } from 'rxjs';
import type { CalibrationEvent, PlanSchedule } from '../../src-shared/equipment/calibration-schedule';
import { calibrationFacts, instrumentFacts, locationLine, planFacts } from '../../src-shared/equipment/equipment-facts';
import type { InstrumentFacts } from '../../src-shared/equipment/fitness';
import type { LabDatabase } from '../database/open-database';
import type { StoredDoc } from '../records/module-records';
import { fleetOf, type FleetState } from './fleet-state';

/**
 * Every instrument with its calibration plans and calibrations, read in three indexed queries (by
 * kind) and grouped in memory: what the register, the dashboard and the reminders compute from.
 */
export interface InstrumentState {
  doc: StoredDoc;
  facts: InstrumentFacts;
  location: string;
  plans: PlanSchedule[];
  calibrations: CalibrationEvent[];
}

const plainDocs = (docs: readonly { toJSON(): unknown }[]) => docs.map((d) => d.toJSON() as StoredDoc);

function groupByParent<T>(docs: readonly StoredDoc[], read: (doc: StoredDoc) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const doc of docs) {
    const list = groups.get(doc.parentId);
    if (list) list.push(read(doc));
    else groups.set(doc.parentId, [read(doc)]);
  }
  return groups;
}

/** An instrument's state from its documents; kept per document version, which the fleet keeps until it changes. */
const statesKept = new WeakMap<object, { plans: readonly StoredDoc[]; calibrations: readonly StoredDoc[]; state: InstrumentState }>();

function stateOf(doc: StoredDoc, plans: readonly StoredDoc[], calibrations: readonly StoredDoc[]): InstrumentState {
  const kept = statesKept.get(doc);
  if (kept && kept.plans === plans && kept.calibrations === calibrations) return kept.state;
  const state: InstrumentState = {
    doc,
    facts: instrumentFacts(doc),
    // The dashboard groups by room: the bench is left out.
    location: locationLine({ ...((doc.data as { location?: object }).location ?? {}), bench: '' }),
    plans: plans.map(planFacts),
    calibrations: calibrations.map(calibrationFacts),
  };
  statesKept.set(doc, { plans, calibrations, state });
  return state;
}

/** From the fleet in memory: the same answer as the queries below, with no read. */
function statesInFleet(fleet: FleetState, ids?: readonly string[]): InstrumentState[] {
  const docs = (ids ? ids.map((id) => fleet.record(id)).filter((d) => d?.kind === 'equipment') : fleet.all('equipment')) as StoredDoc[];
  return docs.map((doc) => stateOf(doc, (fleet.byParent('calibration_plan', doc.id) ?? []) as StoredDoc[], (fleet.byParent('calibration', doc.id) ?? []) as StoredDoc[]));
}

/** The instruments (or only those with these ids) with their plans and calibrations. */
export async function instrumentStates(db: LabDatabase, ids?: readonly string[]): Promise<InstrumentState[]> {
  const fleet = fleetOf(db);
  if (fleet) {
    await fleet.ready();
    return statesInFleet(fleet, ids);
  }
  const byIds = ids ? { parentId: { $in: [...ids] } } : {};
  const [instruments, plans, calibrations] = await Promise.all([
    ids ? db.records.findByIds([...ids]).exec().then((m) => [...m.values()].filter((d) => d.get('kind') === 'equipment')) : db.records.find({ selector: { kind: 'equipment' } }).exec(),
    db.records.find({ selector: { kind: 'calibration_plan', ...byIds } }).exec(),
    db.records.find({ selector: { kind: 'calibration', ...byIds } }).exec(),
  ]);
  const plansOf = groupByParent(plainDocs(plans), planFacts);
  const calibrationsOf = groupByParent(plainDocs(calibrations), calibrationFacts);
  return plainDocs(instruments).map((doc) => ({
    doc,
    facts: instrumentFacts(doc),
    // The dashboard groups by room: the bench is left out.
    location: locationLine({ ...((doc.data as { location?: object }).location ?? {}), bench: '' }),
    plans: plansOf.get(doc.id) ?? [],
    calibrations: calibrationsOf.get(doc.id) ?? [],
  }));
}

/** Re-runs `compute` whenever records change (bursts answered once per `ms`), starting at once. */
export function onRecordChanges<T>(db: LabDatabase, compute: () => Promise<T>, ms = 100): Observable<T> {
  return db.records.$.pipe(auditTime(ms), startWith(null), switchMap(() => from(compute())));
}
