import { departmentKey, toDepartmentView, type DepartmentDocument } from '../people/departments';
import type { AssigneeResolver, Assignees } from './instance';

/**
 * The people directory as the workflow engine needs it: names for views, roles for role holders,
 * departments for "the requester's department head". Pure, so the host's runtime and the sync
 * server (replaying pushed events, sync/workflow-run-replay.ts) resolve assignees alike.
 */
export interface DirectoryPerson {
  id: string;
  name: string;
  roles: readonly string[];
  /** The department key (src-shared/people/departments.ts `departmentKey`): '' for none or a deactivated department. */
  departmentId: string;
  isActive: boolean;
}

type PeopleDoc = Record<string, unknown>;

/** The directory from `people` documents (persons and departments; roles are ignored). */
export function directoryFrom(docs: readonly PeopleDoc[]): Map<string, DirectoryPerson> {
  const departments = docs.filter((d) => d.kind === 'department').map((d) => toDepartmentView(d as unknown as DepartmentDocument));
  const people = new Map<string, DirectoryPerson>();
  for (const p of docs) {
    if (p.kind !== 'person' || typeof p.id !== 'string') continue;
    const roles = Array.isArray(p.roles) ? p.roles.filter((r): r is string => typeof r === 'string') : [];
    people.set(p.id, { id: p.id, name: String(p.name ?? ''), roles, departmentId: departmentKey(departments, typeof p.departmentId === 'string' ? p.departmentId : undefined), isActive: p.isActive === true });
  }
  return people;
}

/**
 * Named assignees the directory can resolve for `assignee_type: 'variable'`:
 * `requester` / `starter` (the person), `requester_department_head` (active heads of the requester's
 * department, else anyone with the department_head role — also when the requester's department was
 * deactivated). Any other name falls through to the engine's default: an instance variable holding
 * a user id or a list of them.
 */
export function directoryResolver(people: ReadonlyMap<string, DirectoryPerson>): AssigneeResolver {
  return ({ assigneeType, assigneeValue, instance }) => {
    if (assigneeType !== 'variable') return null;
    const names = Array.isArray(assigneeValue) ? assigneeValue : [assigneeValue];
    const found: Assignees = { users: [], roles: [] };
    for (const name of names) {
      if (name === 'requester') found.users.push(instance.requestedBy);
      else if (name === 'starter') found.users.push(instance.startedBy);
      else if (name === 'requester_department_head') {
        const department = people.get(instance.requestedBy)?.departmentId ?? '';
        const heads = department
          ? [...people.values()].filter((p) => p.isActive && p.departmentId === department && p.roles.includes('department_head') && p.id !== instance.requestedBy)
          : [];
        if (heads.length > 0) found.users.push(...heads.map((p) => p.id));
        else found.roles.push('department_head');
      } else return null;
    }
    return found;
  };
}

/** The people who hold any of the roles or are named, active only. */
export function peopleOf(people: ReadonlyMap<string, DirectoryPerson>, assignees: Assignees): string[] {
  const ids = new Set(assignees.users.filter((id) => people.get(id)?.isActive !== false));
  if (assignees.roles.length > 0) {
    for (const p of people.values()) if (p.isActive && p.roles.some((r) => assignees.roles.includes(r))) ids.add(p.id);
  }
  return [...ids];
}
