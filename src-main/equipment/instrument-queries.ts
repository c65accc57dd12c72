import { map, switchMap, type Observable } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { planStanding } from '../../src-shared/equipment/calibration-schedule';
import type { CalibrationPlanData } from '../../src-shared/equipment/calibration-plan-kind';
import type { CalibrationData } from '../../src-shared/equipment/calibration-kind';
import { locationLine } from '../../src-shared/equipment/equipment-facts';
import { equipmentKind, type EquipmentData } from '../../src-shared/equipment/equipment-kind';
import type { BookingItem, CalibrationPlanView, HistoryView, InstrumentOverview, RelatedRow } from '../../src-shared/equipment/equipment-views';
import { dateOf, describeInterval } from '../../src-shared/equipment/interval';
import type { BookingData } from '../../src-shared/equipment/booking-kind';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { isWho } from '../../src-shared/records/who';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';
import { recordActor$ } from '../records/record-queries';
import { recordViewOf } from '../records/record-store';
import { personNames, type StoredDoc } from '../records/module-records';
import { fitnessToday } from './equipment-queries';
import { loadHistory } from './history-source';
import { instrumentStates, onRecordChanges } from './instrument-states';

const dayMs = 86_400_000;
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const notFound = (): Result<never> => fail('not_found', 'That instrument no longer exists.');

function relatedRow(doc: StoredDoc): RelatedRow {
  const kind = recordKindOf(doc.kind);
  return { id: doc.id, kind: doc.kind, number: doc.number, title: doc.title, status: doc.status, statusLabel: kind?.statuses.find((s) => s.id === doc.status)?.label ?? doc.status, date: doc.date || doc.createdAt.slice(0, 10) };
}

/** Bookings as the calendar shows them, with what the viewer may do. */
export function bookingItems(docs: readonly StoredDoc[], labels: Map<string, string>, names: Map<string, string>, actor: RecordActor): BookingItem[] {
  const cancel = recordKindOf('booking')?.transitions.find((t) => t.to === 'cancelled');
  return docs.map((doc) => {
    const d = doc.data as BookingData;
    return {
      id: doc.id,
      equipmentId: d.equipmentId,
      equipmentLabel: labels.get(d.equipmentId) ?? '',
      personId: d.personId,
      personName: names.get(d.personId) ?? '',
      start: d.start,
      end: d.end,
      purpose: d.purpose,
      status: doc.status,
      canCancel: doc.status === 'booked' && cancel !== undefined && cancel.who !== 'workflow' && isWho(cancel.who, actor, doc),
    };
  }).sort((a, b) => a.start.localeCompare(b.start));
}

