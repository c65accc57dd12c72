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

async function findDepartmentDoc(context: CommandContext, id: string): Promise<DepartmentDocument | null> {
  const doc = await context.db.people.findOne(id).exec();
  return doc && doc.get('kind') === 'department' ? (doc.toJSON() as DepartmentDocument) : null;
}

const gone = () => fail('not_found', 'That department no longer exists.');

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

  async 'departments/rename'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    if (!(await findDepartmentDoc(context, input.id))) return gone();
    const updated = await context.writer.update<DepartmentDocument>('people', input.id, { name: input.name }, write(context));
    return updated ? ok(toDepartmentView(updated)) : gone();
  },

  async 'departments/set-active'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    if (!(await findDepartmentDoc(context, input.id))) return gone();
    const updated = await context.writer.update<DepartmentDocument>('people', input.id, { isActive: input.isActive }, write(context));
    return updated ? ok(toDepartmentView(updated)) : gone();
  },
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
