import { map, type Observable } from 'rxjs';
import type { LabDatabase } from '../database/open-database';
import { localDocument$ } from '../database/local-document';

/**
 * Which conflicts (and refused writes) each person dismissed on this PC: an RxDB local document,
 * never replicated. Conflict documents cannot carry the flag — the server keeps them unchangeable
 * (sync/permissions.ts) so the history stays as it was — and "I have seen this" is a person's own
 * state: on a shared lab PC, one person dismissing a conflict must not hide it from the colleague
 * whose edit lost.
 */
const REVIEWS_KEY = 'sync-conflict-reviews';
/** Kept per person; the oldest reviews go first (their conflicts are long settled). */
const MAX_PER_PERSON = 1000;

type ReviewsByPerson = Record<string, Record<string, string>>;
interface ReviewsDocument {
  byPerson: ReviewsByPerson;
}

const byPersonOf = (doc: { toJSON(): { data: unknown } } | null): ReviewsByPerson => (doc ? ((doc.toJSON().data as ReviewsDocument).byPerson ?? {}) : {});

export function createConflictReviews(db: LabDatabase) {
  return {
    /** The ids and keys `personId` dismissed, live. */
    reviewed$(personId: string): Observable<ReadonlySet<string>> {
      return localDocument$<ReviewsDocument>(db, REVIEWS_KEY).pipe(map((doc) => new Set(Object.keys(byPersonOf(doc)[personId] ?? {}))));
    },
    /** Marks one conflict id or refusal key reviewed by `personId` at `at`. Call inside the write queue. */
    async markReviewed(personId: string, id: string, at: string): Promise<void> {
      const all = byPersonOf(await db.getLocal<ReviewsDocument>(REVIEWS_KEY));
      const mine = Object.entries({ ...all[personId], [id]: at })
        .sort(([, a], [, b]) => a.localeCompare(b))
        .slice(-MAX_PER_PERSON);
      await db.upsertLocal<ReviewsDocument>(REVIEWS_KEY, { byPerson: { ...all, [personId]: Object.fromEntries(mine) } });
    },
  };
}
