import { toDepartmentView, type DepartmentDocument, type DepartmentView } from '../../src-shared/people/departments';
import type { PersonDocument } from '../../src-shared/people/person';
import type { LabDatabase } from '../database/open-database';

export async function findPersonByEmail(db: LabDatabase, email: string): Promise<PersonDocument | null> {
  const doc = await db.people.findOne({ selector: { kind: 'person', email } }).exec();
  return doc ? (doc.toJSON() as PersonDocument) : null;
}

export async function findPerson(db: LabDatabase, id: string): Promise<PersonDocument | null> {
  const doc = await db.people.findOne(id).exec();
  return doc && doc.get('kind') === 'person' ? (doc.toJSON() as PersonDocument) : null;
}

/** Every department, active or not, as views (ids and codes are all a lookup needs). */
export async function readDepartments(db: LabDatabase): Promise<DepartmentView[]> {
  const docs = await db.people.find({ selector: { kind: 'department' } }).exec();
  return docs.map((d) => toDepartmentView(d.toJSON() as DepartmentDocument));
}
