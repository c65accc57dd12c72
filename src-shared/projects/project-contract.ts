import { z } from 'zod';
import { command, query } from '../bridge/define';
import type { BaseDocument } from '../db/base-fields';
import type { WipLimits } from '../tasks/kanban';
import { moneySchema, planDateSchema, recordIdSchema, type Money } from './document-fields';
import type { HourlyRate } from './budget';

export const projectStatuses = ['planned', 'active', 'on_hold', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** A project as stored in `projects`. Fields after `isArchived` arrived with schema v1 and may be absent on old records. */
export interface ProjectDocument extends BaseDocument {
  code: string;
  name: string;
  description: string;
  status: ProjectStatus;
  isArchived: boolean;
  startDate?: string;
  endDate?: string;
  /** Manages the project (with administrators); the creator unless changed. */
  ownerId?: string;
  /** People working on the project: they may create and change its tasks. */
  teamIds?: string[];
  budget?: Money;
  tags?: string[];
  /** Kanban WIP limits per status. */
  wipLimits?: WipLimits;
  /** Cost rates that turn logged hours into labour costs for the budget. */
  costRates?: HourlyRate[];
}

const projectName = z.string().trim().min(1, 'Enter a project name.').max(200, 'A project name has at most 200 characters.');
const projectCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, 'A project code has 2–20 letters, digits or dashes, e.g. QC-2026.');
const id = recordIdSchema;
/** `null` clears an optional field; absent leaves it alone. */
const clearable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const tags = z.array(z.string().trim().min(1).max(50)).max(50);
const wipLimits = z.partialRecord(z.enum(['backlog', 'todo', 'in_progress', 'blocked', 'in_review', 'done', 'cancelled']), z.number().int().min(1).max(10_000));
const costRate = z.object({
  personId: id,
  hourlyRateMinor: z.number().int().min(0).max(100_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code, e.g. EUR.'),
  validFrom: planDateSchema.optional(),
});

/**
 * Projects between UI and host. Anyone signed in may create a project (and owns it); changing a
 * project — fields, status, team, budget, WIP limits, archiving — is for its owner and administrators
 * (`forbidden` otherwise). Dates must be in order (`invalid_input` on `endDate`).
 */
export const projectContract = {
  'projects/create': command<ProjectDocument>()(
    z.object({
      code: projectCode,
      name: projectName,
      description: z.string().max(5000).default(''),
      startDate: planDateSchema.optional(),
      endDate: planDateSchema.optional(),
      teamIds: z.array(id).max(500).default([]),
      budget: moneySchema.optional(),
      tags: tags.default([]),
    }),
  ),
  'projects/rename': command<ProjectDocument>()(z.object({ id: z.string().min(1), name: projectName })),
  'projects/set-archived': command<ProjectDocument>()(z.object({ id: z.string().min(1), isArchived: z.boolean() })),
  'projects/update': command<ProjectDocument>()(
    z.object({
      id,
      name: projectName.optional(),
      description: z.string().max(5000).optional(),
      startDate: clearable(planDateSchema),
      endDate: clearable(planDateSchema),
      ownerId: id.optional(),
      teamIds: z.array(id).max(500).optional(),
      budget: clearable(moneySchema),
      tags: tags.optional(),
      wipLimits: wipLimits.optional(),
      costRates: z.array(costRate).max(500).optional(),
    }),
  ),
  'projects/set-status': command<ProjectDocument>()(z.object({ id, status: z.enum(projectStatuses) })),
  /**
   * A new project with the template's tasks, subtasks, dependencies and milestones (project-template):
   * every date moved so the copy starts on `startDate` (or by `shiftDays`), statuses back to the start.
   */
  'projects/create-from-template': command<ProjectDocument>()(
    z.object({
      templateId: id,
      code: projectCode,
      name: projectName,
      startDate: planDateSchema.optional(),
      shiftDays: z.number().int().min(-36_500).max(36_500).optional(),
    }),
  ),
  'projects/list': query<ProjectDocument[]>()(z.object({ includeArchived: z.boolean().default(false) })),
};
