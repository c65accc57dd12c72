/**
 * The number a generated document carries, and whether it may be kept. A kept document is an
 * immutable attachment (a quotation sent, an invoice filed), so the number printed on it must be
 * the record's for good: a team PC's provisional number (src-shared/records/record-numbers.ts) is
 * replaced by the sync server's, and a document kept with it would name a number that no longer
 * exists. So a provisional number is printed as such, and keeping waits until it is final and
 * unchanged since printing. Tasks and projects carry their code, which is always final.
 */
export interface DocumentNumber {
  /** What is printed: '' when the subject has no number (yet). */
  number: string;
  isFinal: boolean;
}

/** The number of a subject as stored: records have `numberState`; other subjects' codes are final. */
export function documentNumberOf(subject: { number?: unknown; numberState?: unknown; code?: unknown }, isRecord: boolean): DocumentNumber {
  if (!isRecord) return { number: typeof subject.code === 'string' ? subject.code : '', isFinal: true };
  const number = typeof subject.number === 'string' ? subject.number : '';
  return { number, isFinal: subject.numberState !== 'provisional' };
}

/** The note a document with a provisional number prints under its title; null when none is needed. */
export const provisionalNote = (printed: DocumentNumber): string | null =>
  printed.isFinal ? null : `Draft: ${printed.number} is a provisional number until this PC syncs with the server. Keep this document once the number is final.`;

/**
 * Why a document printed with `printed` may not be kept as the subject stands now (`current`), in
 * words a person can act on; null when it may.
 */
export function keepRefusal(printed: DocumentNumber, current: DocumentNumber): string | null {
  if (!printed.isFinal) return `This document shows the provisional number ${printed.number}. Sync with the server so the record gets its final number, then print it again and keep it.`;
  if (printed.number !== current.number || !current.isFinal) return `The record's number changed to ${current.number || 'none'} after this document was printed with ${printed.number || 'no number'}; print it again and keep the new one.`;
  return null;
}
