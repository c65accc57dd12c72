import { candidateSources, type CandidateData } from './candidate-kind';
import { pipelineStages } from './candidate-pipeline';
import { meanScore, recommendations, type ScorecardData } from './interview-scorecard-kind';
import type { JobRequisitionData } from './job-requisition-kind';

/**
 * The Hiring tab as HR and hiring managers see it: their requisitions with how many candidates
 * stand at each stage, and the candidates as board cards with their interview scorecards' average.
 * Pure: the host hands in the records the asker may read (their scopes decide who that is).
 */
export interface RequisitionRow {
  id: string;
  number: string;
  jobTitle: string;
  status: string;
  statusLabel: string;
  hiringManagerId: string;
  hiringManagerName: string;
  headcount: number;
  wantedStartDate: string;
  /** Its HIRING workflow is under way (a draft then waits for its first step, not for a start). */
  hasApproval: boolean;
  /** Candidates per stage id. */
  candidatesAt: Record<string, number>;
}

/** One interviewer's scorecard as HR, the hiring manager and that interviewer see it. */
export interface ScorecardRow {
  id: string;
  candidateId: string;
  candidateName: string;
  jobTitle: string;
  interviewerId: string;
  interviewerName: string;
  meetingId: string;
  status: string;
  scores: ScorecardData['scores'];
  mean: number | null;
  recommendation: string;
  recommendationLabel: string;
  summary: string;
}

export interface CandidateCard {
  id: string;
  number: string;
  name: string;
  requisitionId: string;
  stage: string;
  stageLabel: string;
  sourceLabel: string;
  email: string;
  rejectionReason: string;
  /** The person Hire created ('' before). */
  hiredPersonName: string;
  /** Submitted scorecards and the mean of their means (one decimal), null before the first. */
  scorecards: { submitted: number; total: number; average: number | null };
}

export interface HiringView {
  requisitions: RequisitionRow[];
  candidates: CandidateCard[];
  /** Every scorecard the asker may read: all of a candidate's for HR and the hiring manager, an interviewer's own. */
  scorecards: ScorecardRow[];
}

type Doc = { id: string; number?: string; status: string; statusLabel?: string; data: unknown };

/** The average of the submitted scorecards' mean scores, to one decimal; null when none has scores. */
export function scorecardAverage(scorecards: readonly { status: string; data: Pick<ScorecardData, 'scores'> }[]): number | null {
  const means = scorecards.filter((s) => s.status === 'submitted').map((s) => meanScore(s.data)).filter((m): m is number => m !== null);
  return means.length === 0 ? null : Math.round((means.reduce((a, b) => a + b, 0) / means.length) * 10) / 10;
}

export function hiringView(sources: { requisitions: readonly Doc[]; candidates: readonly Doc[]; scorecards: readonly Doc[]; nameOf: (id: string) => string; hasApproval?: (requisitionId: string) => boolean }): HiringView {
  const scorecardsOf = new Map<string, { status: string; data: ScorecardData }[]>();
  for (const s of sources.scorecards) {
    const data = s.data as ScorecardData;
    scorecardsOf.set(data.candidateId, [...(scorecardsOf.get(data.candidateId) ?? []), { status: s.status, data }]);
  }
  const candidates = sources.candidates.map((c): CandidateCard => {
    const d = c.data as CandidateData;
    const cards = scorecardsOf.get(c.id) ?? [];
    return {
      id: c.id,
      number: c.number ?? '',
      name: d.name,
      requisitionId: d.requisitionId,
      stage: c.status,
      stageLabel: pipelineStages.find((s) => s.id === c.status)?.label ?? c.status,
      sourceLabel: candidateSources.find((s) => s.value === d.source)?.label ?? d.source,
      email: d.email,
      rejectionReason: d.rejectionReason,
      hiredPersonName: d.hiredPersonId ? sources.nameOf(d.hiredPersonId) : '',
      scorecards: { submitted: cards.filter((s) => s.status === 'submitted').length, total: cards.length, average: scorecardAverage(cards) },
    };
  }).sort((a, b) => a.name.localeCompare(b.name));
  const requisitions = sources.requisitions.map((r): RequisitionRow => {
    const d = r.data as JobRequisitionData;
    const candidatesAt: Record<string, number> = Object.fromEntries(pipelineStages.map((s) => [s.id, 0]));
    for (const c of candidates) if (c.requisitionId === r.id) candidatesAt[c.stage] = (candidatesAt[c.stage] ?? 0) + 1;
    return {
      id: r.id, number: r.number ?? '', jobTitle: d.jobTitle, status: r.status, statusLabel: r.statusLabel ?? r.status,
      hiringManagerId: d.hiringManagerId, hiringManagerName: sources.nameOf(d.hiringManagerId), headcount: d.headcount, wantedStartDate: d.wantedStartDate, hasApproval: sources.hasApproval?.(r.id) ?? false, candidatesAt,
    };
  }).sort((a, b) => b.number.localeCompare(a.number));
  const scorecards = sources.scorecards.map((s): ScorecardRow => {
    const d = s.data as ScorecardData & { candidateName?: string; jobTitle?: string };
    return {
      id: s.id, candidateId: d.candidateId, candidateName: d.candidateName ?? '', jobTitle: d.jobTitle ?? '', interviewerId: d.interviewerId, interviewerName: sources.nameOf(d.interviewerId),
      meetingId: d.meetingId, status: s.status, scores: d.scores, mean: meanScore(d), recommendation: d.recommendation,
      recommendationLabel: recommendations.find((r) => r.value === d.recommendation)?.label ?? '', summary: d.summary,
    };
  }).sort((a, b) => a.interviewerName.localeCompare(b.interviewerName));
  return { requisitions, candidates, scorecards };
}
