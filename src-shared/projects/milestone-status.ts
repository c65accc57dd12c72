import type { Task } from '../tasks/task-model';
import { CLOSED_STATUSES } from '../tasks/task-model';
import type { Milestone, MilestoneStatus } from './plan-item-model';

export interface MilestoneEvaluation {
  status: MilestoneStatus;
  isReached: boolean;
  /** Texts of the completion criteria not yet met. */
  unmetCriteria: string[];
  /** Linked tasks still open (neither done nor cancelled), by id and title. */
  openTasks: Array<{ id: string; title: string }>;
}

/**
 * A milestone is reached when every completion criterion is met and every linked task is done
 * (cancelled tasks no longer count). It is missed when it is not reached and `today` is past its
 * due date. A milestone with neither criteria nor linked tasks has nothing to check, so it keeps
 * the status a person set on it.
 */
export function evaluateMilestone(milestone: Milestone, tasks: readonly Task[], today: string): MilestoneEvaluation {
  const { completionCriteria, linkedTaskIds, dueDate } = milestone.data;
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const unmetCriteria = completionCriteria.filter((c) => !c.isMet).map((c) => c.text);
  const openTasks = linkedTaskIds
    .map((id) => byId.get(id))
    .filter((t): t is Task => t !== undefined && !CLOSED_STATUSES.has(t.status))
    .map((t) => ({ id: t.id, title: t.title }));

  const hasSomethingToCheck = completionCriteria.length > 0 || linkedTaskIds.length > 0;
  const isReached = hasSomethingToCheck ? unmetCriteria.length === 0 && openTasks.length === 0 : milestone.data.status === 'reached';
  const status: MilestoneStatus = isReached ? 'reached' : today > dueDate ? 'missed' : 'pending';
  return { status, isReached, unmetCriteria, openTasks };
}
