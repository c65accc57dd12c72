import { combineLatest, map } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import { checkDepartmentCode, summariseDepartments, toDepartmentView, type DepartmentDocument } from '../../src-shared/people/departments';
import type { PersonDocument } from '../../src-shared/people/person';
import { isAdmin } from '../../src-shared/people/roles';
import type { CommandContext, CommandHandlers, QueryHandlers } from '../host/handler-types';
import { readDepartments } from './people-store';

type DepartmentCommands = 'departments/create' | 'departments/rename' | 'departments/set-active';

const adminOnly = (context: CommandContext) =>
  context.session && isAdmin(context.session.person.roles) ? null : fail('forbidden', 'Only an administrator can manage departments.');

const write = (context: CommandContext) => ({ actor: context.actor, command: context.command, now: context.clock() });

/** Renames or (de)activates a department: refused for non-admins and for ids that are not departments. */
async function change(context: CommandContext, id: string, changes: Pick<Partial<DepartmentDocument>, 'name' | 'isActive'>) {
  const refused = adminOnly(context);
  if (refused) return refused;
  const gone = fail('not_found', 'That department no longer exists.');
  if ((await context.db.people.findOne(id).exec())?.get('kind') !== 'department') return gone;
  const updated = await context.writer.update<DepartmentDocument>('people', id, changes, write(context));
  return updated ? ok(toDepartmentView(updated)) : gone;
}

/** Settings → Departments: create, rename, deactivate and reactivate, each through the audited writer. */
export const departmentCommandHandlers: CommandHandlers<DepartmentCommands> = {
  async 'departments/create'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    const isFree = checkDepartmentCode(await readDepartments(context.db), input.code);
    if (!isFree.ok) return isFree;
    const department = await context.writer.insert<DepartmentDocument>(
      'people',
      { kind: 'department', name: input.name, email: input.code, roles: [], isActive: true, passwordHash: '' },
      write(context),
    );
    return ok(toDepartmentView(department));
  },

  'departments/rename': (input, context) => change(context, input.id, { name: input.name }),
  'departments/set-active': (input, context) => change(context, input.id, { isActive: input.isActive }),
};

export const departmentQueryHandlers: QueryHandlers<'departments/list'> = {
  'departments/list': (input, context) =>
    combineLatest([
      context.db.people.find({ selector: { kind: 'department' } }).$,
      context.db.people.find({ selector: { kind: 'person' } }).$,
    ]).pipe(
      map(([departmentDocs, personDocs]) => {
        const departments = departmentDocs.map((d) => toDepartmentView(d.toJSON() as DepartmentDocument));
        const people = personDocs.map((d) => d.toJSON() as PersonDocument);
        const all = summariseDepartments(departments, people);
        return ok(input.includeInactive ? all : all.filter((d) => d.isActive));
      }),
    ),
};
