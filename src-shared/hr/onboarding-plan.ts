import { hashId } from '../core/hash-id';
import type { OnboardingChecklistData, OnboardingWho } from './onboarding-checklist-kind';
import { onboardingDueDate, type WorkingCalendar } from './onboarding-dates';

/**
 * What starting onboarding creates: one task per line of every template that applies, assigned to
 * who the line names and due relative to the start date. Each task's id derives from the employee
 * record, the template and the line, so starting twice — a second click, another HR PC, a retry
 * after an interruption — meets the same ids and creates nothing new. Pure.
 */
export interface OnboardingPeople {
  /** The HR person starting it. */
  hrId: string;
  /** The new person's manager ('' when the employee record names nobody: HR takes the manager's lines). */
  managerId: string;
  newHireId: string;
}

export interface PlannedTask {
  id: string;
  title: string;
  assigneeId: string;
  dueDate: string;
  /** The line's template and who it is for, for the task's description. */
  templateName: string;
  who: OnboardingWho;
}

export const onboardingTaskId = (employeeId: string, templateId: string, itemId: string): string => hashId('onb', `${employeeId}\n${templateId}\n${itemId}`);

export function onboardingPlan(
  employeeId: string,
  startDate: string,
  templates: readonly { id: string; data: OnboardingChecklistData }[],
  people: OnboardingPeople,
  calendar: WorkingCalendar,
): PlannedTask[] {
  const assignee = (who: OnboardingWho, template: OnboardingChecklistData): string =>
    who === 'hr' ? people.hrId : who === 'it' ? template.itPersonId : who === 'manager' ? people.managerId || people.hrId : people.newHireId;
  const tasks = templates.flatMap((template) =>
    template.data.items.map((item) => ({
      id: onboardingTaskId(employeeId, template.id, item.id),
      title: item.title,
      assigneeId: assignee(item.who, template.data),
      dueDate: onboardingDueDate(startDate, item.days, item.isWorkingDays, calendar),
      templateName: template.data.name,
      who: item.who,
    })),
  );
  return tasks.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

export interface OnboardingProgress {
  done: number;
  total: number;
}

/** Done of all: closed tasks count as done, removed ones no longer count. */
export const onboardingProgress = (taskStates: readonly { isDone: boolean }[]): OnboardingProgress => ({
  done: taskStates.filter((t) => t.isDone).length,
  total: taskStates.length,
});
