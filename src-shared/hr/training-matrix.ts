import { addDays } from '../projects/plan-dates';

/**
 * The training matrix: for each person and each training required of them (by their roles, or by
 * the instruments they are authorised on), whether they hold a valid completion, one expiring soon,
 * only expired ones, or none. Also the one question equipment asks: does this person hold valid
 * training for this instrument on this day? Pure; dates are 'YYYY-MM-DD'.
 */
export type TrainingState = 'valid' | 'expiring' | 'expired' | 'missing';

export interface TrainingRequirement {
  courseId: string;
  /** Required of holders of any of these roles. */
  roles: readonly string[];
  /** Required to use any of these instruments (equipment record ids). */
  equipmentIds: readonly string[];
}

export interface Completion {
  personId: string;
  courseId: string;
  completedOn: string;
  /** '' when it never expires. */
  expiresOn: string;
}

export interface MatrixPerson {
  id: string;
  roles: readonly string[];
  /** Instruments the person is authorised on (or asks to be). */
  equipmentIds: readonly string[];
}

/** Days before expiry a completion counts as expiring (and a reminder goes out). */
export const expiringWithinDays = 30;

/** The last valid day of a completion: the day before the same date `validityMonths` later ('' when 0: it never expires). */
export function expiryOf(completedOn: string, validityMonths: number): string {
  if (validityMonths <= 0) return '';
  const [y, m, d] = completedOn.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + validityMonths;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const at = (day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // Valid up to the day before the anniversary; when that month is too short (31 Mar + 1 month), to its last day.
  return d > lastDay ? at(lastDay) : addDays(at(d), -1);
}

const isValidOn = (c: Completion, date: string) => c.completedOn <= date && (!c.expiresOn || c.expiresOn >= date);

/** The state of one person's training in one course on `date`, from their completions of that course. */
export function trainingState(completions: readonly Completion[], date: string, warnDays = expiringWithinDays): TrainingState {
  return trainingStateWarnedBy(completions, date, addDays(date, warnDays));
}

/** `trainingState` with the last day that still counts as expiring given, for a matrix of many cells on one date. */
export function trainingStateWarnedBy(completions: readonly Completion[], date: string, warnBy: string): TrainingState {
  // One pass, no arrays: a matrix asks this for every cell (bench:hr, 50,000 cells).
  let isValid = false;
  let neverExpires = false;
  let latest = '';
  let isPast = false;
  for (const c of completions) {
    if (c.completedOn > date) continue;
    isPast = true;
    if (!isValidOn(c, date)) continue;
    isValid = true;
    if (!c.expiresOn) neverExpires = true;
    else if (c.expiresOn > latest) latest = c.expiresOn;
  }
  if (isValid) return neverExpires || latest > warnBy ? 'valid' : 'expiring';
  return isPast ? 'expired' : 'missing';
}

/** The courses required of a person: by any of their roles or any of their instruments. */
export const requiredCourses = (person: MatrixPerson, requirements: readonly TrainingRequirement[]): string[] =>
  requirements.filter((r) => r.roles.some((role) => person.roles.includes(role)) || r.equipmentIds.some((id) => person.equipmentIds.includes(id))).map((r) => r.courseId);

export interface MatrixRow {
  personId: string;
  /** courseId → state, for the courses required of this person only. */
  cells: Map<string, TrainingState>;
}

/** The matrix on `date`: one row per person, a cell per required course. Completions are indexed once. */
export function trainingMatrix(people: readonly MatrixPerson[], requirements: readonly TrainingRequirement[], completions: readonly Completion[], date: string): MatrixRow[] {
  const byPerson = completionsByPerson(completions);
  const warnBy = addDays(date, expiringWithinDays);
  return people.map((person) => {
    const held = byPerson.get(person.id);
    return { personId: person.id, cells: new Map(requiredCourses(person, requirements).map((courseId) => [courseId, trainingStateWarnedBy(held?.get(courseId) ?? [], date, warnBy)])) };
  });
}

/** Completions indexed person → course → completions (one pass). */
export function completionsByPerson(completions: readonly Completion[]): Map<string, Map<string, Completion[]>> {
  const byPerson = new Map<string, Map<string, Completion[]>>();
  for (const c of completions) {
    let courses = byPerson.get(c.personId);
    if (!courses) byPerson.set(c.personId, (courses = new Map()));
    const list = courses.get(c.courseId);
    if (list) list.push(c);
    else courses.set(c.courseId, [c]);
  }
  return byPerson;
}

/**
 * Whether the person may use the instrument on `date` as far as training goes: every course required
 * for that instrument is valid (expiring still counts as valid). Equipment's authorised-user check
 * and its booking invariant call this when HR's training records exist.
 */
export function isTrainedFor(personId: string, equipmentId: string, requirements: readonly TrainingRequirement[], completions: readonly Completion[], date: string): { ok: true } | { ok: false; courseIds: string[] } {
  const needed = requirements.filter((r) => r.equipmentIds.includes(equipmentId)).map((r) => r.courseId);
  const missing = needed.filter((courseId) => {
    const state = trainingState(completions.filter((c) => c.personId === personId && c.courseId === courseId), date);
    return state !== 'valid' && state !== 'expiring';
  });
  return missing.length === 0 ? { ok: true } : { ok: false, courseIds: missing };
}
