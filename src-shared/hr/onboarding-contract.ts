import { z } from 'zod';
import { command, query } from '../bridge/define';
import { recordIdSchema } from '../projects/document-fields';
import type { OnboardingChecklistData } from './onboarding-checklist-kind';

/**
 * Onboarding between UI and host. Checklist templates are records (`onboarding_checklist`), created
 * and changed through `records/*`; starting onboarding turns them into tasks (also done by Hire);
 * the Onboarding tab shows the templates and each new hire's progress.
 */
export interface OnboardingTaskRow {
  id: string;
  title: string;
  assigneeName: string;
  dueDate: string;
  isDone: boolean;
}

export interface OnboardingRow {
  employeeId: string;
  personName: string;
  jobTitle: string;
  startDate: string;
  done: number;
  total: number;
  /** The tasks as this PC holds them (a task handed to someone may be out of the asker's reach). */
  tasks: OnboardingTaskRow[];
}

export interface OnboardingTemplateRow {
  id: string;
  status: string;
  data: OnboardingChecklistData;
}

export interface OnboardingView {
  templates: OnboardingTemplateRow[];
  /** Employees in onboarding the asker may read, with their tasks' progress. */
  newHires: OnboardingRow[];
  /** Employees in onboarding whose onboarding has not been started. */
  notStarted: { employeeId: string; personName: string; startDate: string }[];
}

export const onboardingContract = {
  'hr/onboarding': query<OnboardingView>()(z.object({})),
  /** Starts onboarding for an employee record (exactly once): tasks for HR, IT, the manager and the new hire. */
  'hr/onboarding/start': command<{ taskIds: string[] }>()(z.object({ employeeId: recordIdSchema })),
};
