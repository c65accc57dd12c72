import type { LabDatabase } from '../../src-main/database/open-database';
import type { AuditEntry } from '../../src-shared/audit/audit-contract';
import { calibrationKind } from '../../src-shared/equipment/calibration-kind';
import { calibrationPlanKind } from '../../src-shared/equipment/calibration-plan-kind';
import { equipmentKind } from '../../src-shared/equipment/equipment-kind';
import { workOrderKind } from '../../src-shared/equipment/work-order-kind';
import { noManagers, recordColumns, type RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';

/**
 * A large lab's equipment written straight into the host's database, as the record commands would
 * have left it (data parsed by each kind, columns derived by its declaration): `instruments`
 * instruments in service in 100 rooms, each with a yearly calibration plan and two calibrations
 * whose due dates spread from two months overdue to ten months ahead; a few out of service or
 * quarantined. The first instrument (`historyInstrumentId`) has a long life: 1,000 calibrations,
 * 400 corrective work orders done and verified (two events each) and 200 moves in its audit trail —
 * 2,000 history card events.
 */
export const historyInstrumentId = 'BEQ000000';
export const HISTORY_EVENTS = 2_000;

const at = '2024-01-01T08:00:00.000Z';
const base = (id: string, createdAt = at) => ({ id, createdAt, updatedAt: createdAt, createdBy: 'bench', updatedBy: 'bench', auditId: 'bench' });
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const dayMs = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function record(kind: AnyRecordKind, id: string, input: Record<string, unknown>, fields: { status: string; number: string; createdAt?: string }): RecordDocument {
  const data = kind.data.parse(input) as Record<string, unknown>;
  return { ...base(id, fields.createdAt), kind: kind.kind, kindVersion: kind.version, status: fields.status, number: fields.number, numberState: 'final', ...recordColumns(kind, data, noManagers), data };
}

const point = { id: 'p1', name: '100 g check weight', unit: 'g', nominal: 100, tolerance: 0.0002 };
const reading = { ...point, pointId: 'p1', asFound: 100.0001, asLeft: 100.0001 };

function calibration(n: number, equipmentId: string, custodianId: string, performedOn: string): RecordDocument {
  const data = { equipmentId, custodianId, planId: `BCP${equipmentId.slice(3)}`, performedOn, performedById: custodianId, readings: [reading], asFoundResult: 'pass', result: 'pass' };
  return record(calibrationKind, `BCAL${pad(n, 7)}`, data, { status: 'recorded', number: `CAL-${performedOn.slice(0, 4)}-${pad(n, 6)}`, createdAt: `${performedOn}T10:00:00.000Z` });
}

/** The instruments with their plans and calibrations, due dates spread around `today`. */
function instrumentRecords(instruments: number, custodianId: string, userId: string, today: string): RecordDocument[] {
  const docs: RecordDocument[] = [];
  let calibrations = 0;
  for (let i = 0; i < instruments; i++) {
    const id = `BEQ${pad(i, 6)}`;
    const status = i % 97 === 1 ? 'out_of_service' : i % 211 === 2 ? 'quarantined' : 'in_service';
    const location = { site: 'Main', building: `B${i % 4}`, room: `${i % 25}.0${i % 3}`, bench: String(i % 7) };
    docs.push(record(equipmentKind, id, { name: `Balance ${i}`, category: 'balance', manufacturer: 'Mettler', model: 'XPR205', serialNumber: `SN${i}`, location, custodianId, authorisedUserIds: [userId], isGxpCritical: i % 2 === 0, installedOn: '2024-01-02' }, { status, number: `EQ-${pad(i + 1, 5)}` }));
    docs.push(record(calibrationPlanKind, `BCP${pad(i, 6)}`, { equipmentId: id, custodianId, name: 'Annual calibration', interval: { count: 12, unit: 'months' }, firstDueDate: '2025-01-01', points: [point] }, { status: 'active', number: `CALP-${pad(i + 1, 5)}` }));
    // The last one between 14 months and 2 months ago: due from 2 months overdue to 10 months ahead.
    const last = Date.parse(`${today}T00:00:00Z`) - (60 + (i % 365)) * dayMs;
    docs.push(calibration(++calibrations, id, custodianId, dayOf(last - 365 * dayMs)));
    docs.push(calibration(++calibrations, id, custodianId, dayOf(last)));
  }
  return docs;
}

/** The long life of the history instrument: 1,000 calibrations and 400 verified work orders under it. */
function lifeRecords(custodianId: string): RecordDocument[] {
  const docs: RecordDocument[] = [];
  const start = Date.parse('2010-01-04T00:00:00Z');
  for (let n = 0; n < 1_000; n++) docs.push(calibration(1_000_000 + n, historyInstrumentId, custodianId, dayOf(start + n * 5 * dayMs)));
  for (let n = 0; n < 400; n++) {
    const opened = new Date(start + (n * 12 + 2) * dayMs).toISOString();
    const data = { equipmentId: historyInstrumentId, custodianId, type: 'corrective', summary: `Fault ${n}`, faultDescription: 'Drifts after warm-up', reportedById: custodianId, repairDescription: 'Load cell replaced', completedOn: dayOf(Date.parse(opened) + dayMs), parts: [{ name: 'Load cell', quantity: 1, unitCostMinor: 12_000 }] };
    docs.push({ ...record(workOrderKind, `BWO${pad(n, 6)}`, data, { status: 'verified', number: `WO-${opened.slice(0, 4)}-${pad(n, 5)}`, createdAt: opened }), updatedAt: new Date(Date.parse(opened) + dayMs).toISOString() });
  }
  return docs;
}

/** 200 moves of the history instrument, as its audit trail records them. */
function moves(custodianId: string): AuditEntry[] {
  const start = Date.parse('2010-01-05T12:00:00Z');
  const roomOf = (n: number) => ({ site: 'Main', building: 'B0', room: `${n % 25}.00`, bench: String(n % 7) });
  return Array.from({ length: 200 }, (_, n) => {
    const when = new Date(start + n * 30 * dayMs).toISOString();
    return {
      ...base(`BAUD${pad(n, 6)}`, when),
      at: when,
      actorId: custodianId,
      actorName: 'Bench custodian',
      command: 'equipment/move',
      collectionName: 'records',
      recordId: historyInstrumentId,
      operation: 'update',
      changes: [{ field: 'data', old: { location: roomOf(n) }, new: { location: roomOf(n + 1) } }],
      after: {},
    };
  });
}

/** Writes it all; returns how many records. */
export async function seedInstruments(db: LabDatabase, options: { instruments: number; custodianId: string; userId: string; today: string }): Promise<number> {
  const docs = [...instrumentRecords(options.instruments, options.custodianId, options.userId, options.today), ...lifeRecords(options.custodianId)];
  const failed = (result: { error: readonly unknown[] }) => {
    if (result.error.length > 0) throw new Error(`Seeding failed: ${JSON.stringify(result.error[0])}`);
  };
  for (let i = 0; i < docs.length; i += 2_000) failed(await db.records.bulkInsert(docs.slice(i, i + 2_000)));
  failed(await db.audit.bulkInsert(moves(options.custodianId)));
  return docs.length;
}
