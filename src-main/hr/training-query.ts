import { map } from 'rxjs';
import { ok } from '../../src-shared/core/result';
import { instrumentFacts } from '../../src-shared/equipment/equipment-facts';
import { trainingCoursesParent } from '../../src-shared/hr/training-kinds';
import { trainingOverview, type TrainingOverview } from '../../src-shared/hr/training-views';
import type { QueryHandlers } from '../host/handler-types';
import { live, namesOf, readable } from './hr-records';

/**
 * `hr/training`: the Training tab — courses with their sessions, the instruments a course may name,
 * and the training matrix of the people whose employee record the asker may read (HR: everyone; a
 * manager: their people; anyone: themselves), with the instruments each is authorised on. Live on
 * record and directory changes, answered only from records the asker may read.
 */
export const trainingQueryHandlers: QueryHandlers<'hr/training'> = {
  'hr/training': (_input, context) =>
    live(context.db, context.actor.id, async (directory, actor): Promise<TrainingOverview> => {
      const [employees, courses, sessions, completions, equipment, departments] = await Promise.all([
        readable(context.db, 'employee', actor),
        readable(context.db, 'training_course', actor),
        readable(context.db, 'training_session', actor),
        readable(context.db, 'training_completion', actor),
        readable(context.db, 'equipment', actor),
        context.db.people.find({ selector: { kind: 'department' } }).exec(),
      ]);
      const nameOf = namesOf(directory);
      const departmentName = new Map(departments.map((d) => [d.get('id') as string, d.get('name') as string]));
      const people = new Map(directory.people.map((p) => [p.id, p]));
      return trainingOverview(
        {
          employees,
          courses: courses.filter((c) => c.parentId === trainingCoursesParent),
          sessions,
          completions,
          // Named as equipment names them everywhere (booking refusals too): number and name.
          instruments: equipment.map((e) => instrumentFacts(e as unknown as Record<string, unknown>)).map((i) => ({ ...i, name: i.number ? `${i.number} ${i.name}` : i.name })),
          person: (id) => {
            const p = people.get(id);
            const departmentId = p?.departmentId ?? '';
            return { name: nameOf(id), roles: p?.roles ?? [], departmentId, departmentName: departmentName.get(departmentId) ?? '' };
          },
        },
        context.clock().toISOString().slice(0, 10),
      );
    }).pipe(map((overview) => ok(overview))),
};
