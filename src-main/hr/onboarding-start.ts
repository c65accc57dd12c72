import { fail, ok, type Result } from '../../src-shared/core/result';
import { employeeKind, type EmployeeData } from '../../src-shared/hr/employee-kind';
import { holidaysOfLocation } from '../../src-shared/hr/holiday-calendar-kind';
import { templatesFor, type OnboardingChecklistData } from '../../src-shared/hr/onboarding-checklist-kind';
import { onboardingPlan, type PlannedTask } from '../../src-shared/hr/onboarding-plan';
import { onboardingRoles } from '../../src-shared/hr/onboarding-checklist-kind';
import type { RecordActor } from '../../src-shared/records/who';
import type { CommandContext } from '../host/handler-types';
import { findPerson } from '../people/people-store';
import { inboxOf } from '../projects/person-inbox';
import { changeRecord, recordOf, type StoredDoc } from '../records/module-records';
import { taskCommandHandlers } from '../tasks/task-handlers';
import { readable } from './hr-records';

type Employee = StoredDoc & { data: EmployeeData };

const whoLabel = (who: PlannedTask['who']) => onboardingRoles.find((r) => r.value === who)?.label ?? who;

/**
 * One onboarding line as a task in its assignee's inbox (their My work), through `tasks/create` so
 * the task's own rules and notices apply. Its id is the plan's (derived from the employee record
 * and the line): the create hands it over as the one new id the command asks for.
 */
async function createTask(context: CommandContext, task: PlannedTask, newHireName: string): Promise<Result<string>> {
  const inbox = await inboxOf(context, task.assigneeId, 'itPersonId');
  if (!inbox.ok) return inbox;
  const created = await taskCommandHandlers['tasks/create'](
    {
      projectId: inbox.value.id,
      title: `${task.title} — ${newHireName}`.slice(0, 500),
      description: `Onboarding of ${newHireName} (${task.templateName}, ${whoLabel(task.who)}).`,
      assigneeId: task.assigneeId,
      watcherIds: task.assigneeId === context.actor.id ? [] : [context.actor.id],
      priority: 'medium',
      status: 'todo',
      dueDate: task.dueDate,
      checklist: [],
      dependsOn: [],
    },
    { ...context, command: 'tasks/create', newId: () => task.id },
  );
  return created.ok ? ok(created.value.id) : created;
}

/**
 * Starts onboarding for an employee record: the tasks of every checklist template that applies
 * (department, the person's roles), dated from the start date by the person's working pattern and
 * their location's public holidays. Exactly once: tasks that exist already are not made again, and
 * the employee record lists the tasks, so a second start is refused.
 */
export async function startOnboarding(context: CommandContext, actor: RecordActor, employeeId: string): Promise<Result<{ taskIds: string[] }>> {
  if (!actor.roles.includes('hr')) return fail('forbidden', 'Only HR can start onboarding.');
  const found = await recordOf(context.db, employeeKind, employeeId, actor);
  if (found.error) return found.error;
  const employee = found.value as Employee;
  const person = await findPerson(context.db, employee.data.personId);
  if (!person?.isActive) return fail('invalid_state', 'This employee is not an active person of the directory.');
  if (employee.data.onboardingTaskIds.length > 0) return fail('already_exists', `Onboarding of ${person.name} has started already (${employee.data.onboardingTaskIds.length} tasks).`);
  const stored = (await readable(context.db, 'onboarding_checklist', actor)).map((t) => ({ id: t.id, status: t.status, data: t.data as OnboardingChecklistData }));
  const templates = templatesFor(stored, employee.data.departmentId, person.roles);
  if (templates.length === 0) return fail('not_found', 'No onboarding checklist applies to this person: add one in the Onboarding tab.');
  const calendars = await readable(context.db, 'holiday_calendar', actor);
  const plan = onboardingPlan(employee.id, employee.data.startDate, templates, { hrId: actor.id, managerId: employee.data.managerId, newHireId: person.id }, {
    pattern: employee.data.workingPattern,
    holidays: holidaysOfLocation(calendars as unknown as Record<string, unknown>[], employee.data.location),
  });
  const existing = await context.db.tasks.findByIds(plan.map((t) => t.id)).exec();
  for (const task of plan.filter((t) => !existing.has(t.id))) {
    const created = await createTask(context, task, person.name);
    if (!created.ok) return created;
  }
  const taskIds = plan.map((t) => t.id);
  const saved = await changeRecord(context, employeeKind, actor, employee, { data: { onboardingTaskIds: taskIds } });
  return saved.ok ? ok({ taskIds }) : saved;
}
