import type { OnboardingChecklistData } from './onboarding-checklist-kind';
import type { OnboardingView } from './onboarding-contract';
import { onboardingProgress } from './onboarding-plan';

/** The Onboarding tab from what the asker may read: templates, and each employee in onboarding with their tasks. Pure. */
interface EmployeeIn {
  id: string;
  status: string;
  data: { personId: string; jobTitle: string; startDate: string; onboardingTaskIds?: readonly string[] };
}

interface TaskIn {
  id: string;
  title: string;
  assigneeId?: string | undefined;
  dueDate?: string | undefined;
  status: string;
  _deleted?: boolean;
}

export function onboardingView(input: {
  templates: readonly { id: string; status: string; data: OnboardingChecklistData }[];
  employees: readonly EmployeeIn[];
  tasks: ReadonlyMap<string, TaskIn>;
  nameOf: (personId: string) => string;
}): OnboardingView {
  const inOnboarding = input.employees.filter((e) => e.status === 'onboarding').sort((a, b) => (a.data.startDate < b.data.startDate ? -1 : 1));
  const started = inOnboarding.filter((e) => (e.data.onboardingTaskIds ?? []).length > 0);
  return {
    templates: input.templates.map((t) => ({ id: t.id, status: t.status, data: t.data })).sort((a, b) => a.data.name.localeCompare(b.data.name)),
    newHires: started.map((e) => {
      const tasks = (e.data.onboardingTaskIds ?? []).flatMap((id) => {
        const task = input.tasks.get(id);
        if (!task || task._deleted) return [];
        return [{ id, title: task.title, assigneeName: task.assigneeId ? input.nameOf(task.assigneeId) : 'Nobody', dueDate: task.dueDate ?? '', isDone: task.status === 'done' }];
      });
      return { employeeId: e.id, personName: input.nameOf(e.data.personId), jobTitle: e.data.jobTitle, startDate: e.data.startDate, ...onboardingProgress(tasks), tasks };
    }),
    notStarted: inOnboarding.filter((e) => !started.includes(e)).map((e) => ({ employeeId: e.id, personName: input.nameOf(e.data.personId), startDate: e.data.startDate })),
  };
}
