import { builtInRoles } from './roles';

/**
 * Who may create people besides administrators (the lead's decision for issue 14's *Hire*): a person
 * holding the HR role, and only the way a hire does it — a new person with ordinary roles, no
 * password (an administrator sets it: Settings → People → Reset password), never a change to someone
 * who exists. Checked by the host's `hr/hire` (src-main/hr/hire-commands.ts) and by the people write
 * rule the sync server enforces on every push (src-shared/sync/permissions.ts `peopleRule`).
 */

/**
 * Roles that grant power over others or over the lab's money and approvals: administrators, HR,
 * finance, and every built-in approver (department heads approve leave and purchases, managers of
 * procurement, QA and sales approve their module's requests). Only an administrator gives them.
 */
export const PRIVILEGED_ROLES: readonly string[] = ['admin', 'hr', 'finance', 'department_head', 'procurement_manager', 'qa_manager', 'sales_manager'];

/**
 * The roles a hire may carry: the built-in roles that are not privileged. Custom roles are left out
 * too — LabFlow cannot know what an administrator's own role approves (workflows assign steps to
 * roles), so only an administrator gives one.
 */
export const HIRE_ROLES: readonly string[] = builtInRoles.map((r) => r.code).filter((code) => !PRIVILEGED_ROLES.includes(code));

export const isPrivilegedRole = (role: string): boolean => PRIVILEGED_ROLES.includes(role);

const roleName = (code: string): string => builtInRoles.find((r) => r.code === code)?.name ?? code;

/** Why these roles cannot be given by a hire, or null when they can. */
export function hireRolesProblem(roles: readonly unknown[]): string | null {
  if (roles.length === 0) return 'Give the new person at least one role.';
  const refused = roles.filter((r) => typeof r !== 'string' || !HIRE_ROLES.includes(r)).map(String);
  if (refused.length === 0) return null;
  return `A hire can only give ${HIRE_ROLES.map(roleName).join(', ')}; ask an administrator to give ${refused.map(roleName).join(', ')}.`;
}

type Doc = Record<string, unknown>;

/**
 * The people write of a non-administrator holding the HR role: allowed only as a hire's new person —
 * a `person` document that did not exist, active, with hire roles, no password hash. Anything else
 * (changing an existing person, their roles, roles or departments themselves) is an administrator's.
 * Null when allowed, else the refusal.
 */
export function hrPeopleWriteProblem(action: 'create' | 'update' | 'delete', doc: Doc, previous: Doc | null): string | null {
  if (previous || action !== 'create') {
    const rolesChanged = JSON.stringify(previous?.roles ?? null) !== JSON.stringify(doc.roles ?? null);
    return rolesChanged ? 'HR cannot change the roles of someone who already exists; ask an administrator.' : 'HR can only add new people, through Hire; ask an administrator to change someone who exists.';
  }
  if (doc.kind !== 'person') return 'Only an administrator can change roles and departments.';
  if (doc.isActive !== true) return 'A new hire starts active.';
  if (typeof doc.passwordHash === 'string' && doc.passwordHash !== '') return 'HR cannot set a password; an administrator sets the new person\'s password.';
  return hireRolesProblem(Array.isArray(doc.roles) ? doc.roles : []);
}
