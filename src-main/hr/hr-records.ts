import { auditTime, combineLatest, from, merge, startWith, switchMap, type Observable } from 'rxjs';
import { holidayCalendarsParent } from '../../src-shared/hr/holiday-calendar-kind';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { RecordLookup } from '../../src-shared/records/record-kind';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import { actorIn, directory$, type Directory } from '../records/record-actor';
import { canReadRecordDoc, readStored } from '../records/record-store';

/**
 * How HR's live answers read records on the host: only what the asker may read (the same read scope
 * the sync server applies, so a screen never shows more than that person's PC would hold), live on
 * every change of records or of the directory. Used by HR's screens and by the projects'
 * utilisation (capacity from working patterns, holidays and approved leave).
 */

export type Stored = RecordDocument & { statusLabel: string };

/** The records of `kind` the actor may read, data upgraded, with their status label. */
export async function readable(db: LabDatabase, kind: string, actor: RecordActor): Promise<Stored[]> {
  const docs = await db.records.find({ selector: { kind } }).exec();
  return docs
    .map((d) => readStored(d.toJSON() as RecordDocument))
    .filter((r) => !r.isFromNewerVersion && canReadRecordDoc(actor, r))
    .map((r) => ({ ...r.doc, statusLabel: r.kind?.statuses.find((s) => s.id === r.doc.status)?.label ?? r.doc.status }));
}

/** The lookup leave terms are read through: employee records and holiday calendars. */
export const lookupOf = (employees: readonly RecordDocument[], calendars: readonly RecordDocument[]): RecordLookup => ({
  get: () => null,
  byParent: (kind, parentId) => (kind === 'holiday_calendar' && parentId === holidayCalendarsParent ? (calendars as unknown as Record<string, unknown>[]) : []),
  byPerson: (kind, personId) => (kind === 'employee' ? (employees.filter((e) => e.personId === personId) as unknown as Record<string, unknown>[]) : []),
});

/**
 * Recomputes on every change of records or of the directory (bursts answered once), and of the
 * activity collection too when `withActivity` (time tracking's entries live there).
 */
export function live<T>(db: LabDatabase, personId: string, compute: (directory: Directory, actor: RecordActor) => Promise<T>, withActivity = false): Observable<T> {
  const changes = withActivity ? merge(db.records.$, db.activity.$) : db.records.$;
  return combineLatest([directory$(db), changes.pipe(auditTime(100), startWith(null))]).pipe(
    switchMap(([directory]) => from(compute(directory, actorIn(directory, personId)))),
  );
}

export const namesOf = (directory: Directory) => {
  const names = new Map(directory.people.map((p) => [p.id, p.name]));
  return (id: string) => names.get(id) ?? 'Someone no longer in the directory';
};

