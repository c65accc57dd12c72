import { z } from 'zod';
import { checkRules, isInOrder, type DocumentRule } from '../core/document-rule';
import { baseDocumentSchema, moneySchema, planDateSchema, recordIdSchema } from './document-fields';
import { projectStatuses } from './project-contract';

export const projectStatusSchema = z.enum(projectStatuses);

/** Same rule as the `projects/create` command: 2–20 upper-case letters, digits or dashes. */
export const projectCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, 'A project code has 2–20 letters, digits or dashes, e.g. QC-2026.');

const projectFields = {
  code: projectCodeSchema,
  name: z.string().trim().min(1, 'Enter a project name.').max(200, 'A project name has at most 200 characters.'),
  description: z.string().max(5000).default(''),
  status: projectStatusSchema.default('planned'),
  startDate: planDateSchema.optional(),
  endDate: planDateSchema.optional(),
  ownerId: recordIdSchema.optional(),
  teamIds: z.array(recordIdSchema).max(500).default([]),
  budget: moneySchema.optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
  isArchived: z.boolean().default(false),
};

/** What every project keeps, whichever command or merge wrote it (core/document-rule.ts). */
export const projectRules: readonly DocumentRule[] = [
  { fields: ['startDate', 'endDate'], path: 'endDate', message: 'The end date cannot be before the start date.', holds: (project) => isInOrder(project.startDate, project.endDate) },
];

/** What a person fills in to create or edit a project (no stored-document fields). */
export const projectInputSchema = z.object(projectFields).superRefine((p, ctx) => checkRules(projectRules, p, ctx));

/** A project as stored in the `projects` collection. */
export const projectSchema = baseDocumentSchema
  .extend(projectFields)
  .superRefine((p, ctx) => checkRules(projectRules, p, ctx));

export type ProjectInput = z.input<typeof projectInputSchema>;
export type Project = z.output<typeof projectSchema>;
