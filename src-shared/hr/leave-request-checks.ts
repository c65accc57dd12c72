import { formatDay } from '../format/display-format';
import type { InvariantInput, RecordLookup } from '../records/record-kind';
import { holidaysOfLocation, holidayCalendarsParent } from './holiday-calendar-kind';
import { firstShortfall } from './leave-balance';
import { leaveDayCount, leaveDays, type LeaveSpan } from './leave-days';
import { leavePolicySchema, type Employment, type LeavePolicy } from './leave-entitlement';
import { standardWorkingPattern, workingPatternSchema, type WorkingPattern } from './working-pattern';

/**
 * The leave request's domain rules beyond fields and statuses, shared by host and sync server
 * through the kind's invariant: no overlapping leave; `days` must be what the dates cost for this
 * person (their pattern, their location's holidays, half days); annual leave must be covered by the
 * balance on each of its days unless HR explicitly overrode it. Pure.
 */
export interface LeaveRequestFacts extends LeaveSpan {
  personId: string;
  leaveType: string;
  days: number;
  balanceOverride?: { byId: string; reason: string } | null | undefined;
}
type Doc = Record<string, unknown>;
type LeaveDoc = { id: string; status: string; number?: string; data: LeaveRequestFacts };

/** Requests that still hold their days (not withdrawn or refused). */
export const liveLeaveStatuses: ReadonlySet<string> = new Set(['draft', 'submitted', 'approved']);
/** Leave types that use up the yearly entitlement; the others (sick, parental …) are recorded, not counted. */
export const balancedLeaveTypes: ReadonlySet<string> = new Set(['annual']);

export interface PersonLeaveTerms {
  employment: Employment;
  policy: LeavePolicy;
  holidays: ReturnType<typeof holidaysOfLocation>;
}

/** The person's leave terms from their employee record and their location's calendar, or null without an employee record. */
export function leaveTermsOf(lookup: RecordLookup, personId: string): PersonLeaveTerms | null {
  const employee = lookup.byPerson('employee', personId).find((doc) => doc.kind === 'employee');
  if (!employee) return null;
  const data = (employee.data ?? {}) as Doc;
  const pattern = workingPatternSchema.safeParse(data.workingPattern);
  const policy = leavePolicySchema.safeParse(data.leavePolicy ?? {});
  const workingPattern: WorkingPattern = pattern.success ? pattern.data : standardWorkingPattern;
  return {
    employment: { startDate: String(data.startDate ?? ''), endDate: String(data.endDate ?? ''), pattern: workingPattern },
    policy: policy.success ? policy.data : leavePolicySchema.parse({}),
    holidays: holidaysOfLocation(lookup.byParent('holiday_calendar', holidayCalendarsParent), String(data.location ?? '')),
  };
}

export function overlappingLeave(record: LeaveDoc, others: readonly LeaveDoc[]): { message: string; field: string } | null {
  const clash = others.find((o) => o.id !== record.id && liveLeaveStatuses.has(o.status) && o.data.startDate <= record.data.endDate && record.data.startDate <= o.data.endDate);
  return clash ? { message: `This leave overlaps ${clash.number || 'another request'} (${formatDay(clash.data.startDate)} to ${formatDay(clash.data.endDate)}).`, field: 'data.startDate' } : null;
}

/** Whether the write changes what the request costs (so its days and balance must be judged again). */
export function changesCost(record: LeaveDoc, previous: { status: string; data: Record<string, unknown> } | null): boolean {
  if (!previous || !liveLeaveStatuses.has(previous.status)) return true;
  const before = previous.data as Partial<LeaveRequestFacts>;
  const after = record.data;
  return before.startDate !== after.startDate || before.endDate !== after.endDate || before.days !== after.days || before.leaveType !== after.leaveType ||
    Boolean(before.isFirstDayHalf) !== Boolean(after.isFirstDayHalf) || Boolean(before.isLastDayHalf) !== Boolean(after.isLastDayHalf);
}

/** An override stands only when it names an active HR person who made it in this write or an earlier one. */
function overrideRefusal(input: InvariantInput<LeaveRequestFacts>): { message: string; field: string } | null {
  const override = input.record.data.balanceOverride;
  if (!override) return null;
  const earlier = (input.previous?.data as Partial<LeaveRequestFacts> | undefined)?.balanceOverride;
  const byHr = input.lookup.get('people', override.byId);
  const isHr = byHr !== null && byHr.isActive === true && Array.isArray(byHr.roles) && byHr.roles.includes('hr');
  const isTheirs = earlier?.byId === override.byId || input.actorId === override.byId;
  return isHr && isTheirs ? null : { message: 'Only HR can allow leave beyond the balance, in their own name.', field: 'data.balanceOverride' };
}

const fmt = (days: number) => `${days} day${days === 1 ? '' : 's'}`;

export function checkLeaveRequest(input: InvariantInput<LeaveRequestFacts>): { message: string; field?: string } | null {
  const record = input.record as unknown as LeaveDoc;
  if (!liveLeaveStatuses.has(record.status)) return null;
  const others = input.lookup.byPerson('leave_request', record.data.personId) as unknown as LeaveDoc[];
  const overlap = overlappingLeave(record, others);
  if (overlap) return overlap;
  const refusal = overrideRefusal(input);
  if (refusal) return refusal;
  if (!changesCost(record, input.previous)) return null;
  const terms = leaveTermsOf(input.lookup, record.data.personId);
  // Without an employee record HR has not set the person's pattern or entitlement: nothing to judge against.
  if (!terms) return null;
  const cost = leaveDayCount(record.data, terms.employment.pattern, terms.holidays);
  if (cost !== record.data.days) {
    return { message: `These dates are ${fmt(cost)} of leave for this person (days off and public holidays do not count), not ${fmt(record.data.days)}.`, field: 'data.days' };
  }
  if (!balancedLeaveTypes.has(record.data.leaveType) || record.data.balanceOverride) return null;
  const daysOf = (r: LeaveDoc) => leaveDays(r.data, terms.employment.pattern, terms.holidays);
  const booked = others.filter((o) => o.id !== record.id && liveLeaveStatuses.has(o.status) && balancedLeaveTypes.has(o.data.leaveType)).flatMap(daysOf);
  const fromYear = Number(record.data.startDate.slice(0, 4));
  const withThis = firstShortfall(terms.policy, terms.employment, [...booked, ...daysOf(record)], fromYear);
  if (!withThis) return null;
  // Only refuse what this request makes worse: an earlier shortfall HR allowed is not this request's fault.
  const without = firstShortfall(terms.policy, terms.employment, booked, fromYear);
  if (without && without.date <= withThis.date && without.short >= withThis.short) return null;
  return {
    message: `The leave balance does not cover this: on ${formatDay(withThis.date)} it is ${fmt(withThis.short)} short (days not yet earned or carried days that have lapsed count as missing). Ask HR to allow it.`,
    field: 'data.days',
  };
}
