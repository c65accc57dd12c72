import type { AssigneeType } from './definition-schema';
import type { Actor, AssigneeResolver, Assignees, WorkflowInstance } from './instance';
import { routingContext } from './record-binding';
import { readVariable } from './routing-rules';

/**
 * Who a step waits for. Roles and users are taken as written; a `variable` assignee is read from the
 * instance's variables or its record (`record.custodianId`, `record.manager`: a user id or a list
 * of them) unless the runtime's resolver knows better
 * (e.g. `requester_department_head` looked up in the directory). Resolution happens once, when the
 * step starts, and the result is recorded in the `step_entered` event.
 */

const asList = (value: string | string[]): string[] => (Array.isArray(value) ? [...value] : [value]);

function defaultResolve(type: AssigneeType, value: string | string[], instance: WorkflowInstance): Assignees | null {
  if (type === 'role') return { users: [], roles: asList(value) };
  if (type === 'user') return { users: asList(value), roles: [] };
  const context = routingContext(instance);
  const users = asList(value).flatMap((name) => {
    const found = readVariable(context, name);
    if (typeof found === 'string' && found !== '') return [found];
    if (Array.isArray(found)) return found.filter((item): item is string => typeof item === 'string' && item !== '');
    return [];
  });
  return users.length > 0 ? { users: [...new Set(users)], roles: [] } : null;
}

/** The assignees of a step starting now, or null when nobody can be found (the engine then raises an incident). */
export function resolveAssignees(
  type: AssigneeType,
  value: string | string[],
  instance: WorkflowInstance,
  stepId: string,
  resolver?: AssigneeResolver,
): Assignees | null {
  const resolved = resolver?.({ assigneeType: type, assigneeValue: value, instance, stepId }) ?? defaultResolve(type, value, instance);
  if (!resolved || (resolved.users.length === 0 && resolved.roles.length === 0)) return null;
  return { users: [...new Set(resolved.users)], roles: [...new Set(resolved.roles)] };
}

/** True when the actor is one of the named users or holds one of the roles. */
export function isAssignee(actor: Actor, assignees: Assignees): boolean {
  return assignees.users.includes(actor.userId) || assignees.roles.some((role) => actor.roles.includes(role));
}

/** Why the actor may not act: a step for named people is "not your step", a step for a role is "not your role". */
export function refusalCode(assignees: Assignees): 'not_your_step' | 'not_your_role' {
  return assignees.roles.length > 0 ? 'not_your_role' : 'not_your_step';
}
