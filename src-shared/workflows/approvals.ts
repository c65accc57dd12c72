import type { StepDefinition } from './definition-schema';
import { approvalLevelsOf, type ResolvedLevel } from './definition-graph';
import type { Run, ActionExtras } from './engine-run';
import type { ActiveStep, ApprovalProgress, Assignees } from './instance';

/**
 * Approval steps: levels decided one after another, each by a quorum of distinct approvers.
 * `any`: the first decision decides. `all`: every approver must approve; one rejection rejects.
 * `n_of_m`: n approvals pass; the step is rejected as soon as n can no longer be reached.
 */

/** The quorum of a level for the approvers found, or why it can never be met. */
export function levelProgress(
  level: ResolvedLevel,
  index: number,
  assignees: Assignees,
  requestedBy: string,
  allowSelfApproval: boolean,
): ApprovalProgress | { unreachable: string } {
  const isRoleBased = assignees.roles.length > 0;
  const eligibleUsers = assignees.users.filter((user) => allowSelfApproval || user !== requestedBy).length;
  // A role has no fixed head count, so `all` and `n_of_m` over a role rely on the stated m.
  const approvers = isRoleBased ? level.m : eligibleUsers;
  const base = { level: index, votes: [] };
  if (!isRoleBased && eligibleUsers === 0) {
    return { unreachable: `"${level.name}" has no approver other than the requester, and self-approval is off.` };
  }
  switch (level.quorum) {
    case 'any':
      return { ...base, required: 1, rejectionsToFail: 1 };
    case 'all':
      if (approvers === undefined) return { unreachable: `"${level.name}" needs every approver, but a role has no fixed count (set m).` };
      return { ...base, required: approvers, rejectionsToFail: 1 };
    case 'n_of_m': {
      const n = level.n ?? 1;
      const m = approvers ?? n;
      if (n > m) return { unreachable: `"${level.name}" needs ${n} approvals but only ${m} approvers can give one.` };
      return { ...base, required: n, rejectionsToFail: m - n + 1 };
    }
  }
}

/**
 * Records one approver's decision and, when the level's quorum is decided, moves to the next level
 * or completes the step with `approve` or `reject`. The caller has checked who may vote.
 */
export function castVote(run: Run, active: ActiveStep, step: StepDefinition, decision: 'approve' | 'reject', extras: ActionExtras): void {
  const progress = active.approval as ApprovalProgress;
  const vote = { userId: run.actor.userId, decision, level: progress.level, at: run.now };
  run.emit({ type: 'vote_recorded', token: active.token, vote, stepId: active.stepId, action: decision, ...extras });
  const current = run.activeStep(active.token) as ActiveStep;
  const votes = (current.approval as ApprovalProgress).votes.filter((v) => v.level === progress.level);
  const rejections = votes.filter((v) => v.decision === 'reject').length;
  const approvals = votes.length - rejections;
  if (rejections >= progress.rejectionsToFail) return run.finish(current, step, 'reject');
  if (approvals < progress.required) return;
  const levels = approvalLevelsOf(step);
  const next = levels[progress.level + 1];
  if (!next) return run.finish(current, step, 'approve');
  const assignees = run.resolve(next.assigneeType, next.assigneeValue, step.step_id);
  if (!assignees) return run.raiseIncident(current, 'no_assignee', `Nobody could be found for "${next.name}".`);
  const nextProgress = levelProgress(next, progress.level + 1, assignees, run.state.requestedBy, step.approval?.allow_self_approval ?? false);
  if ('unreachable' in nextProgress) return run.raiseIncident(current, 'quorum_unreachable', nextProgress.unreachable);
  const approval: ApprovalProgress = { ...nextProgress, votes: (current.approval as ApprovalProgress).votes };
  run.emit({ type: 'approval_level_passed', token: active.token, approval, assignees, stepId: active.stepId });
  run.notify(assignees, 'step_assigned', `"${step.name}" (${next.name}) is waiting for you.`, { stepId: step.step_id, token: active.token });
}
