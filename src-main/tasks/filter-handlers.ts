import { map } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import type { SavedTaskFilter, TaskFilter } from '../../src-shared/tasks/task-views';
import type { CommandHandlers, QueryHandlers } from '../host/handler-types';
import { writeContextOf } from '../projects/project-access';
import { softDelete } from './soft-delete';

/** Saved filters are `records` of this kind, each person's own (`data.personId`). */
const KIND = 'saved_task_filter';

interface FilterRecord {
  id: string;
  kind: typeof KIND;
  title: string;
  status: 'active';
  updatedAt: string;
  createdAt: string;
  createdBy: string;
  updatedBy: string;
  auditId: string;
  data: { personId: string; filter: TaskFilter };
}

const toView = (r: FilterRecord): SavedTaskFilter => ({ id: r.id, name: r.title, filter: r.data.filter, updatedAt: r.updatedAt });

export const filterCommandHandlers: CommandHandlers<'task-filters/save' | 'task-filters/remove'> = {
  async 'task-filters/save'(input, context) {
    const me = context.actor.id;
    const data = { personId: me, filter: input.filter as TaskFilter };
    if (input.id) {
      const doc = await context.db.records.findOne(input.id).exec();
      const existing = doc?.toJSON() as FilterRecord | undefined;
      if (!existing || existing.kind !== KIND || existing.data.personId !== me) return fail('not_found', 'That saved filter no longer exists.');
      const updated = await context.writer.update<FilterRecord>('records', input.id, { title: input.name, data }, writeContextOf(context));
      return updated ? ok(toView(updated)) : fail('not_found', 'That saved filter no longer exists.');
    }
    const created = await context.writer.insert<FilterRecord>('records', { kind: KIND, title: input.name, status: 'active', data }, writeContextOf(context));
    return ok(toView(created));
  },

  async 'task-filters/remove'(input, context) {
    const doc = await context.db.records.findOne(input.id).exec();
    const existing = doc?.toJSON() as FilterRecord | undefined;
    if (!existing || existing.kind !== KIND || existing.data.personId !== context.actor.id) return fail('not_found', 'That saved filter no longer exists.');
    await softDelete(context, 'records', existing);
    return ok({ id: existing.id });
  },
};

export const filterQueryHandlers: QueryHandlers<'task-filters/list'> = {
  'task-filters/list': (_input, context) =>
    context.db.records.find({ selector: { kind: KIND, status: 'active' } }).$.pipe(
      map((docs) =>
        ok(
          docs
            .map((d) => d.toJSON() as FilterRecord)
            .filter((r) => r.data.personId === context.actor.id)
            .map(toView)
            .sort((a, b) => a.name.localeCompare(b.name)),
        ),
      ),
    ),
};
