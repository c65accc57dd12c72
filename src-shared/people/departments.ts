import { z } from 'zod';
import { fail, ok, type Result } from '../core/result';
import type { BaseDocument } from '../db/base-fields';

/**
 * Departments are `people` documents of kind `department`, like roles: the existing schema holds
 * them (code in `email`, which the (kind, email) index finds), they sync with the directory and the
 * server's rule that only administrators write `people` covers them. A person's `departmentId` names
 * a department by id; values from before departments existed are free text and are still honoured
 * (see `findDepartment`).
 */
export interface DepartmentDocument extends BaseDocument {
  kind: 'department';
  name: string;
  /** The department's code; departments have no address. */
  email: string;
  roles: string[];
  isActive: boolean;
  passwordHash: string;
}

export interface DepartmentView {
  id: string;
  code: string;
  name: string;
  isActive: boolean;
}

/** A department as Settings lists it: with its active heads (people holding department_head in it) and how many people it has. */
export interface DepartmentSummary extends DepartmentView {
  heads: { id: string; name: string }[];
  memberCount: number;
}

export const departmentCodeSchema = z
  .string()
  .trim()
  .min(1, 'Enter a department code.')
  .max(40, 'A department code has at most 40 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'A department code uses letters, digits, “-” and “_”, starting with a letter or digit (e.g. CHEM or qc-lab).');

export const departmentNameSchema = z.string().trim().min(1, 'Enter a department name.').max(200, 'A department name has at most 200 characters.');

export const toDepartmentView = (d: Pick<DepartmentDocument, 'id' | 'name' | 'email' | 'isActive'>): DepartmentView => ({
  id: d.id,
  code: d.email,
  name: d.name,
  isActive: d.isActive,
});

/** Codes are compared without regard to case: "QC" and "qc" are one department. */
export const isSameCode = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The department a person's `departmentId` names: by id, else (a value typed before departments
 * existed) by code. Null when it names none — the value is then legacy free text.
 */
export function findDepartment<D extends DepartmentView>(departments: readonly D[], value: string | undefined): D | null {
  if (!value) return null;
  return departments.find((d) => d.id === value) ?? departments.find((d) => isSameCode(d.code, value)) ?? null;
}

/** Refuses a code another department uses already (deactivated ones too: codes are never reused). */
export function checkDepartmentCode(departments: readonly DepartmentView[], code: string, exceptId?: string): Result<null> {
  const taken = departments.find((d) => d.id !== exceptId && isSameCode(d.code, code));
  if (!taken) return ok(null);
  const state = taken.isActive ? '' : ' (deactivated; reactivate it instead)';
  return fail('already_exists', `The code ${taken.code} is already used by ${taken.name}${state}.`, { field: 'code' });
}

/**
 * Checks the department a person is being put in: '' (none) is always fine, and so is keeping the
 * value they have (a legacy name or a department deactivated since). Otherwise it must name an
 * active department, by id or code. Returns the id to store.
 */
export function resolvePersonDepartment(departments: readonly DepartmentView[], value: string, current?: string): Result<string> {
  if (value === '') return ok('');
  if (current !== undefined && value === current) return ok(value);
  const department = findDepartment(departments, value);
  if (!department) return fail('invalid_input', 'Choose a department from the list.', { field: 'departmentId' });
  if (!department.isActive) return fail('invalid_state', `${department.name} is deactivated; choose an active department.`, { field: 'departmentId' });
  return ok(department.id);
}

/**
 * The department key workflows compare people by ("the requester's department head"): the
 * department's id when the value names an active department, '' when it names a deactivated one
 * (a closed department has no head to ask: the role's holders decide, as for someone without a
 * department), and the value itself when it is legacy free text, so data from before departments
 * keeps working unchanged.
 */
export function departmentKey(departments: readonly DepartmentView[], value: string | undefined): string {
  if (!value) return '';
  const department = findDepartment(departments, value);
  if (!department) return value;
  return department.isActive ? department.id : '';
}

interface PersonLike {
  id: string;
  name: string;
  roles: readonly string[];
  isActive: boolean;
  departmentId?: string | undefined;
}

/** Settings' list: each department with its active heads and its number of active people, by name. */
export function summariseDepartments(departments: readonly DepartmentView[], people: readonly PersonLike[]): DepartmentSummary[] {
  const summaries = new Map(departments.map((d) => [d.id, { ...d, heads: [] as { id: string; name: string }[], memberCount: 0 }]));
  for (const person of people) {
    if (!person.isActive) continue;
    const department = findDepartment(departments, person.departmentId);
    const summary = department ? summaries.get(department.id) : undefined;
    if (!summary) continue;
    summary.memberCount++;
    if (person.roles.includes('department_head')) summary.heads.push({ id: person.id, name: person.name });
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return [...summaries.values()].map((s) => ({ ...s, heads: s.heads.sort(byName) })).sort(byName);
}
