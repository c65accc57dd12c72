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
  'roles/create': command<RoleView>()(
    z.object({ code: roleCodeSchema, name: z.string().trim().min(1, 'Enter a role name.').max(100) }),
  ),
  'people/list': query<PersonView[]>()(z.object({ includeInactive: z.boolean().default(true) })),
  'roles/list': query<RoleView[]>()(z.object({})),
};