async function overview(db: LabDatabase, id: string, actor: RecordActor, now: string): Promise<Result<InstrumentOverview>> {
  const [state] = await instrumentStates(db, [id]);
  if (!state) return notFound();
  const data = state.doc.data as EquipmentData;
  const children = (await db.records.find({ selector: { parentId: id } }).exec()).map((d) => d.toJSON() as StoredDoc);
  const of = (kind: string) => children.filter((c) => c.kind === kind);
  const bookings = of('booking').filter((b) => b.status === 'booked' && text((b.data as BookingData).end) > now);
  const names = await personNames(db, [data.custodianId, ...data.authorisedUserIds, ...bookings.map((b) => (b.data as BookingData).personId), ...of('calibration').map((c) => text((c.data as CalibrationData).performedById))]);
  const plans = of('calibration_plan');
  const calibrationPlans: CalibrationPlanView[] = plans.map((doc) => {
    const d = doc.data as CalibrationPlanData;
    const standing = planStanding(state.plans.find((p) => p.id === doc.id)!, state.calibrations);
    const last = standing.latest;
    return {
      id: doc.id, number: doc.number, name: d.name, status: doc.status, intervalText: describeInterval(d.interval), provider: d.provider === 'external' ? `External${d.providerName ? `: ${d.providerName}` : ''}` : 'In house', method: d.method,
      dueDate: standing.dueDate, daysLeft: Math.round((Date.parse(`${standing.dueDate}T00:00:00Z`) - Date.parse(`${dateOf(now)}T00:00:00Z`)) / dayMs),
      ...(last ? { lastCalibration: { id: last.id, number: last.number, performedOn: last.performedOn, result: last.result } } : {}),
      points: d.points, reminderLeadDays: d.reminderLeadDays,
    };
  });
  const planNames = new Map(plans.map((p) => [p.id, (p.data as CalibrationPlanData).name]));
  const calibrations = of('calibration')
    .map((doc) => {
      const d = doc.data as CalibrationData;
      return { id: doc.id, number: doc.number, planName: planNames.get(d.planId) ?? '', performedOn: d.performedOn, performedBy: d.provider === 'external' ? d.performedByName : (names.get(text(d.performedById)) ?? ''), result: d.result, asFoundResult: d.asFoundResult, certificateNumber: d.certificateNumber, status: doc.status };
    })
    .sort((a, b) => b.performedOn.localeCompare(a.performedOn));
  const label = `${state.doc.number} ${data.name}`.trim();
  return ok({
    record: recordViewOf({ kind: equipmentKind, doc: state.doc, isFromNewerVersion: false }, actor),
    custodianName: names.get(data.custodianId) ?? '',
    authorisedUsers: data.authorisedUserIds.map((p) => ({ id: p, name: names.get(p) ?? '' })),
    location: locationLine(data.location),
    fitness: fitnessToday(state, now),
    calibrationPlans,
    calibrations,
    maintenancePlans: of('maintenance_plan').map(relatedRow),
    workOrders: of('work_order').map(relatedRow).sort((a, b) => b.date.localeCompare(a.date)),
    qualifications: of('qualification').map(relatedRow),
    deviations: of('deviation').map(relatedRow),
    decommissioning: of('decommissioning').map(relatedRow),
    upcomingBookings: bookingItems(bookings, new Map([[id, label]]), names, actor),
  });
}

const withActor = <T>(db: LabDatabase, personId: string, compute: (actor: RecordActor) => Promise<Result<T>>): Observable<Result<T>> =>
  recordActor$(db, personId).pipe(switchMap((actor) => onRecordChanges(db, () => compute(actor))));

export const instrumentQueryHandlers: QueryHandlers<'equipment/instrument' | 'equipment/history' | 'equipment/bookings'> = {
  'equipment/instrument': (input, context) => withActor(context.db, context.actor.id, (actor) => overview(context.db, input.id, actor, context.clock().toISOString())),

  'equipment/history': (input, context) =>
    onRecordChanges(context.db, () => loadHistory(context.db, input.id)).pipe(
      map((history): Result<HistoryView> => (history ? ok({ equipmentId: input.id, label: `${history.equipment.number} ${(history.equipment.data as EquipmentData).name}`.trim(), events: history.events }) : notFound())),
    ),

  'equipment/bookings': (input, context) =>
    withActor(context.db, context.actor.id, async (actor) => {
      const selector = { kind: 'booking', ...(input.equipmentId ? { parentId: input.equipmentId } : {}), date: { $lt: input.to } };
      const docs = (await context.db.records.find({ selector }).exec()).map((d) => d.toJSON() as StoredDoc).filter((d) => text((d.data as BookingData).end) > input.from);
      const equipmentIds = [...new Set(docs.map((d) => d.parentId))];
      const instruments = await context.db.records.findByIds(equipmentIds).exec();
      const labels = new Map(equipmentIds.map((e) => [e, `${text(instruments.get(e)?.get('number'))} ${text(instruments.get(e)?.get('title'))}`.trim()]));
      const names = await personNames(context.db, docs.map((d) => (d.data as BookingData).personId));
      return ok(bookingItems(docs, labels, names, actor));
    }),
};

