import { employmentTypes, type EmployeeData } from './employee-kind';
import type { TrainingCourseData } from './training-kinds';
import { trainingMatrix, type Completion, type TrainingState } from './training-matrix';

/**
 * HR's employee list with the training matrix (people × required trainings: valid, expiring,
 * expired, missing), as the HR screen shows it. Pure: the host gives the records the asker may read.
 */
export interface EmployeeRow {
  id: string;
  number: string;
  personId: string;
  personName: string;
  jobTitle: string;
  managerName: string;
  employmentLabel: string;
  startDate: string;
  status: string;
  statusLabel: string;
  /** courseId → state, for the courses required of this person only. */
  trainings: Record<string, TrainingState>;
}

export interface EmployeeOverview {
  /** The courses some row requires, in title order: the matrix's columns. */
  courses: { id: string; title: string }[];
  rows: EmployeeRow[];
}

type Doc = { id: string; number?: string; status: string; data: unknown };

export interface EmployeeSources {
  employees: readonly (Doc & { statusLabel: string })[];
  courses: readonly Doc[];
  completions: readonly Doc[];
  rolesOf: (personId: string) => readonly string[];
  nameOf: (personId: string) => string;
}

export function employeeOverview(sources: EmployeeSources, today: string): EmployeeOverview {
  const courses = sources.courses.map((c) => ({ id: c.id, data: c.data as TrainingCourseData }));
  const requirements = courses.map((c) => ({ courseId: c.id, roles: c.data.requiredForRoles, equipmentIds: c.data.requiredForEquipmentIds }));
  const completions: Completion[] = sources.completions
    .filter((c) => c.status === 'recorded')
    .map((c) => {
      const d = c.data as { personId: string; courseId: string; completedOn: string; expiresOn: string };
      return { personId: d.personId, courseId: d.courseId, completedOn: d.completedOn, expiresOn: d.expiresOn };
    });
  const people = sources.employees.map((e) => ({ id: (e.data as EmployeeData).personId, roles: sources.rolesOf((e.data as EmployeeData).personId), equipmentIds: [] }));
  const matrix = new Map(trainingMatrix(people, requirements, completions, today).map((row) => [row.personId, row.cells]));
  const rows = sources.employees.map((e): EmployeeRow => {
    const d = e.data as EmployeeData;
    return {
      id: e.id,
      number: e.number ?? '',
      personId: d.personId,
      personName: sources.nameOf(d.personId),
      jobTitle: d.jobTitle,
      managerName: d.managerId ? sources.nameOf(d.managerId) : '',
      employmentLabel: employmentTypes.find((t) => t.value === d.employmentType)?.label ?? d.employmentType,
      startDate: d.startDate,
      status: e.status,
      statusLabel: e.statusLabel,
      trainings: Object.fromEntries(matrix.get(d.personId) ?? new Map()),
    };
  });
  const used = new Set(rows.flatMap((r) => Object.keys(r.trainings)));
  return {
    courses: courses.filter((c) => used.has(c.id)).map((c) => ({ id: c.id, title: c.data.title })).sort((a, b) => a.title.localeCompare(b.title)),
    rows: rows.sort((a, b) => a.personName.localeCompare(b.personName)),
  };
}
