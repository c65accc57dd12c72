import type { PersonDocument } from '../../src-shared/people/person';
import { managerLookup } from '../../src-shared/records/managers';
import type { ManagerLookup } from '../../src-shared/records/record-document';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';

/**
 * The signed-in person as the record rules see them, read from the directory at the moment of the
 * command or query: roles and active state are never taken from the session made at sign-in.
 */
export async function recordActorOf(db: LabDatabase, personId: string): Promise<RecordActor> {
  return actorFrom(await directoryPeople(db), personId);
}

/** The directory's people, as the manager lookup reads them. */
export async function directoryPeople(db: LabDatabase): Promise<PersonDocument[]> {
  const docs = await db.people.find({ selector: { kind: 'person' } }).exec();
  return docs.map((d) => d.toJSON() as PersonDocument);
}

/** A person of the directory as the record rules see them, with the people they manage now. */
export function actorFrom(people: readonly PersonDocument[], personId: string, managers: ManagerLookup = managerLookup(people)): RecordActor {
  const person = people.find((p) => p.id === personId);
  if (!person) return { id: personId, roles: [], isActive: false, managedIds: [] };
  return { id: person.id, roles: person.roles, isActive: person.isActive, departmentId: person.departmentId || undefined, managedIds: managers.managedBy(person.id) };
}

/** Who manages whom, from this PC's directory (department heads). */
export async function managersOf(db: LabDatabase): Promise<ManagerLookup> {
  return managerLookup(await directoryPeople(db));
}
