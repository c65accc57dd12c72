import { z } from 'zod';
import type { AppError } from '../core/result';
import { emailSchema } from '../people/person';
import { recordIdSchema } from '../projects/document-fields';
import type { CandidateData } from './candidate-kind';
import type { JobRequisitionData } from './job-requisition-kind';

/**
 * *Hire* (issue 14 item 2): a candidate whose offer was accepted becomes a person of the lab, with
 * an employee record taken from the requisition and the offer, and onboarding starts. HR does it
 * (only HR moves a candidate offer → hired), and HR may create a person only this way
 * (src-shared/people/privileged-roles.ts): ordinary roles, no password — an administrator sets it.
 */
export const hireInputSchema = z.object({
  candidateId: recordIdSchema,
  /** The new person's work address (their sign-in), which may differ from the one they applied with. */
  email: emailSchema,
  roles: z.array(z.string().trim().min(1)).min(1, 'Give the new person at least one role.').max(5).default(['member']),
});
export type HireInput = z.infer<typeof hireInputSchema>;

export interface HireResult {
  personId: string;
  employeeId: string;
  /** Onboarding tasks created by this hire (none when no checklist applies or they existed already). */
  onboardingTaskIds: string[];
}

/**
 * The person's id, from the candidate's: a retry after an interruption finds the person it created,
 * so one candidate never becomes two people.
 */
export const hiredPersonIdOf = (candidateId: string): string => `hire-${candidateId}`.slice(0, 40);

interface Stored<T> {
  id: string;
  status: string;
  data: T;
}

/** Why this candidate cannot be hired now, or null. `personName` names whoever a first Hire created. */
export function hireRefusal(candidate: Stored<CandidateData>, personName: string | null): AppError | null {
  if (candidate.status === 'hired' || candidate.data.hiredPersonId) {
    return { code: 'already_exists', message: `${candidate.data.name} is hired already: ${personName ?? 'the person'} was created by the first Hire.`, field: 'candidateId' };
  }
  if (candidate.status !== 'offer') return { code: 'invalid_state', message: `${candidate.data.name} has no accepted offer yet: move them to Offer first.`, field: 'candidateId' };
  return null;
}

/** The employee record of the new person: the post from the requisition, the start from the offer. */
export function employeeFromHire(personId: string, candidate: CandidateData, requisition: JobRequisitionData): { data: Record<string, unknown> } | { error: AppError } {
  const startDate = candidate.offerStartDate || requisition.wantedStartDate;
  if (!startDate) return { error: { code: 'invalid_input', message: 'Set the offered start date on the candidate first (Offer terms).', field: 'offerStartDate' } };
  return {
    data: {
      personId,
      jobTitle: requisition.jobTitle,
      departmentId: requisition.departmentId,
      managerId: requisition.hiringManagerId,
      startDate,
      employmentType: requisition.employmentType,
      location: requisition.location,
    },
  };
}
