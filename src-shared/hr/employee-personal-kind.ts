import { z } from 'zod';
import { recordIdSchema } from '../projects/document-fields';
import { isPlanDate } from '../projects/plan-dates';
import { defineRecordKind } from '../records/record-kind';
import { hrPrivate } from './hr-who';

/**
 * The private half of a person's HR file, read only by HR and the person (never their manager):
 * emergency contact, home address, date of birth, and personal documents (contract, ID, certificates)
 * as attachments of this record. Kept apart from `employee` because sync sends whole records: a
 * manager's PC must never hold these fields, so they are in a record the manager's scope never
 * matches.
 */
const employeePersonalData = z.object({
  personId: recordIdSchema,
  emergencyContactName: z.string().trim().max(200).default(''),
  emergencyContactPhone: z.string().trim().max(50).default(''),
  emergencyContactRelation: z.string().trim().max(100).default(''),
  homeAddress: z.string().trim().max(1000).default(''),
  dateOfBirth: z.union([z.literal(''), z.string().refine(isPlanDate, 'Enter a date as YYYY-MM-DD.')]).default(''),
});
export type EmployeePersonalData = z.infer<typeof employeePersonalData>;

export const employeePersonalKind = defineRecordKind<EmployeePersonalData>({
  kind: 'employee_personal',
  module: 'hr',
  label: 'Personal details',
  pluralLabel: 'Personal details',
  version: 1,
  data: employeePersonalData as z.ZodType<EmployeePersonalData>,
  title: () => 'Personal details',
  statuses: [{ id: 'current', label: 'Current' }],
  initialStatus: 'current',
  transitions: [],
  columns: { personId: (d) => d.personId },
  fields: [
    { field: 'personId', label: 'Person', type: 'person', isDefaultColumn: true, isRequired: true },
    { field: 'emergencyContactName', label: 'Emergency contact', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'emergencyContactPhone', label: 'Emergency phone', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'emergencyContactRelation', label: 'Relation', type: 'text', isEditable: true },
    { field: 'homeAddress', label: 'Home address', type: 'text', isEditable: true, isMultiline: true },
    { field: 'dateOfBirth', label: 'Date of birth', type: 'date', isEditable: true },
  ],
  readScope: hrPrivate,
  create: hrPrivate,
  // The person keeps their own contact details current; HR may correct them.
  edit: [{ fields: ['emergencyContactName', 'emergencyContactPhone', 'emergencyContactRelation', 'homeAddress', 'dateOfBirth'], who: hrPrivate }],
  invariant: {
    reads: (d) => ({ byPerson: [{ kind: 'employee_personal', personId: d.personId }] }),
    check({ record, lookup }) {
      const other = lookup.byPerson('employee_personal', record.data.personId).some((doc) => doc.id !== record.id);
      return other ? { message: 'This person already has personal details; change those instead.', field: 'data.personId' } : null;
    },
  },
});
