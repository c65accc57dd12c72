/**
 * Booking clashes: two live bookings of one instrument may not overlap (a booking ending at 10:00
 * and one starting at 10:00 do not). Pure; the booking kind's invariant and the calendar use it.
 */
type Doc = Record<string, unknown>;

export interface Slot {
  id: string;
  number: string;
  personId: string;
  start: string;
  end: string;
}

const dataOf = (doc: Doc): Doc => (doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {});

/** A stored booking as a slot, or null when it is not live (cancelled) or its times cannot be read. */
export function slotOf(doc: Doc): Slot | null {
  const data = dataOf(doc);
  if (doc.status !== 'booked' || typeof data.start !== 'string' || typeof data.end !== 'string') return null;
  return { id: String(doc.id), number: typeof doc.number === 'string' ? doc.number : '', personId: String(data.personId ?? ''), start: data.start, end: data.end };
}

export const overlaps = (a: Pick<Slot, 'start' | 'end'>, b: Pick<Slot, 'start' | 'end'>): boolean =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

/** The first live booking `slot` clashes with (itself left out), or null. */
export function findClash(slot: Pick<Slot, 'id' | 'start' | 'end'>, others: readonly Doc[]): Slot | null {
  for (const doc of others) {
    if (doc.id === slot.id) continue;
    const other = slotOf(doc);
    if (other && overlaps(slot, other)) return other;
  }
  return null;
}
