import { auditTime, combineLatest, from, map, merge, startWith, switchMap } from 'rxjs';
import { ok } from '../../src-shared/core/result';
import type { OnboardingChecklistData } from '../../src-shared/hr/onboarding-checklist-kind';
import { onboardingView } from '../../src-shared/hr/onboarding-views';
import type { CommandHandlers, QueryHandlers } from '../host/handler-types';
import { actorIn, directory$ } from '../records/record-actor';
import { recordActorOf } from '../records/record-actor';
import { namesOf, readable } from './hr-records';
import { startOnboarding } from './onboarding-start';

/**
 * The Onboarding tab: the checklist templates, and the progress of each employee in onboarding the
 * asker may read — live on changes of records, tasks and the directory — and "Start onboarding".
 */
export const onboardingQueryHandlers: QueryHandlers<'hr/onboarding'> = {
  'hr/onboarding': (_input, context) =>
    combineLatest([directory$(context.db), merge(context.db.records.$, context.db.tasks.$).pipe(auditTime(100), startWith(null))]).pipe(
      switchMap(([directory]) =>
        from(
          (async () => {
            const actor = actorIn(directory, context.actor.id);
            const [templates, employees] = await Promise.all([readable(context.db, 'onboarding_checklist', actor), readable(context.db, 'employee', actor)]);
            const ids = employees.flatMap((e) => ((e.data as { onboardingTaskIds?: string[] }).onboardingTaskIds ?? []));
            const tasks = await context.db.tasks.findByIds(ids).exec();
            return onboardingView({
              templates: templates as unknown as { id: string; status: string; data: OnboardingChecklistData }[],
              employees: employees as unknown as Parameters<typeof onboardingView>[0]['employees'],
              tasks: new Map([...tasks].map(([id, t]) => [id, t.toJSON() as { id: string; title: string; assigneeId?: string; dueDate?: string; status: string }])),
              nameOf: namesOf(directory),
            });
          })(),
        ),
      ),
      map((view) => ok(view)),
    ),
};

export const onboardingCommandHandlers: CommandHandlers<'hr/onboarding/start'> = {
  async 'hr/onboarding/start'(input, context) {
    return startOnboarding(context, await recordActorOf(context.db, context.actor.id), input.employeeId);
  },
};
