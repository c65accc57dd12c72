import { asyncScheduler, map, throttleTime, type MonoTypeOperatorFunction, type Observable } from 'rxjs';
import type { RxDocument } from 'rxdb';
import type { PersonDocument } from '../../src-shared/people/person';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import type { Task } from '../../src-shared/tasks/task-model';
import type { PersonRef } from '../../src-shared/tasks/task-views';
import type { LabDatabase } from '../database/open-database';
import { toTask } from './task-store';

/**
 * Live inputs shared by the task and project views. Each is an RxDB live query (index-backed,
 * updated by RxDB's event reduce rather than re-run) mapped to plain data.
 */

/**
 * Lets a burst of writes (a reschedule that moves twenty successors, a column re-spread) produce
 * one recomputation and one push instead of one per document, while the first change still goes
 * out at once.
 */
export const settle = <T>(): MonoTypeOperatorFunction<T> => throttleTime<T>(30, asyncScheduler, { leading: true, trailing: true });

export type PeopleIndex = ReadonlyMap<string, PersonRef & { email: string; isActive: boolean }>;

export const people$ = (db: LabDatabase): Observable<PeopleIndex> =>
  db.people.find({ selector: { kind: 'person' } }).$.pipe(
    map((docs: RxDocument<unknown>[]) => {
      const index = new Map<string, PersonRef & { email: string; isActive: boolean }>();
      for (const d of docs) {
        const p = d.toJSON() as PersonDocument;
        index.set(p.id, { id: p.id, name: p.name, email: p.email, isActive: p.isActive });
      }
      return index;
    }),
  );

export const personRef = (people: PeopleIndex, id: string | undefined): PersonRef | null => {
  if (id === undefined) return null;
  const person = people.get(id);
  return person ? { id, name: person.name } : { id, name: id };
};

export const projectTasks$ = (db: LabDatabase, projectId: string): Observable<Task[]> =>
  db.tasks.find({ selector: { projectId } }).$.pipe(map((docs: RxDocument<unknown>[]) => docs.map(toTask)));

export const allTasks$ = (db: LabDatabase): Observable<Task[]> => db.tasks.find().$.pipe(map((docs: RxDocument<unknown>[]) => docs.map(toTask)));

export const project$ = (db: LabDatabase, id: string): Observable<ProjectDocument | null> =>
  db.projects.findOne(id).$.pipe(map((doc: RxDocument<unknown> | null) => (doc ? (doc.toJSON() as ProjectDocument) : null)));

export const projects$ = (db: LabDatabase): Observable<ReadonlyMap<string, ProjectDocument>> =>
  db.projects.find().$.pipe(map((docs: RxDocument<unknown>[]) => new Map(docs.map((d) => [d.primary, d.toJSON() as ProjectDocument]))));

/** Activity documents (comments, time entries) of one kind, by a selector on indexed fields. */
export const activity$ = <T>(db: LabDatabase, selector: Record<string, unknown>): Observable<T[]> =>
  db.activity.find({ selector, sort: [{ at: 'asc' }] }).$.pipe(map((docs: RxDocument<unknown>[]) => docs.map((d) => d.toJSON() as T)));
