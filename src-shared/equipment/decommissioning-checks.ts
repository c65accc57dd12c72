/**
 * What must be done before an instrument is decommissioned: no booking of it still to come, its
 * data archived (and where), and how it will be disposed of. The disposal certificate follows when
 * it is disposed of. Pure; the equipment kind's invariant and the decommissioning screen both ask.
 */
type Doc = Record<string, unknown>;

const dataOf = (doc: Doc): Doc => (doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {});

/** Bookings still to come (or running) at `now`: booked and not yet ended. */
export const openBookings = (bookings: readonly Doc[], now: string): Doc[] =>
  bookings.filter((b) => b.status === 'booked' && typeof dataOf(b).end === 'string' && String(dataOf(b).end) > now);

/** The checks still open, in words: empty when the instrument may be decommissioned. */
export function decommissioningBlockers(request: Doc, bookings: readonly Doc[], now: string): string[] {
  const blockers: string[] = [];
  const open = openBookings(bookings, now).length;
  if (open > 0) blockers.push(`cancel its ${open} open booking${open === 1 ? '' : 's'}`);
  if (request.dataArchived !== true) blockers.push('archive its data');
  else if (typeof request.dataArchiveLocation !== 'string' || !request.dataArchiveLocation.trim()) blockers.push('say where its data is archived');
  if (typeof request.disposalMethod !== 'string' || !request.disposalMethod) blockers.push('choose how it will be disposed of');
  return blockers;
}
