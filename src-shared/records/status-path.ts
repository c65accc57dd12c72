import type { RecordDocument } from './record-document';
import type { AnyRecordKind, RecordTransition } from './record-kind';
import { isWho, type RecordActor, type WhoTarget } from './who';

/**
 * The way a record went from one status to another in several moves, as the sync server sees it.
 * A PC sends only a record's latest state: one that was created and sent, or sent and then accepted,
 * before its push (offline, or faster than the push) arrives as a single jump. The server takes the
 * jump when a chain of transitions leads there that the pusher may make (or the record's workflows
 * made) and whose required fields the pushed record fills, judged on the record as pushed. Pure.
 */

export interface StatusPathQuery {
  kind: AnyRecordKind;
  actor: RecordActor;
  /** Whom `who` rules are judged on: the stored version for a change, the pushed one for a create. */
  target: WhoTarget;
  data: Readonly<Record<string, unknown>>;
  from: string;
  to: string;
  hasWorkflowMove?(to: string): boolean;
}

const isFilled = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Whether one move is the actor's (or a workflow's it made) with its required fields filled. */
function canMove(t: RecordTransition, query: StatusPathQuery): boolean {
  const byWho = t.who === 'workflow' ? (query.hasWorkflowMove?.(t.to) ?? false) : isWho(t.who, query.actor, query.target);
  return byWho && (t.requires ?? []).every((field) => isFilled(query.data[field]));
}

/** The shortest chain of moves from `from` to `to` the actor may make, or null when there is none (or they are the same). */
export function statusPath(query: StatusPathQuery): RecordTransition[] | null {
  const { kind, from, to } = query;
  if (from === to) return null;
  const cameBy = new Map<string, RecordTransition | null>([[from, null]]);
  const queue = [from];
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    for (const t of kind.transitions) {
      if (!t.from.includes(at) || cameBy.has(t.to) || !canMove(t, query)) continue;
      cameBy.set(t.to, { ...t, from: [at] });
      if (t.to === to) {
        const path: RecordTransition[] = [];
        for (let step = cameBy.get(to); step; step = cameBy.get(step.from[0] as string)) path.unshift(step);
        return path;
      }
      queue.push(t.to);
    }
  }
  return null;
}

/** The statuses a path passes through after its start, in order (its end included). */
export const statusesAlong = (path: readonly RecordTransition[]): string[] => path.map((t) => t.to);

/** The record at each move of a path, as `previous → record` pairs for a kind's invariant (data as pushed). */
export function pathSteps<T extends Pick<RecordDocument, 'status'>>(first: T | null, after: T, path: readonly RecordTransition[]): { previous: T | null; record: T }[] {
  return path.map((t, i) => ({ previous: i === 0 ? first : { ...after, status: t.from[0] as string }, record: { ...after, status: t.to } }));
}
