import { combineLatest, map, type Observable } from 'rxjs';
import { explicitManagersFrom } from '../../src-shared/hr/employee-managers';
import type { PersonDocument } from '../../src-shared/people/person';
import { managerLookup } from '../../src-shared/records/managers';
import type { ManagerLookup } from '../../src-shared/records/record-document';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';

/**
 * The signed-in person as the record rules see them, read from the directory at the moment of the
 * command or query: roles and active state are never taken from the session made at sign-in.
 * Who manages whom follows HR's employee records where they name a manager (src-shared/hr/
 * employee-managers.ts), else the department heads — the same lookup the sync server builds.
 */
export interface Directory {
  people: PersonDocument[];
  managers: ManagerLookup;
}

export async function recordActorOf(db: LabDatabase, personId: string): Promise<RecordActor> {
  return actorIn(await loadDirectory(db), personId);
}

/** The directory's people, as the manager lookup reads them. */
export async function directoryPeople(db: LabDatabase): Promise<PersonDocument[]> {
  const docs = await db.people.find({ selector: { kind: 'person' } }).exec();
  return docs.map((d) => d.toJSON() as PersonDocument);
}

const employeeRecords = (db: LabDatabase) => db.records.find({ selector: { kind: 'employee' } });
const plain = (docs: readonly { toJSON(): unknown }[]) => docs.map((d) => d.toJSON() as Record<string, unknown>);

export function directoryFrom(people: PersonDocument[], employees: readonly Record<string, unknown>[]): Directory {
  return { people, managers: managerLookup(people, explicitManagersFrom(employees)) };
}

/** People and who manages whom, from this PC's directory and employee records. */
export async function loadDirectory(db: LabDatabase): Promise<Directory> {
  const [people, employees] = await Promise.all([directoryPeople(db), employeeRecords(db).exec()]);
  return directoryFrom(people, plain(employees));
}

/** The directory, live: a person's roles or an employee record's manager changing emits again. */
export function directory$(db: LabDatabase): Observable<Directory> {
  return combineLatest([db.people.find({ selector: { kind: 'person' } }).$, employeeRecords(db).$]).pipe(
    map(([people, employees]) => directoryFrom(people.map((d) => d.toJSON() as PersonDocument), plain(employees))),
  );
}

/** A person of the directory as the record rules see them, with the people they manage now. */
export function actorFrom(people: readonly PersonDocument[], personId: string, managers: ManagerLookup): RecordActor {
  const person = people.find((p) => p.id === personId);
  if (!person) return { id: personId, roles: [], isActive: false, managedIds: [] };
  return { id: person.id, roles: person.roles, isActive: person.isActive, departmentId: person.departmentId || undefined, managedIds: managers.managedBy(person.id) };
}

export const actorIn = (directory: Directory, personId: string): RecordActor => actorFrom(directory.people, personId, directory.managers);

/** Who manages whom, from this PC's directory and employee records. */
export async function managersOf(db: LabDatabase): Promise<ManagerLookup> {
  return (await loadDirectory(db)).managers;
}
