import { describe, expect, it } from 'vitest';
import { departmentContract } from '../../../src-shared/people/department-contract';
import {
  checkDepartmentCode,
  departmentKey,
  findDepartment,
  resolvePersonDepartment,
  summariseDepartments,
  type DepartmentView,
} from '../../../src-shared/people/departments';

const chem: DepartmentView = { id: 'D-CHEM', code: 'CHEM', name: 'Chemistry', isActive: true };
const bio: DepartmentView = { id: 'D-BIO', code: 'bio', name: 'Biology', isActive: true };
const old: DepartmentView = { id: 'D-OLD', code: 'ARCH', name: 'Archive', isActive: false };
const departments = [chem, bio, old];

describe('department input', () => {
  const create = departmentContract['departments/create'].input;
  it.each([
    [{ code: '', name: 'Chemistry' }, 'code', 'Enter a department code.'],
    [{ code: 'CHEM', name: '   ' }, 'name', 'Enter a department name.'],
    [{ code: 'qc lab', name: 'QC' }, 'code', 'A department code uses letters'],
    [{ code: '-qc', name: 'QC' }, 'code', 'A department code uses letters'],
    [{ code: 'X'.repeat(41), name: 'QC' }, 'code', 'at most 40 characters'],
  ])('refuses %j with a message on %s', (input, field, message) => {
    const parsed = create.safeParse(input);
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path).toEqual([field]);
    expect(issue?.message).toContain(message);
  });

  it('trims what it accepts', () => {
    expect(create.parse({ code: ' qc-lab_2 ', name: ' Quality control ' })).toEqual({ code: 'qc-lab_2', name: 'Quality control' });
  });
});

describe('department codes', () => {
  it('refuses a code in use, whatever its case, and names the department', () => {
    expect(checkDepartmentCode(departments, 'chem')).toEqual({
      ok: false,
      error: { code: 'already_exists', message: 'The code CHEM is already used by Chemistry.', field: 'code' },
    });
  });

  it('refuses the code of a deactivated department and says to reactivate it', () => {
    const result = checkDepartmentCode(departments, 'arch');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toContain('reactivate it instead');
  });

  it('accepts a new code, and a department keeping its own', () => {
    expect(checkDepartmentCode(departments, 'PHYS')).toEqual({ ok: true, value: null });
    expect(checkDepartmentCode(departments, 'CHEM', 'D-CHEM')).toEqual({ ok: true, value: null });
  });
});

describe('a person’s department', () => {
  it('is found by id, else by code (values typed before departments existed)', () => {
    expect(findDepartment(departments, 'D-BIO')).toBe(bio);
    expect(findDepartment(departments, 'BIO')).toBe(bio);
    expect(findDepartment(departments, 'histology')).toBeNull();
    expect(findDepartment(departments, '')).toBeNull();
    expect(findDepartment(departments, undefined)).toBeNull();
  });

  it.each([
    ['none', '', undefined, { ok: true, value: '' }],
    ['an active department by id', 'D-CHEM', undefined, { ok: true, value: 'D-CHEM' }],
    ['an active department by code, stored by id', 'chem', undefined, { ok: true, value: 'D-CHEM' }],
    ['the legacy value the person has', 'histology', 'histology', { ok: true, value: 'histology' }],
    ['the deactivated department the person is in', 'D-OLD', 'D-OLD', { ok: true, value: 'D-OLD' }],
  ])('accepts %s', (_what, value, current, expected) => {
    expect(resolvePersonDepartment(departments, value, current)).toEqual(expected);
  });

  it('refuses an unknown value and a deactivated department, naming the field', () => {
    expect(resolvePersonDepartment(departments, 'histology', 'D-CHEM')).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'departmentId' } });
    expect(resolvePersonDepartment(departments, 'D-OLD', '')).toMatchObject({
      ok: false,
      error: { code: 'invalid_state', field: 'departmentId', message: 'Archive is deactivated; choose an active department.' },
    });
  });

  it('gives workflows one key per department: none for a deactivated one, the text itself for legacy values', () => {
    expect(departmentKey(departments, 'D-CHEM')).toBe('D-CHEM');
    expect(departmentKey(departments, 'chem')).toBe('D-CHEM');
    expect(departmentKey(departments, 'D-OLD')).toBe('');
    expect(departmentKey(departments, 'ARCH')).toBe('');
    expect(departmentKey(departments, 'histology')).toBe('histology');
    expect(departmentKey(departments, undefined)).toBe('');
  });
});

describe('the departments list', () => {
  const person = (id: string, departmentId: string | undefined, roles: string[] = ['member'], isActive = true) => ({ id, name: `N-${id}`, roles, isActive, departmentId });

  it('counts active people and lists active heads per department, by name', () => {
    const list = summariseDepartments(departments, [
      person('zed', 'D-CHEM', ['department_head']),
      person('amy', 'chem', ['department_head', 'admin']),
      person('bob', 'D-CHEM'),
      person('gone', 'D-CHEM', ['department_head'], false),
      person('bea', 'D-BIO'),
      person('lee', 'histology', ['department_head']),
      person('nix', undefined),
    ]);
    expect(list.map((d) => d.name)).toEqual(['Archive', 'Biology', 'Chemistry']);
    expect(list[2]).toEqual({ ...chem, memberCount: 3, heads: [{ id: 'amy', name: 'N-amy' }, { id: 'zed', name: 'N-zed' }] });
    expect(list[1]).toMatchObject({ memberCount: 1, heads: [] });
    expect(list[0]).toMatchObject({ memberCount: 0, heads: [] });
  });

  it('is empty without departments', () => {
    expect(summariseDepartments([], [person('a', 'chem')])).toEqual([]);
  });
});
