import { fail, type AppError } from '../core/result';
import { instanceFields } from '../workflows/instance-document';
import { instanceStatuses, type WorkflowInstance } from '../workflows/instance';
import { replayEvents } from '../workflows/replay';
import type { WorkflowEvent } from '../workflows/workflow-events';
import { isSameValue } from './conflicts';

/**
 * Workflow instance documents on the sync server. An instance is the replay of its events
 * (src-shared/workflows/replay.ts), so the server never takes a PC's word for one: the instance it
 * stores is always the one it derives from the events it holds, and a pushed instance only makes it
 * derive again. The PC gets the server's instance back whenever its own differs — ahead of the
 * server's events (collections replicate independently; the events follow), behind them, or beside
 * them after losing a race for a step, whose losing events are kept as conflict records. Pure.
 */
type Doc = Record<string, unknown>;

export type InstanceJudgement =
  /** Malformed: refused. */
  | { kind: 'refuse'; error: AppError }
  /** The server holds none of its events yet: taken, nothing stored; the server derives it when the events arrive. */
  | { kind: 'pending' }
  /** The server's instance is the replay of its history (deriveInstanceDocument); the PC takes it when its own differs. */
  | { kind: 'derive' };

const refuse = (code: AppError['code'], message: string): InstanceJudgement => ({ kind: 'refuse', error: fail(code, message).error });

/** Judges a pushed `workflow_instances` document given how many of the instance's events the server holds. */
export function judgeInstancePush(doc: Doc, heldEvents: number): InstanceJudgement {
  if (doc._deleted === true) return refuse('forbidden', 'A workflow instance is never removed; cancel it instead.');
  const state = doc.state as WorkflowInstance | undefined;
  if (!state || typeof state !== 'object' || !(instanceStatuses as readonly unknown[]).includes(doc.status)) {
    return refuse('invalid_input', `This workflow instance has no state or an unknown status “${String(doc.status)}”.`);
  }
  const copied = { id: doc.id, code: doc.code, version: doc.version, status: doc.status, entityType: doc.entityType, entityId: doc.entityId, eventCount: doc.eventCount };
  const fromState = { id: state.id, code: state.workflowCode, version: state.definitionVersion, status: state.status, entityType: state.entityType, entityId: state.entityId, eventCount: state.eventCount };
  if (!isSameValue(copied, fromState)) return refuse('invalid_input', 'This workflow instance document does not agree with its own state.');
  return heldEvents === 0 ? { kind: 'pending' } : { kind: 'derive' };
}

/**
 * The instance document the server's history gives: `stored` with the replayed state (its other
 * fields kept), or a new document when there is none. `stored` itself when it is up to date;
 * null when the history does not replay.
 */
export function deriveInstanceDocument(history: readonly WorkflowEvent[], stored: Doc | null, definitionId: string): Doc | null {
  const replayed = replayEvents(history);
  if (!replayed.ok) return null;
  const state = replayed.value;
  if (stored && stored._deleted !== true && isSameValue(stored.state, state)) return stored;
  const last = history.reduce((a, b) => (b.seq > a.seq ? b : a));
  const base = stored ?? { id: state.id, createdAt: state.startedAt, createdBy: state.startedBy, auditId: '' };
  return {
    ...base,
    ...instanceFields(state, typeof stored?.definitionId === 'string' ? stored.definitionId : definitionId),
    updatedAt: state.updatedAt,
    updatedBy: last.actor.userId,
    _deleted: false,
  };
}
