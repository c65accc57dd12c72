import type { InteractionData } from './interaction-kind';

/** One interaction on a subject's timeline, with the names its line shows. */
export interface TimelineItem {
  id: string;
  type: InteractionData['type'];
  direction: InteractionData['direction'];
  occurredAt: string;
  summary: string;
  details: string;
  ownerName: string;
  /** The record it is about: the page's own record, or one under it (a contact or opportunity of an organisation). */
  subjectId: string;
  subjectTitle: string;
  nextFollowUpOn?: string;
  followUpDone: boolean;
  /** The meeting it was, when its meeting is one this person may read. */
  meeting?: { id: string; title: string; startsAt: string };
}

/** Record kinds whose pages show a timeline of interactions (the subjects an interaction may have). */
export const timelineKinds: ReadonlySet<string> = new Set(['lead', 'contact', 'organisation', 'opportunity']);

/**
 * The subjects whose interactions make up a record's timeline: the record itself, and for an
 * organisation also its contacts and opportunities (records whose parent it is), so the account's
 * whole history reads as one. Pure.
 */
export function timelineSubjectIds(record: { id: string; kind: string }, children: readonly { id: string; kind: string }[]): string[] {
  if (record.kind !== 'organisation') return [record.id];
  return [record.id, ...children.filter((c) => c.kind === 'contact' || c.kind === 'opportunity').map((c) => c.id)];
}
