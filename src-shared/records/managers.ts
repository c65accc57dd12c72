import type { ManagerLookup } from './record-document';

/**
 * Who manages a person, for the `manager` read scope and rules: the heads of their department
 * (people holding `department_head` in it). The HR module's employee record may name a manager
 * directly; `explicit` then wins. Host and server answer from their own directory. Pure.
 */
export interface DirectoryPerson {
  id: string;
  kind?: string;
  roles: readonly string[];
  isActive: boolean;
  departmentId?: string | undefined;
}

export function managerLookup(people: readonly DirectoryPerson[], explicit: ReadonlyMap<string, string> = new Map()): ManagerLookup {
  const persons = people.filter((p) => (p.kind ?? 'person') === 'person');
  const departmentOf = new Map(persons.map((p) => [p.id, p.departmentId ?? '']));
  const headsByDepartment = new Map<string, string[]>();
  for (const p of persons) {
    if (!p.isActive || !p.departmentId || !p.roles.includes('department_head')) continue;
    headsByDepartment.set(p.departmentId, [...(headsByDepartment.get(p.departmentId) ?? []), p.id]);
  }
  const managersOf = (personId: string): readonly string[] => {
    const named = explicit.get(personId);
    if (named) return [named];
    const department = departmentOf.get(personId);
    return (department ? (headsByDepartment.get(department) ?? []) : []).filter((id) => id !== personId);
  };
  return {
    managersOf,
    managedBy: (managerId) => persons.filter((p) => p.id !== managerId && managersOf(p.id).includes(managerId)).map((p) => p.id),
  };
}
