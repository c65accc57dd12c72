import { map } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import { resolvePersonDepartment } from '../../src-shared/people/departments';
import { builtInRoles, isAdmin } from '../../src-shared/people/roles';
import { toPersonView, type PersonDocument, type RoleDocument, type RoleView } from '../../src-shared/people/person';
import { hashPassword } from '../auth/passwords';
import type { CommandContext, CommandHandlers, QueryHandlers } from '../host/handler-types';
import { findPerson, findPersonByEmail, readDepartments } from './people-store';
import { forgetWrongPasswords } from '../auth/auth-handlers';
import { unlockOnTeamServer } from '../sync/sync-feature';

const isSameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

type PeopleCommands = 'people/create' | 'people/update' | 'people/set-active' | 'people/reset-password' | 'people/unlock-sign-in' | 'roles/create';

const adminOnly = (context: CommandContext) =>
  context.session && isAdmin(context.session.person.roles) ? null : fail('forbidden', 'Only an administrator can manage people and roles.');

async function unknownRoles(context: CommandContext, roles: string[]): Promise<string[]> {
  const builtIn = new Set<string>(builtInRoles.map((r) => r.code));
  const custom = await context.db.people.find({ selector: { kind: 'role' } }).exec();
  for (const role of custom) builtIn.add(role.get('email') as string);
  return roles.filter((r) => !builtIn.has(r));
}

async function isLastActiveAdmin(context: CommandContext, personId: string): Promise<boolean> {
  const admins = await context.db.people.find({ selector: { kind: 'person', isActive: true, roles: { $in: ['admin'] } } }).exec();
  return admins.length === 1 && admins[0]?.id === personId;
}

const write = (context: CommandContext) => ({ actor: context.actor, command: context.command, now: context.clock() });

export const peopleCommandHandlers: CommandHandlers<PeopleCommands> = {
  async 'people/create'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    if (await findPersonByEmail(context.db, input.email)) return fail('already_exists', `Someone already uses ${input.email}.`, { field: 'email' });
    const missing = await unknownRoles(context, input.roles);
    if (missing.length) return fail('invalid_input', `Unknown role: ${missing.join(', ')}.`, { field: 'roles' });
    const department = resolvePersonDepartment(await readDepartments(context.db), input.departmentId ?? '');
    if (!department.ok) return department;
    const person = await context.writer.insert<PersonDocument>(
      'people',
      {
        kind: 'person',
        name: input.name,
        email: input.email,
        roles: input.roles,
        isActive: true,
        passwordHash: await hashPassword(input.password),
        ...(department.value ? { departmentId: department.value } : {}),
      },
      write(context),
    );
    return ok(toPersonView(person));
  },

  async 'people/update'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    const person = await findPerson(context.db, input.id);
    if (!person) return fail('not_found', 'That person no longer exists.');
    if (input.email && input.email !== person.email && (await findPersonByEmail(context.db, input.email))) {
      return fail('already_exists', `Someone already uses ${input.email}.`, { field: 'email' });
    }
    if (input.roles && person.id === context.actor.id && !isSameSet(input.roles, person.roles)) {
      return fail('forbidden', 'Nobody can change their own roles; ask another administrator.', { field: 'roles' });
    }
    if (input.roles) {
      const missing = await unknownRoles(context, input.roles);
      if (missing.length) return fail('invalid_input', `Unknown role: ${missing.join(', ')}.`, { field: 'roles' });
      if (!input.roles.includes('admin') && (await isLastActiveAdmin(context, person.id))) {
        return fail('invalid_state', 'This is the last active administrator; give someone else the admin role first.', { field: 'roles' });
      }
    }
    const { id, ...changes } = input;
    if (input.departmentId !== undefined) {
      const department = resolvePersonDepartment(await readDepartments(context.db), input.departmentId, person.departmentId ?? '');
      if (!department.ok) return department;
      // Unchanged (also '' for someone who never had one) writes nothing, so the audit shows no empty change.
      if (department.value === (person.departmentId ?? '')) delete changes.departmentId;
      else changes.departmentId = department.value;
    }
    const updated = await context.writer.update<PersonDocument>('people', id, stripUndefined(changes), write(context));
    return updated ? ok(toPersonView(updated)) : fail('not_found', 'That person no longer exists.');
  },

  async 'people/set-active'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    const person = await findPerson(context.db, input.id);
    if (!person) return fail('not_found', 'That person no longer exists.');
    if (!input.isActive && (await isLastActiveAdmin(context, person.id))) {
      return fail('invalid_state', 'This is the last active administrator; it cannot be deactivated.');
    }
    const updated = await context.writer.update<PersonDocument>('people', input.id, { isActive: input.isActive }, write(context));
    return updated ? ok(toPersonView(updated)) : fail('not_found', 'That person no longer exists.');
  },

  async 'people/reset-password'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    const updated = await context.writer.update<PersonDocument>('people', input.id, { passwordHash: await hashPassword(input.password) }, write(context));
    return updated ? ok(toPersonView(updated)) : fail('not_found', 'That person no longer exists.');
  },

  async 'people/unlock-sign-in'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    const person = await findPerson(context.db, input.id);
    if (!person) return fail('not_found', 'That person no longer exists.');
    forgetWrongPasswords(context.db, person.email);
    const onServer = await unlockOnTeamServer(context.db, context.actor.id, person.id);
    if (onServer && !onServer.ok) return onServer;
    context.log.info('sign-in unlocked', { personId: person.id, byId: context.actor.id });
    return ok({ unlockedOnServer: onServer ? onServer.value : null });
  },

  async 'roles/create'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    if ((await unknownRoles(context, [input.code])).length === 0) return fail('already_exists', `The role ${input.code} already exists.`, { field: 'code' });
    await context.writer.insert<RoleDocument>('people', { kind: 'role', name: input.name, email: input.code, roles: [], isActive: true, passwordHash: '' }, write(context));
    return ok({ code: input.code, name: input.name, isBuiltIn: false });
  },
};

const stripUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export const peopleQueryHandlers: QueryHandlers<'people/list' | 'roles/list'> = {
  'people/list': (input, context) =>
    context.db.people
      .find({ selector: input.includeInactive ? { kind: 'person' } : { kind: 'person', isActive: true }, sort: [{ name: 'asc' }] })
      .$.pipe(map((docs) => ok(docs.map((d) => toPersonView(d.toJSON() as PersonDocument))))),
  'roles/list': (_input, context) =>
    context.db.people.find({ selector: { kind: 'role' }, sort: [{ name: 'asc' }] }).$.pipe(
      map((docs) => {
        const custom: RoleView[] = docs.map((d) => ({ code: d.get('email') as string, name: d.get('name') as string, isBuiltIn: false }));
        return ok([...builtInRoles.map((r) => ({ code: r.code, name: r.name, isBuiltIn: true })), ...custom]);
      }),
    ),
};
