import { toCsv } from '../records/register-export';
import type { TrainingCompletionData, TrainingCourseData, TrainingSessionData } from './training-kinds';
import { addDays } from '../projects/plan-dates';
import { completionsByPerson, expiringWithinDays, requiredCourses, trainingStateWarnedBy, type Completion, type TrainingState } from './training-matrix';

/**
 * The Training tab of the HR section (issue 14 item 4): courses with their sessions and enrolments,
 * and the training matrix as its own screen — the people whose employee record the asker may read ×
 * the trainings required of them by their roles and by the instruments they are authorised on —
 * each cell valid, expiring, expired or missing with its last valid day; filtered by department or
 * role and exported as CSV. Pure: the host gives the records the asker may read and today's date.
 */
type Doc = { id: string; number?: string; status: string; statusLabel?: string; data: unknown };

export interface NamedRef {
  id: string;
  name: string;
}

export interface SessionRow {
  id: string;
  courseId: string;
  date: string;
  trainerName: string;
  place: string;
  capacity: number;
  enrolled: NamedRef[];
  status: string;
  statusLabel: string;
}

export interface CourseRow {
  id: string;
  number: string;
  title: string;
  programme: string;
  validityMonths: number;
  status: string;
  statusLabel: string;
  /** Role codes whose holders must hold it. */
  roles: string[];
  /** Instruments whose users must hold it. */
  instruments: NamedRef[];
  methods: string[];
  sessions: SessionRow[];
}

export interface MatrixCell {
  state: TrainingState;
  /** The last valid day of the newest completion ('' when it never expires or there is none). */
  expiresOn: string;
}

export interface TrainingMatrixRow {
  personId: string;
  personName: string;
  departmentId: string;
  departmentName: string;
  roles: string[];
  /** courseId → cell, for the courses required of this person only. */
  cells: Record<string, MatrixCell>;
}

export interface TrainingMatrixView {
  /** Courses required of someone in the matrix, by title. */
  columns: { id: string; title: string }[];
  rows: TrainingMatrixRow[];
}

export interface TrainingOverview {
  today: string;
  courses: CourseRow[];
  matrix: TrainingMatrixView;
  /** Instruments a course may name (equipment records the asker may read). */
  instruments: NamedRef[];
}

export interface TrainingSources {
  employees: readonly Doc[];
  courses: readonly Doc[];
  sessions: readonly Doc[];
  completions: readonly Doc[];
  instruments: readonly { id: string; name: string; authorisedUserIds: readonly string[] }[];
  person: (personId: string) => { name: string; roles: readonly string[]; departmentId: string; departmentName: string };
}

const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);

export function trainingOverview(sources: TrainingSources, today: string): TrainingOverview {
  const instrumentName = new Map(sources.instruments.map((i) => [i.id, i.name]));
  const sessionsByCourse = new Map<string, SessionRow[]>();
  for (const s of sources.sessions) {
    const d = s.data as TrainingSessionData;
    const row: SessionRow = {
      id: s.id, courseId: d.courseId, date: d.date, trainerName: sources.person(d.trainerId).name, place: d.place, capacity: d.capacity,
      enrolled: d.enrolledIds.map((id) => ({ id, name: sources.person(id).name })), status: s.status, statusLabel: s.statusLabel ?? s.status,
    };
    sessionsByCourse.set(d.courseId, [...(sessionsByCourse.get(d.courseId) ?? []), row]);
  }
  const courses = sources.courses.map((c): CourseRow => {
    const d = c.data as TrainingCourseData;
    return {
      id: c.id, number: c.number ?? '', title: d.title, programme: d.programme, validityMonths: d.validityMonths, status: c.status, statusLabel: c.statusLabel ?? c.status,
      roles: [...d.requiredForRoles], instruments: d.requiredForEquipmentIds.map((id) => ({ id, name: instrumentName.get(id) ?? 'An instrument you cannot see' })),
      methods: [...d.methods], sessions: (sessionsByCourse.get(c.id) ?? []).sort((a, b) => b.date.localeCompare(a.date)),
    };
  }).sort(byTitle);
  return { today, courses, matrix: matrixOf(sources, today), instruments: sources.instruments.map((i) => ({ id: i.id, name: i.name })).sort((a, b) => a.name.localeCompare(b.name)) };
}

