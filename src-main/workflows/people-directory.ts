import type { Subscription } from 'rxjs';
import { departmentKey, toDepartmentView, type DepartmentDocument } from '../../src-shared/people/departments';
import type { PersonDocument } from '../../src-shared/people/person';
import type { AssigneeResolver, Assignees } from '../../src-shared/workflows/instance';
import type { LabDatabase } from '../database/open-database';

export interface DirectoryPerson {
  id: string;
  name: string;
  roles: readonly string[];
  /** The department key (src-shared/people/departments.ts `departmentKey`): '' for none or a deactivated department. */
  departmentId: string;
  isActive: boolean;
}

export interface PeopleDirectory {
  /** Everyone, read once and again after the `people` collection changes. */
  load(): Promise<ReadonlyMap<string, DirectoryPerson>>;
  dispose(): void;
}

/**
 * The people directory as the workflow runtime needs it: names for views, roles for role holders,
 * departments for "the requester's department head". Cached, because the engine's resolver is
 * synchronous and runs on every step entry; any change to `people` drops the cache.
 */
export function createPeopleDirectory(db: LabDatabase): PeopleDirectory {
  let cached: Promise<Map<string, DirectoryPerson>> | undefined;
  const subscription: Subscription = db.people.$.subscribe(() => {
    cached = undefined;
  });
  const read = async () => {
    const docs = await db.people.find({ selector: { kind: { $in: ['person', 'department'] } } }).exec();
    const departments = docs.filter((d) => d.get('kind') === 'department').map((d) => toDepartmentView(d.toJSON() as DepartmentDocument));
    const people = new Map<string, DirectoryPerson>();
    for (const doc of docs) {
      if (doc.get('kind') !== 'person') continue;
      const p = doc.toJSON() as PersonDocument;
      people.set(p.id, { id: p.id, name: p.name, roles: p.roles ?? [], departmentId: departmentKey(departments, p.departmentId), isActive: p.isActive });
    }
    return people;
  };
  return {
    load() {
      const current = (cached ??= read());
      current.catch(() => {
        if (cached === current) cached = undefined;
      });
      return current;
    },
    dispose: () => subscription.unsubscribe(),
  };
}

/**
 * Named assignees the directory can resolve for `assignee_type: 'variable'`:
 * `requester` / `starter` (the person), `requester_department_head` (active heads of the requester's
 * department, else anyone with the department_head role — also when the requester's department was
 * deactivated). Any other name falls through to the
 * engine's default: an instance variable holding a user id or a list of them.
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
