import { addDays, isPlanDate } from '../projects/plan-dates';
import { dueInstant } from '../scheduler/due-time';
import { reminder, type DueReminder } from '../scheduler/reminder';
import type { InvariantProblem } from '../records/record-kind';
import { changedDataFields } from '../records/record-rules';

/**
 * Quotation expiry, pure: a sent quotation is valid *until* its validity date, so it expires at the
 * start of the next day in the lab's zone. The scheduler's rule (src-main/crm/quotation-expiry-rule.ts)
 * turns each into one reminder whose id depends on the quotation only: firing it moves the
 * quotation to `expired` (as LabFlow itself) and tells the owner, exactly once across restarts.
 */

export interface ExpirySource {
  id: string;
  status: string;
  number?: string | null | undefined;
  deletedAt?: unknown;
  data: { validUntil: string; ownerId: string };
}

export const quotationExpiryKey = (quotationId: string): string => `crm_quotation_expiry:${quotationId}`;

/** The lab's calendar day (YYYY-MM-DD) at `now`, `utcOffsetMinutes` east of UTC. */
export const labDayOf = (now: Date, utcOffsetMinutes: number): string => new Date(now.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);

/** Sent quotations valid until a day before `today` (YYYY-MM-DD in the lab's zone): valid *until* includes that day. */
export const quotationsToExpire = (quotations: readonly { id: string; status: string; deletedAt?: unknown; data: { validUntil: string } }[], today: string): string[] =>
  quotations.filter((q) => !q.deletedAt && q.status === 'sent' && q.data.validUntil < today).map((q) => q.id);

/**
 * The expiry reminder of a quotation: for a sent one (due the morning after its last valid day) and
 * for an expired one (due at once: expired before its owner was told, e.g. a crash between the two
 * writes — the scheduler skips it when its firing exists). Others have none.
 */
export function quotationExpiryReminder(quotation: ExpirySource, utcOffsetMinutes: number): DueReminder | null {
  if (quotation.deletedAt || !isPlanDate(quotation.data.validUntil)) return null;
  if (quotation.status !== 'sent' && quotation.status !== 'expired') return null;
  const dueAtMs = dueInstant(addDays(quotation.data.validUntil, 1), { dueTimeOfDay: '00:00', utcOffsetMinutes });
  if (dueAtMs === undefined) return null;
  const key = quotationExpiryKey(quotation.id);
  const name = quotation.number || 'A quotation';
  return reminder({
    key,
    kind: 'crm_quotation_expiry',
    series: key,
    dueAt: new Date(dueAtMs).toISOString(),
    recipientId: quotation.data.ownerId,
    event: 'crm_quotation_expired',
    subject: `${name} has expired`,
    body: `${name} was valid until ${quotation.data.validUntil} and was neither accepted nor rejected. Make a revision to offer again.`,
    link: { section: 'records', itemId: quotation.id },
    about: quotation.id,
  });
}

/** The widest a lab's zone runs ahead of UTC (UTC+14): no lab's day starts earlier than this. */
const EARLIEST_ZONE_MS = 14 * 3_600_000;

/**
 * The sync server's judgement of a quotation expiry a PC pushes as LabFlow's own write: only
 * `sent → expired` with nothing else changed, and only once its last valid day is over by the
 * server's clock. The server does not know the lab's zone, so it takes the earliest midnight any
 * zone has (UTC+14); a push before that — the PC's clock running ahead — waits instead of being
 * refused. Pure.
 */
export function expiryProblem(previous: { status: string; data: Record<string, unknown> } | null, record: { status: string; data: Record<string, unknown> & { validUntil: string } }, now: string): InvariantProblem | null {
  if (!previous || previous.status !== 'sent' || record.status !== 'expired') return { message: 'LabFlow itself only ever expires a sent quotation.', field: 'status' };
  if (changedDataFields(previous.data, record.data).length > 0) return { message: 'Expiring a quotation changes nothing but its status.', field: 'data' };
  const endsMs = Date.parse(`${addDays(record.data.validUntil, 1)}T00:00:00.000Z`) - EARLIEST_ZONE_MS;
  if (!(Date.parse(now) >= endsMs)) return { message: `This quotation is valid until ${record.data.validUntil} on the sync server’s clock; it expires after that.`, isWaiting: true };
  return null;
}
