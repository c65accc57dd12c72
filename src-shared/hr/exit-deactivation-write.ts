import { SYSTEM_AUTHOR } from '../sync/system-author';
import { allow, changedFields, deny, type Decision } from '../sync/write-rule';
import { addDays } from '../projects/plan-dates';
import { accessEndsOn, type ExitFacts } from './exit-access';

type Doc = Record<string, unknown>;

/**
 * The people write of an exit (src-main/hr/exit-deactivation-rule.ts): after a leaving person's last
 * day, whichever PC holds the exit deactivates them as the system — `isActive` from true to false
 * and nothing else. That PC is HR's or the person's own, never an administrator's as the people
 * rule otherwise asks, so the sync server takes this one change as LabFlow's own transition
 * (authorship.ts, permissions.ts) when its own clock agrees: the person has a live exit whose last
 * day has passed on the server's UTC day — the same judgement as `loadPerson`, which ends their
 * access there whatever any PC sends. Pure.
 */
export function isExitDeactivation(previous: Doc | null, doc: Doc): boolean {
  if (!previous || doc._deleted === true || doc.kind !== 'person' || previous.kind !== 'person' || doc.updatedBy !== SYSTEM_AUTHOR) return false;
  if (previous.isActive !== true || doc.isActive !== false) return false;
  return changedFields(previous, doc).every((field) => field === 'isActive');
}

/**
 * The server's judgement, by its UTC day (`today`, 'YYYY-MM-DD'): allowed once the last day of a
 * live exit of the person has passed. On the last day itself it waits rather than refuses: a PC
 * east of UTC reaches its midnight first, and its write is taken when the server's day ends (a
 * refusal would put the person back on that PC, and the PC's rule fires once).
 */
export function exitDeactivationDecision(exits: readonly ExitFacts[], today: string): Decision {
  const ends = accessEndsOn(exits);
  if (ends !== null && today >= ends) return allow;
  if (ends !== null && today >= addDays(ends, -1)) return { isAllowed: false, reason: 'The last day of this exit has not ended on the server yet.', isWaiting: true };
  return deny('LabFlow deactivates a leaving person only after the last day of their exit.');
}
