import type { RecordLookup, RecordReads } from '../records/record-kind';
import { gateReads, gateThroughLookup } from './instrument-reads';

/**
 * Usage gating of a project's resource allocation of an instrument (`plan_items` of kind
 * resource_allocation, resourceType equipment): the plan-item commands on the host and the sync
 * server's plan-items rule refuse allocating an instrument that is not fit for use when the
 * allocation starts (or now, if it has started). Judged when the allocation is made or moved to
 * another instrument or period; changing its hours or removing it is always possible. Pure.
 */
type Doc = Record<string, unknown>;

interface EquipmentAllocation {
  equipmentId: string;
  periodStart: string;
  periodEnd: string;
}

const dataOf = (doc: Doc | null | undefined): Doc => (doc?.data && typeof doc.data === 'object' ? (doc.data as Doc) : {});

/** The allocation of an instrument a plan item stands for, or null when it is something else (or removed). */
export function equipmentAllocationOf(doc: Doc | null | undefined): EquipmentAllocation | null {
  const data = dataOf(doc);
  if (!doc || doc._deleted === true || doc.kind !== 'resource_allocation' || data.resourceType !== 'equipment' || typeof data.equipmentId !== 'string') return null;
  return { equipmentId: data.equipmentId, periodStart: String(data.periodStart ?? ''), periodEnd: String(data.periodEnd ?? '') };
}

/** What judging it reads, or null when the write needs no judging. */
export function allocationReads(doc: Doc, previous: Doc | null): RecordReads | null {
  const after = equipmentAllocationOf(doc);
  if (!after) return null;
  const before = equipmentAllocationOf(previous);
  if (before && before.equipmentId === after.equipmentId && before.periodStart === after.periodStart && before.periodEnd === after.periodEnd) return null;
  return gateReads(after.equipmentId);
}

/** The refusal of allocating the instrument, or null. */
export function checkAllocation(doc: Doc, previous: Doc | null, lookup: RecordLookup, now: string): string | null {
  if (!allocationReads(doc, previous)) return null;
  const allocation = equipmentAllocationOf(doc)!;
  const unfit = gateThroughLookup(lookup, { equipmentId: allocation.equipmentId, from: allocation.periodStart, to: allocation.periodEnd, now, use: 'allocation' });
  return unfit?.message ?? null;
}
