import { z } from 'zod';
import { defineRecordKind } from '../records/record-kind';

/**
 * A bookable meeting room: a record kind, so rooms get the records platform's register, commands
 * and sync checks. Administrators keep the list; everyone books rooms by choosing one for a
 * meeting, and a room already booked at that time is refused (src-main/meetings).
 */
const meetingRoomData = z.object({
  name: z.string().trim().min(1, 'Name the room.').max(200, 'At most 200 characters.'),
  capacity: z.number().int('Whole people.').min(0).max(10_000).default(0),
  /** Building and floor, or how to find it. */
  place: z.string().trim().max(300).default(''),
});
export type MeetingRoomData = z.infer<typeof meetingRoomData>;

export const meetingRoomKind = defineRecordKind<MeetingRoomData>({
  kind: 'meeting_room',
  module: 'meetings',
  label: 'Meeting room',
  pluralLabel: 'Meeting rooms',
  version: 1,
  data: meetingRoomData as z.ZodType<MeetingRoomData>,
  title: (d) => d.name,
  searchText: (d) => d.place,
  statuses: [
    { id: 'available', label: 'Available', tone: 'success' },
    { id: 'retired', label: 'No longer bookable', tone: 'default' },
  ],
  initialStatus: 'available',
  transitions: [
    { from: ['available'], to: 'retired', label: 'Stop bookings', who: 'admin' },
    { from: ['retired'], to: 'available', label: 'Bookable again', who: 'admin' },
  ],
  fields: [
    { field: 'name', label: 'Room', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'capacity', label: 'Seats', type: 'number', isDefaultColumn: true, isEditable: true },
    { field: 'place', label: 'Where', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
  ],
  create: 'admin',
  edit: [{ fields: '*', who: 'admin' }],
  remove: { who: 'admin' },
});
