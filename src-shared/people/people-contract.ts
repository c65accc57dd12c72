import { z } from 'zod';
import { command, query } from '../bridge/define';
import { emailSchema, passwordSchema, personNameSchema, roleCodeSchema, type PersonView, type RoleView } from './person';

const rolesSchema = z.array(roleCodeSchema).min(1, 'Give the person at least one role.').max(20);
/** The person's department (workflows find "the requester's department head" by it); '' for none. */
const departmentSchema = z.string().trim().max(40, 'A department has at most 40 characters.');

/** Settings → People & roles. Only admins may call the changing commands. */
export const peopleContract = {
  'people/create': command<PersonView>()(
    z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema, roles: rolesSchema, departmentId: departmentSchema.optional() }),
  ),
  'people/update': command<PersonView>()(
    z.object({ id: z.string().min(1), name: personNameSchema.optional(), email: emailSchema.optional(), roles: rolesSchema.optional(), departmentId: departmentSchema.optional() }),
  ),
  'people/set-active': command<PersonView>()(z.object({ id: z.string().min(1), isActive: z.boolean() })),
  'people/reset-password': command<PersonView>()(z.object({ id: z.string().min(1), password: passwordSchema })),
  /**
   * "Unlock sign-in": ends the waits after wrong passwords for this person, on this PC and — in
   * team mode — on the sync server (where guesses lock one address at a time, so nobody can lock a
   * colleague out everywhere). `unlockedOnServer` is how many addresses were locked there, null
   * standalone. `server_unreachable` when the server cannot be asked; the local wait still ends.
   */
  'people/unlock-sign-in': command<{ unlockedOnServer: number | null }>()(z.object({ id: z.string().min(1) })),
  'roles/create': command<RoleView>()(
    z.object({ code: roleCodeSchema, name: z.string().trim().min(1, 'Enter a role name.').max(100) }),
  ),
  'people/list': query<PersonView[]>()(z.object({ includeInactive: z.boolean().default(true) })),
  'roles/list': query<RoleView[]>()(z.object({})),
};
