/**
 * Records for the records benchmark, built as a busy lab would file them: purchase requests for
 * real instruments and consumables from a few dozen suppliers, over three years, in every status;
 * and leave requests. Deterministic (a seeded generator), and every `data` is checked with its
 * kind's schema and its columns derived by the kind (recordColumns), as the host does.
 */
import { createIdSource } from '../../src-shared/core/ids';
import { purchaseRequestKind } from '../../src-shared/equipment/purchase-request-kind';
import { leaveRequestKind, leaveTypes } from '../../src-shared/hr/leave-request-kind';
import { noManagers, recordColumns, type RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { formatNumber, seriesKey } from '../../src-shared/records/record-numbers';

/** Deterministic "random" numbers, so every run seeds the same register. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const items = ['Analytical balance', 'pH meter', 'Benchtop centrifuge', 'HPLC column C18', 'Pipette set', 'Fume hood filter', 'Ultra-low freezer', 'Spectrophotometer', 'Nitrile gloves (case)', 'Autoclave tape', 'Karl Fischer titrator', 'Incubator', 'Laminar flow cabinet', 'Microscope objective', 'Thermal cycler', 'Vortex mixer', 'Magnetic stirrer', 'Glassware kit', 'Conductivity probe', 'Reference standard'];
const suppliers = ['Sartorius', 'Mettler Toledo', 'Thermo Fisher', 'Eppendorf', 'Agilent', 'Merck', 'VWR', 'Waters', 'Shimadzu', 'Hettich', 'Binder', 'Memmert', 'Labconco', 'Olympus', 'Bio-Rad', 'IKA', 'Hach', 'Metrohm', 'Carl Roth', 'Fisher Scientific'];
const statuses: Array<[string, number]> = [['draft', 0.15], ['submitted', 0.2], ['approved', 0.2], ['ordered', 0.15], ['received', 0.2], ['rejected', 0.05], ['cancelled', 0.05]];
const leaveStatuses: Array<[string, number]> = [['draft', 0.2], ['submitted', 0.3], ['approved', 0.4], ['rejected', 0.05], ['cancelled', 0.05]];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const weighted = (random: () => number, list: Array<[string, number]>): string => {
  let r = random();
  for (const [value, weight] of list) if ((r -= weight) < 0) return value;
  return list[0]?.[0] as string;
};
const day = (base: number, offsetDays: number) => new Date(base + offsetDays * 86_400_000).toISOString().slice(0, 10);

export interface SeedPlan {
  purchaseRequests: number;
  leaveRequests: number;
}

/** Builds the documents in batches (the caller writes each batch before the next is built). */
export function* recordBatches(plan: SeedPlan, peopleIds: readonly string[], batchSize: number): Generator<RecordDocument[]> {
  const random = rng(20_260_401);
  const newId = createIdSource(() => Date.UTC(2026, 0, 1), (n) => new Uint8Array(Array.from({ length: n }, () => Math.floor(random() * 256))));
  const counters = new Map<string, number>();
  const start = Date.UTC(2024, 0, 1);
  const build = (kind: AnyRecordKind, data: Record<string, unknown>, status: string, createdAt: string, by: string): RecordDocument => {
    const parsed = kind.data.parse(data) as Record<string, unknown>;
    const series = kind.number!;
    const key = seriesKey(series, createdAt);
    const counter = (counters.get(key) ?? 0) + 1;
    counters.set(key, counter);
    return {
      id: newId(), createdAt, updatedAt: createdAt, createdBy: by, updatedBy: by, auditId: 'bench-seed',
      kind: kind.kind, kindVersion: kind.version, status, number: formatNumber(series, key, counter), numberState: 'final',
      ...recordColumns(kind, parsed, noManagers), data: parsed,
    };
  };
  let batch: RecordDocument[] = [];
  const total = plan.purchaseRequests + plan.leaveRequests;
  for (let i = 0; i < total; i++) {
    // Filed in time order, so numbers rise with the date as they would.
    const createdAt = new Date(start + Math.floor((i / total) * 3 * 365 * 86_400_000)).toISOString();
    const person = pick(random, peopleIds);
    const isPurchase = i % Math.round(total / plan.leaveRequests) !== 0;
    if (isPurchase) {
      const item = pick(random, items);
      batch.push(build(purchaseRequestKind, {
        itemName: `${item} ${1 + Math.floor(random() * 400)}`,
        quantity: 1 + Math.floor(random() * 20),
        estimatedCost: { amountMinor: 500 + Math.floor(random() ** 2 * 5_000_000), currency: random() < 0.9 ? 'EUR' : 'USD' },
        supplierName: pick(random, suppliers),
        neededBy: day(Date.parse(createdAt), 14 + Math.floor(random() * 120)),
        requesterId: person,
        description: `For the ${pick(random, ['QC', 'R&D', 'stability', 'microbiology', 'chemistry'])} lab`,
      }, weighted(random, statuses), createdAt, person));
    } else {
      const first = Date.parse(createdAt) + Math.floor(random() * 60) * 86_400_000;
      const days = 1 + Math.floor(random() * 10);
      batch.push(build(leaveRequestKind, { personId: person, leaveType: pick(random, leaveTypes), startDate: day(first, 0), endDate: day(first, days + 1), days }, weighted(random, leaveStatuses), createdAt, person));
    }
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
