import { z } from 'zod';
import { command, query } from '../bridge/define';
import type { BaseDocument } from '../db/base-fields';

export const projectStatuses = ['planned', 'active', 'on_hold', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export interface ProjectDocument extends BaseDocument {
  code: string;
  name: string;
  description: string;
  status: ProjectStatus;
  isArchived: boolean;
}

const projectName = z.string().trim().min(1, 'Enter a project name.').max(200, 'A project name has at most 200 characters.');
const projectCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, 'A project code has 2–20 letters, digits or dashes, e.g. QC-2026.');

export const projectContract = {
  'projects/create': command<ProjectDocument>()(
    z.object({ code: projectCode, name: projectName, description: z.string().max(5000).default('') }),
  ),
  'projects/rename': command<ProjectDocument>()(z.object({ id: z.string().min(1), name: projectName })),
  'projects/set-archived': command<ProjectDocument>()(z.object({ id: z.string().min(1), isArchived: z.boolean() })),
  'projects/list': query<ProjectDocument[]>()(z.object({ includeArchived: z.boolean().default(false) })),
};