function matrixOf(sources: TrainingSources, today: string): TrainingMatrixView {
  const active = sources.courses.filter((c) => c.status !== 'retired');
  const requirements = active.map((c) => {
    const d = c.data as TrainingCourseData;
    return { courseId: c.id, roles: d.requiredForRoles, equipmentIds: d.requiredForEquipmentIds };
  });
  const completions = completionsByPerson(sources.completions.filter((c) => c.status === 'recorded').map((c): Completion => {
    const d = c.data as TrainingCompletionData;
    return { personId: d.personId, courseId: d.courseId, completedOn: d.completedOn, expiresOn: d.expiresOn };
  }));
  const instrumentsOf = new Map<string, string[]>();
  for (const i of sources.instruments) for (const p of i.authorisedUserIds) instrumentsOf.set(p, [...(instrumentsOf.get(p) ?? []), i.id]);
  const used = new Set<string>();
  const warnBy = addDays(today, expiringWithinDays);
  const rows = sources.employees.map((e): TrainingMatrixRow => {
    const personId = (e.data as { personId: string }).personId;
    const person = sources.person(personId);
    const cells: Record<string, MatrixCell> = {};
    for (const courseId of requiredCourses({ id: personId, roles: person.roles, equipmentIds: instrumentsOf.get(personId) ?? [] }, requirements)) {
      const held = completions.get(personId)?.get(courseId) ?? [];
      const newest = held.filter((c) => c.completedOn <= today).reduce<Completion | null>((a, c) => (!a || c.completedOn > a.completedOn ? c : a), null);
      cells[courseId] = { state: trainingStateWarnedBy(held, today, warnBy), expiresOn: newest?.expiresOn ?? '' };
      used.add(courseId);
    }
    return { personId, personName: person.name, departmentId: person.departmentId, departmentName: person.departmentName, roles: [...person.roles], cells };
  });
  const columns = active.filter((c) => used.has(c.id)).map((c) => ({ id: c.id, title: (c.data as TrainingCourseData).title })).sort(byTitle);
  return { columns, rows: rows.sort((a, b) => a.personName.localeCompare(b.personName)) };
}

/** The matrix narrowed to a department and/or a role ('' = all); columns keep only courses someone left still needs. */
export function filterMatrix(matrix: TrainingMatrixView, filter: { departmentId: string; role: string }): TrainingMatrixView {
  const rows = matrix.rows.filter((r) => (!filter.departmentId || r.departmentId === filter.departmentId) && (!filter.role || r.roles.includes(filter.role)));
  const used = new Set(rows.flatMap((r) => Object.keys(r.cells)));
  return { columns: matrix.columns.filter((c) => used.has(c.id)), rows };
}

export const trainingStateLabels: Readonly<Record<TrainingState, string>> = { valid: 'Valid', expiring: 'Expiring', expired: 'Expired', missing: 'Missing' };

/**
 * The matrix as CSV (records' export format: RFC 4180, formulas defused): person, department, then per course its state and last valid
 * day (`formatDay` given by the caller, so the file reads like the screen); "Not required" where the
 * course is not required of that person.
 */
export function matrixCsv(matrix: TrainingMatrixView, formatDay: (date: string) => string): string {
  const text = (value: string) => ({ type: 'text' as const, text: value, value });
  const rows = matrix.rows.map((r) => [
    text(r.personName),
    text(r.departmentName),
    ...matrix.columns.map((c) => {
      const cell = r.cells[c.id];
      if (!cell) return text('Not required');
      return text(cell.expiresOn && cell.state !== 'missing' ? `${trainingStateLabels[cell.state]} (until ${formatDay(cell.expiresOn)})` : trainingStateLabels[cell.state]);
    }),
  ]);
  return toCsv({ headers: ['Person', 'Department', ...matrix.columns.map((c) => c.title)], rows });
}
