import { stepTokenOfNoticeKey } from '../workflows/step-notices';
import { SYSTEM_AUTHOR } from './system-author';
import { changedFields, dataOf, type Decision, allow } from './write-rule';

type Doc = Record<string, unknown>;

/** Notices a step's end settles (src-main/workflows/settle-step-notices.ts). */
const STEP_NOTICE_EVENTS: ReadonlySet<unknown> = new Set(['workflow_step_entered', 'sla_violation']);

/**
 * Whether `doc` is `previous` settled by the host: a "Waiting for you" or SLA notice marked read
 * as the system because its step ended, nothing else changed. Whichever PC ran the step's end
 * settles everyone's notices of it, so the pusher is rarely their recipient; the sync server takes
 * this one system change (authorship.ts) once the step has ended on its side too
 * (`stepNoticeSettlingDecision`). Pure.
 */
export function isStepNoticeSettling(previous: Doc | null, doc: Doc): boolean {
  if (!previous || doc.kind !== 'notification' || previous.kind !== 'notification') return false;
  if (!STEP_NOTICE_EVENTS.has(doc.event) || doc.updatedBy !== SYSTEM_AUTHOR) return false;
  if (previous.isRead !== false || doc.isRead !== true) return false;
  return changedFields(previous, doc).every((field) => field === 'isRead');
}

/** The workflow instance a step notice links to (its `data.link.itemId`), for the server to look at. */
export function stepNoticeInstanceId(doc: Doc): string | null {
  const link = dataOf(doc).link as { section?: unknown; itemId?: unknown } | undefined;
  return link?.section === 'workflows' && typeof link.itemId === 'string' && link.itemId ? link.itemId : null;
}

/**
 * The server's judgement of a settling: allowed once the instance no longer has the notice's step
 * active; waiting while the server has not had the events that ended it (they go first,
 * collections.ts `pushAfter`, but may be held up); refused for a notice of no step.
 */
export function stepNoticeSettlingDecision(doc: Doc, instance: Doc | null | undefined): Decision {
  const token = stepTokenOfNoticeKey(typeof dataOf(doc).key === 'string' ? String(dataOf(doc).key) : undefined);
  if (!token) return { isAllowed: false, reason: 'Only a notice about a workflow step can be settled by LabFlow.' };
  // A stored instance keeps the engine's state whole (workflows/instance-document.ts).
  const active = ((instance?.state as { activeSteps?: { token?: unknown }[] } | undefined)?.activeSteps) ?? null;
  if (active && !active.some((step) => step.token === token)) return allow;
  return { isAllowed: false, reason: 'The step this notice is about has not ended on the server yet.', isWaiting: true };
}
