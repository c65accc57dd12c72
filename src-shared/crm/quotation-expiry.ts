import { addDays, isPlanDate } from '../projects/plan-dates';
import { dueInstant } from '../scheduler/due-time';
import { reminder, type DueReminder } from '../scheduler/reminder';
import type { Who } from '../records/who';

/**
 * Quotation expiry, pure: a sent quotation is valid *until* its validity date, so it expires at the
 * start of the next day in the lab's zone. The scheduler's rule (src-main/crm/quotation-expiry-rule.ts)
 * turns each into one reminder whose id depends on the quotation only: firing it moves the
 * quotation to `expired` (as LabFlow itself) and tells the owner, exactly once across restarts.
 */

/**
 * LabFlow's scheduler acting on a record. A role code a person can never hold (role codes are
 * lower-case letters, digits and underscores: people/person.ts), so only the host's own background
 * work — which builds its actor with it — passes a transition that names it.
 */
export const LABFLOW_ITSELF_ROLE = '@labflow';
export const labflowItself = { roles: [LABFLOW_ITSELF_ROLE] } as const satisfies Who;

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
