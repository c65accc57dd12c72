import { combineLatest, map, type Observable } from 'rxjs';
import type { IcalContext } from '../../src-shared/meetings/ical/ical-event';
import type { RoomView } from '../../src-shared/meetings/meeting-views';
import type { Names } from '../../src-shared/meetings/minutes';
import type { PersonDocument } from '../../src-shared/people/person';
import type { LabDatabase } from '../database/open-database';
import type { HostServices } from '../host/handler-types';
import { readEmailSettings } from '../notifications/notification-store';

/** The names meetings show: people of the directory and the meeting rooms (records of kind `meeting_room`). */
export interface MeetingDirectory {
  people: ReadonlyMap<string, { id: string; name: string; email: string; isActive: boolean }>;
  rooms: ReadonlyMap<string, RoomView>;
}

const toDirectory = (people: readonly { toJSON(): unknown }[], rooms: readonly { toJSON(): unknown }[]): MeetingDirectory => ({
  people: new Map(
    people.map((d) => {
      const p = d.toJSON() as PersonDocument;
      return [p.id, { id: p.id, name: p.name, email: p.email, isActive: p.isActive }];
    }),
  ),
  rooms: new Map(
    rooms.map((d) => {
      const r = d.toJSON() as { id: string; title: string; status: string; data: { capacity?: number; place?: string } };
      return [r.id, { id: r.id, name: r.title, capacity: r.data.capacity ?? 0, place: r.data.place ?? '', isBookable: r.status === 'available' }];
    }),
  ),
});

export async function readDirectory(db: LabDatabase): Promise<MeetingDirectory> {
  const [people, rooms] = await Promise.all([db.people.find({ selector: { kind: 'person' } }).exec(), db.records.find({ selector: { kind: 'meeting_room' } }).exec()]);
  return toDirectory(people, rooms);
}

/** The directory, live: a new one whenever a person or a room changes. */
export const directory$ = (db: LabDatabase): Observable<MeetingDirectory> =>
  combineLatest([db.people.find({ selector: { kind: 'person' } }).$, db.records.find({ selector: { kind: 'meeting_room' } }).$]).pipe(
    map(([people, rooms]) => toDirectory(people, rooms)),
  );

export const namesOf = (directory: MeetingDirectory): Names => ({
  person: (id) => directory.people.get(id)?.name ?? 'Someone no longer in the directory',
  room: (id) => directory.rooms.get(id)?.name,
});

/** The app's address for links in emails and calendar files ('' when neither email settings nor the platform give one). */
export async function appUrlOf(services: HostServices): Promise<string> {
  const email = await readEmailSettings(services.db);
  return email?.data.appUrl || services.platform.appUrl?.() || '';
}

export const icalContextOf = (directory: MeetingDirectory, now: Date, appUrl: string): IcalContext => ({
  now,
  person: (id) => directory.people.get(id),
  roomName: (id) => directory.rooms.get(id)?.name,
  appUrl,
});
