import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { hiringTeam, hr } from './hr-who';

/**
 * A candidate for one requisition (its parent), moving along the pipeline board: screening →
 * interviews → offer → hired, or rejected with a reason at any stage. The CV is an attachment of the
 * record. Read by HR and the requisition's hiring manager (copied onto the candidate, as a PC cannot
 * read the requisition to find out); interviewers see their own scorecards, not the candidate file.
 */
export const candidateSources = [
  { value: 'website', label: 'Our website' },
  { value: 'job_board', label: 'Job board' },
  { value: 'referral', label: 'Referral' },
  { value: 'agency', label: 'Agency' },
  { value: 'university', label: 'University' },
  { value: 'other', label: 'Other' },
] as const;

const optionalEmail = z.union([z.literal(''), z.email('Enter an email address like name@example.com.').max(200)]).default('');

const candidateData = z.object({
  requisitionId: recordIdSchema,
  hiringManagerId: recordIdSchema,
  name: z.string().trim().min(1, 'Name the candidate.').max(200),
  email: optionalEmail,
  phone: z.string().trim().max(50).default(''),
  source: z.enum(candidateSources.map((s) => s.value) as [string, ...string[]]).default('website'),
  rejectionReason: z.string().trim().max(2000).default(''),
  /** The offer's terms, printed in the offer letter (src-main/documents/templates/offer-letter.tsx). */
  offerSalary: moneySchema.nullable().default(null),
  offerStartDate: z.union([z.literal(''), planDateSchema]).default(''),
  offerRespondBy: z.union([z.literal(''), planDateSchema]).default(''),
  /** The person created on hiring, once hired. */
  hiredPersonId: z.string().max(40).default(''),
  notes: z.string().trim().max(5000).default(''),
});
export type CandidateData = z.infer<typeof candidateData>;

export const candidateKind = defineRecordKind<CandidateData>({
  kind: 'candidate',
  module: 'hr',
  label: 'Candidate',
  pluralLabel: 'Candidates',
  version: 1,
  data: candidateData as z.ZodType<CandidateData>,
  title: (d) => d.name,
  searchText: (d) => d.email,
  statuses: [
    { id: 'screening', label: 'Screening', tone: 'info' },
    { id: 'interviews', label: 'Interviews', tone: 'info' },
    { id: 'offer', label: 'Offer', tone: 'warning' },
    { id: 'hired', label: 'Hired', tone: 'success', isReadOnly: true },
    { id: 'rejected', label: 'Rejected', tone: 'error', isReadOnly: true },
  ],
  initialStatus: 'screening',
  transitions: [
    { from: ['screening'], to: 'interviews', label: 'Invite to interviews', who: hiringTeam },
    { from: ['interviews'], to: 'offer', label: 'Make an offer', who: hiringTeam },
    { from: ['offer'], to: 'hired', label: 'Hire', who: hr, requires: ['hiredPersonId'] },
    { from: ['screening', 'interviews', 'offer'], to: 'rejected', label: 'Reject', who: hiringTeam, requires: ['rejectionReason'] },
  ],
  number: { prefix: 'CAN', isYearly: true },
  columns: { parentId: (d) => d.requisitionId, ownerId: (d) => d.hiringManagerId },
  links: { parent: 'job_requisition' },
  fields: [
    { field: 'name', label: 'Name', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'requisitionId', label: 'Requisition', type: 'record', recordKind: 'job_requisition', isDefaultColumn: true, isRequired: true },
    { field: 'status', label: 'Stage', type: 'choice', isDefaultColumn: true },
    { field: 'source', label: 'Source', type: 'choice', choices: candidateSources, isDefaultColumn: true, isEditable: true },
    { field: 'email', label: 'Email', type: 'text', isEditable: true },
    { field: 'phone', label: 'Phone', type: 'text', isEditable: true },
    { field: 'offerSalary', label: 'Offered salary (a year)', type: 'money', isEditable: true },
    { field: 'offerStartDate', label: 'Offered start date', type: 'date', isEditable: true },
    { field: 'offerRespondBy', label: 'Answer to the offer by', type: 'date', isEditable: true },
    { field: 'rejectionReason', label: 'Why rejected', type: 'text', isEditable: true, isMultiline: true },
    { field: 'notes', label: 'Notes', type: 'text', isEditable: true, isMultiline: true },
  ],
  readScope: hiringTeam,
  create: hiringTeam,
  edit: [
    { fields: ['name', 'email', 'phone', 'source', 'notes', 'rejectionReason'], who: hiringTeam },
    { fields: ['offerSalary', 'offerStartDate', 'offerRespondBy'], who: hiringTeam, inStatuses: ['interviews', 'offer'] },
    { fields: ['hiredPersonId'], who: hr, inStatuses: ['offer'] },
  ],
  remove: { who: hr, inStatuses: ['screening', 'rejected'] },
  invariant: {
    // A candidate belongs to an open requisition, and carries its hiring manager (the scope depends on it).
    reads: (d) => ({ ids: [{ collection: 'records', id: d.requisitionId }] }),
    check({ record, previous, lookup }) {
      const requisition = lookup.get('records', record.data.requisitionId);
      if (!requisition || requisition.kind !== 'job_requisition') return { message: 'Choose a job requisition for this candidate.', field: 'data.requisitionId' };
      const managerId = (requisition.data as { hiringManagerId?: unknown } | undefined)?.hiringManagerId;
      if (managerId !== record.data.hiringManagerId) return { message: 'The hiring manager must be the requisition\'s.', field: 'data.hiringManagerId' };
      if (!previous && requisition.status !== 'open') return { message: 'Candidates can be added only while the requisition is open.', field: 'data.requisitionId' };
      return null;
    },
  },
});
