import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { employmentTypes } from './employee-kind';
import { hiringTeam, hr } from './hr-who';

/**
 * A job requisition: the case for a new post and its job description, submitted and approved
 * through the HIRING workflow bound to the record (workflows/templates/hiring.ts; never by a
 * button), then open for candidates until filled or cancelled. Read by HR and the hiring manager only: salary ranges and the reasons for a post are
 * not for the whole lab.
 */
const jobRequisitionData = z.object({
  jobTitle: z.string().trim().min(1, 'Give the job title.').max(200),
  departmentId: z.string().max(40).default(''),
  hiringManagerId: recordIdSchema,
  headcount: z.number().int().min(1, 'Ask for at least one post.').max(50).default(1),
  employmentType: z.enum(employmentTypes.map((t) => t.value) as [string, ...string[]]).default('permanent'),
  wantedStartDate: z.union([z.literal(''), planDateSchema]).default(''),
  salaryMin: moneySchema.nullable().default(null),
  salaryMax: moneySchema.nullable().default(null),
  justification: z.string().trim().max(5000).default(''),
  jobDescription: z.string().trim().max(20000).default(''),
  location: z.string().trim().max(100).default(''),
})
  .refine((d) => !d.salaryMin || !d.salaryMax || (d.salaryMin.currency === d.salaryMax.currency && d.salaryMin.amountMinor <= d.salaryMax.amountMinor), {
    message: 'The salary range needs one currency and a minimum below the maximum.',
    path: ['salaryMax'],
  });
export type JobRequisitionData = z.infer<typeof jobRequisitionData>;

export const jobRequisitionKind = defineRecordKind<JobRequisitionData>({
  kind: 'job_requisition',
  module: 'hr',
  label: 'Job requisition',
  pluralLabel: 'Job requisitions',
  version: 1,
  data: jobRequisitionData as z.ZodType<JobRequisitionData>,
  title: (d) => d.jobTitle,
  searchText: (d) => d.jobDescription.slice(0, 500),
  statuses: [
    { id: 'draft', label: 'Draft' },
    { id: 'submitted', label: 'Awaiting approval', tone: 'info' },
    { id: 'open', label: 'Open', tone: 'success' },
    { id: 'on_hold', label: 'On hold', tone: 'warning' },
    { id: 'filled', label: 'Filled', isReadOnly: true },
    { id: 'rejected', label: 'Not approved', tone: 'error', isReadOnly: true },
    { id: 'cancelled', label: 'Cancelled', isReadOnly: true },
  ],
  initialStatus: 'draft',
  transitions: [
    // Submitted only by the HIRING workflow's first step, so no requisition waits for an approval nobody was asked for.
    { from: ['draft'], to: 'submitted', label: 'Submit for approval', who: 'workflow', requires: ['jobDescription'] },
    { from: ['submitted'], to: 'draft', label: 'Return for changes', who: 'workflow' },
    { from: ['submitted'], to: 'open', label: 'Approve', who: 'workflow' },
    { from: ['submitted'], to: 'rejected', label: 'Reject', who: 'workflow' },
    { from: ['open'], to: 'on_hold', label: 'Put on hold', who: hiringTeam, needsReason: true },
    { from: ['on_hold'], to: 'open', label: 'Reopen', who: hiringTeam },
    { from: ['open'], to: 'filled', label: 'Filled', who: hr },
    { from: ['draft', 'submitted', 'open', 'on_hold'], to: 'cancelled', label: 'Cancel', who: hiringTeam, needsReason: true },
  ],
  number: { prefix: 'REQ', isYearly: true },
  columns: { ownerId: (d) => d.hiringManagerId, departmentId: (d) => d.departmentId || undefined, date: (d) => d.wantedStartDate || undefined },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'jobTitle', label: 'Job title', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'hiringManagerId', label: 'Hiring manager', type: 'person', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'headcount', label: 'Posts', type: 'number', isDefaultColumn: true, isEditable: true },
    { field: 'employmentType', label: 'Employment', type: 'choice', choices: employmentTypes, isEditable: true },
    { field: 'wantedStartDate', label: 'Wanted start', type: 'date', isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'location', label: 'Location', type: 'text', isEditable: true },
    { field: 'justification', label: 'Why the post is needed', type: 'text', isEditable: true, isMultiline: true },
    { field: 'jobDescription', label: 'Job description', type: 'text', isEditable: true, isMultiline: true },
  ],
  readScope: hiringTeam,
  create: hiringTeam,
  edit: [
    { fields: '*', who: hiringTeam, inStatuses: ['draft'] },
    // A rule naming a field replaces '*' for it (record-rules.ts), so the draft is listed here too.
    { fields: ['jobDescription', 'wantedStartDate', 'location'], who: hiringTeam, inStatuses: ['draft', 'open', 'on_hold'] },
  ],
  remove: { who: 'creator', inStatuses: ['draft'] },
  workflows: ['HIRING'],
});
