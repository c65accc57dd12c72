import { emptyMinutes, type MeetingData, type MeetingDocument } from '../../../src-shared/meetings/meeting-model';
import { seriesUntilAt } from '../../../src-shared/meetings/recurrence';
import { instantOfLocal } from '../../../src-shared/meetings/time-zones';

export const ada = { id: 'P-ADA', name: 'Ada Lovelace', email: 'ada@lab.org', roles: ['member'] };
export const bob = { id: 'P-BOB', name: 'Bob Baker', email: 'bob@lab.org', roles: ['member'] };
export const carol = { id: 'P-CAROL', name: 'Carol Chen', email: 'carol@lab.org', roles: ['member'] };
export const admin = { id: 'P-ADMIN', name: 'Ann Admin', email: 'admin@lab.org', roles: ['admin'] };
export const people = [ada, bob, carol, admin];

const at = '2026-03-01T08:00:00.000Z';

export function meetingData(overrides: Partial<MeetingData> = {}): MeetingData {
  return {
    type: 'qa_review',
    timeZone: 'Europe/Berlin',
    place: 'Lab 2',
    videoUrl: '',
    description: 'Weekly QA review',
    isPrivate: false,
    attendees: [
      { personId: ada.id, name: ada.name, role: 'required', response: 'accepted' },
      { personId: bob.id, name: bob.name, role: 'required', response: 'needs_action' },
      { email: 'guest@partner.org', name: 'Gus Guest', role: 'optional', response: 'needs_action' },
    ],
    minuteTakerIds: [carol.id],
    agenda: [],
    minutes: emptyMinutes(),
    actionItems: [],
    minutesVersions: [],
    signoffs: [],
    sequence: 0,
    ...overrides,
  };
}

/** A meeting organised by Ada at `date` `time`–(+1 h) in Berlin; a series when `data.recurrence` is given. */
export function meeting(fields: Partial<Omit<MeetingDocument, 'data'>> & { date?: string; time?: string; data?: Partial<MeetingData> } = {}): MeetingDocument {
  const { date = '2026-03-16', time = '10:00', data: dataOverrides, ...rest } = fields;
  const data = meetingData(dataOverrides);
  const startsAt = instantOfLocal(date, time, data.timeZone);
  const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
  const doc: MeetingDocument = {
    id: 'M-QA',
    createdAt: at,
    updatedAt: at,
    createdBy: ada.id,
    updatedBy: ada.id,
    auditId: 'A-1',
    title: 'Weekly QA meeting',
    startsAt,
    endsAt,
    untilAt: endsAt,
    organiserId: ada.id,
    seriesId: '',
    status: 'scheduled',
    roomId: '',
    data,
    ...rest,
  };
  return data.recurrence ? { ...doc, untilAt: seriesUntilAt({ startsAt: doc.startsAt, endsAt: doc.endsAt, timeZone: data.timeZone, recurrence: data.recurrence }) } : doc;
}

export const weekly = (count?: number) => ({ frequency: 'weekly' as const, interval: 1, weekdays: [], end: count ? { type: 'count' as const, count } : { type: 'never' as const }, exceptions: [] });

export const icalContext = (now = new Date('2026-03-01T09:00:00Z')) => ({
  now,
  person: (id: string) => people.find((p) => p.id === id),
  roomName: (id: string) => (id === 'R-1' ? 'Meeting room Curie' : undefined),
  appUrl: 'https://labflow.lab.org',
});
