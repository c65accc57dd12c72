import { fail, ok, type Result } from '../core/result';
import { candidateKind } from './candidate-kind';

/**
 * The hiring board's columns and what dropping a candidate in another column means. A candidate
 * moves forward one stage at a time (screening → interviews → offer) or out as rejected, with a
 * reason the board asks for; "hired" is reached only by hiring them (the person is created then),
 * and nobody moves back — a rejected candidate who applies again is a new candidate. The kind's
 * transitions stay the rule the host and the sync server enforce; this only says, before any write,
 * what the board will do and why it will not.
 */
export const pipelineStages = candidateKind.statuses.map((s) => ({ id: s.id, label: s.label }));
export type PipelineStageId = 'screening' | 'interviews' | 'offer' | 'hired' | 'rejected';

const order: readonly string[] = ['screening', 'interviews', 'offer', 'hired'];
const isClosed = (stage: string) => stage === 'hired' || stage === 'rejected';

export interface CandidateMove {
  to: PipelineStageId;
  /** Data written with the move (the rejection reason). */
  data: { rejectionReason?: string };
}

/** What moving a candidate from `from` to `to` writes, or why it cannot be done from the board. */
export function candidateMove(from: string, to: string, reason = ''): Result<CandidateMove> {
  const stage = pipelineStages.find((s) => s.id === to);
  if (!stage) return fail('invalid_input', `A candidate has no stage “${to}”.`, { field: 'to' });
  if (from === to) return fail('invalid_state', `The candidate is already at ${stage.label.toLowerCase()}.`, { field: 'to' });
  if (isClosed(from)) return fail('invalid_state', from === 'hired' ? 'This candidate is hired; the pipeline ends there.' : 'This candidate was rejected. If they apply again, add them as a new candidate.', { field: 'to' });
  if (to === 'rejected') {
    const why = reason.trim();
    if (!why) return fail('invalid_input', 'Say why the candidate is rejected; they may ask, and the next requisition learns from it.', { field: 'reason' });
    return ok({ to: 'rejected', data: { rejectionReason: why } });
  }
  if (to === 'hired') return fail('invalid_state', 'Hire a candidate from their offer: hiring creates the person and their employee record.', { field: 'to' });
  const step = order.indexOf(to) - order.indexOf(from);
  if (step < 0) return fail('invalid_state', `A candidate does not move back to ${stage.label.toLowerCase()}; reject them with a reason instead.`, { field: 'to' });
  if (step > 1) return fail('invalid_state', `Move the candidate one stage at a time: ${pipelineStages.find((s) => s.id === order[order.indexOf(from) + 1])?.label.toLowerCase()} comes first.`, { field: 'to' });
  return ok({ to: to as PipelineStageId, data: {} });
}
