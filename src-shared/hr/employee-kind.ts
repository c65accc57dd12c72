import { z } from 'zod';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { hr, hrScope } from './hr-who';
import { leavePolicySchema } from './leave-entitlement';
import { standardWorkingPattern, workingPatternSchema } from './working-pattern';

/**
 * The employee record: one per person, kept by HR. It holds what the person's manager may see —
 * job, department, manager, dates, employment type, working pattern, location and leave policy —
 * and nothing more, because sync sends whole records: what only HR and the person may read (emergency
 * contact, home address, date of birth, personal documents) lives in the `employee_personal` record
 * beside it (employee-personal-kind.ts). That split *is* the manager's subset.
 *
 * `managerId` names the manager directly; host and server feed it into `managerLookup`'s explicit
 * map (employee-managers.ts), so it wins over the department heads.
 */
export const employmentTypes = [
  { value: 'permanent', label: 'Permanent' },
  { value: 'fixed_term', label: 'Fixed term' },
  { value: 'part_time', label: 'Part time' },
  { value: 'apprentice', label: 'Apprentice' },
  { value: 'intern', label: 'Intern' },
  { value: 'contractor', label: 'Contractor' },
] as const;

const employeeData = z
  .object({
    personId: recordIdSchema,
    jobTitle: z.string().trim().min(1, 'Give the job title.').max(200),
    departmentId: z.string().max(40).default(''),
    /** The person's manager when not their department's head; '' for the department head(s). */
    managerId: z.string().max(40).default(''),
    startDate: planDateSchema,
    /** The last working day once known (resignation, end of a fixed term); '' while open-ended. */
    endDate: z.union([z.literal(''), planDateSchema]).default(''),
    employmentType: z.enum(employmentTypes.map((t) => t.value) as [string, ...string[]]).default('permanent'),
    /** Contracted hours Monday … Sunday. */
    workingPattern: workingPatternSchema.default([...standardWorkingPattern]),
    /** The location whose public holidays apply (a holiday calendar's location). */
    location: z.string().trim().max(100).default(''),
    leavePolicy: leavePolicySchema.default(leavePolicySchema.parse({})),
    /** The onboarding tasks started for this person (src-main/hr/onboarding-start.ts); empty before. */
    onboardingTaskIds: z.array(z.string().max(40)).max(300).default([]),
  })
  .refine((d) => !d.endDate || d.endDate >= d.startDate, { message: 'The last day cannot be before the start date.', path: ['endDate'] })
  .refine((d) => d.managerId !== d.personId, { message: 'A person cannot be their own manager.', path: ['managerId'] });
export type EmployeeData = z.infer<typeof employeeData>;

export const employeeKind = defineRecordKind<EmployeeData>({
  kind: 'employee',
  module: 'hr',
  label: 'Employee record',
  pluralLabel: 'Employee records',
  version: 1,
  data: employeeData as z.ZodType<EmployeeData>,
  title: (d) => d.jobTitle,
  statuses: [
    { id: 'onboarding', label: 'Onboarding', tone: 'info' },
    { id: 'active', label: 'Employed', tone: 'success' },
    { id: 'leaving', label: 'Leaving', tone: 'warning' },
    { id: 'left', label: 'Left', isReadOnly: true },
  ],
  initialStatus: 'onboarding',
  transitions: [
    { from: ['onboarding'], to: 'active', label: 'Onboarding done', who: hr },
    { from: ['onboarding', 'active'], to: 'leaving', label: 'Record leaving', who: hr, requires: ['endDate'] },
    { from: ['leaving'], to: 'active', label: 'Stays after all', who: hr, needsReason: true },
    { from: ['leaving'], to: 'left', label: 'Has left', who: hr, requires: ['endDate'] },
  ],
  number: { prefix: 'EMP', isYearly: false },
  columns: { personId: (d) => d.personId, departmentId: (d) => d.departmentId || undefined, date: (d) => d.startDate },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'personId', label: 'Person', type: 'person', isDefaultColumn: true, isRequired: true },
    { field: 'jobTitle', label: 'Job title', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'managerId', label: 'Manager', type: 'person', isDefaultColumn: true, isEditable: true, help: 'Leave empty when the head of the department manages this person.' },
    { field: 'startDate', label: 'Start date', type: 'date', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'endDate', label: 'Last working day', type: 'date', isEditable: true },
    { field: 'employmentType', label: 'Employment', type: 'choice', choices: employmentTypes, isDefaultColumn: true, isEditable: true },
    { field: 'location', label: 'Location (public holidays)', type: 'text', isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
  ],
  readScope: hrScope,
  create: hr,
  edit: [{ fields: '*', who: hr }],
  invariant: {
    // One employee record per person: balances, managers and trainings read "the" record.
    reads: (d) => ({ byPerson: [{ kind: 'employee', personId: d.personId }] }),
    check({ record, lookup }) {
      const other = lookup.byPerson('employee', record.data.personId).find((doc) => doc.id !== record.id);
      return other ? { message: `This person already has an employee record (${String(other.number || other.title)}).`, field: 'data.personId' } : null;
    },
  },
});
