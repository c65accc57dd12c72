import { z } from 'zod';
import { command, query } from '../bridge/define';
import type { CommentView } from '../tasks/task-views';
import type { ColumnType } from './record-kind';

/**
 * A record's activity for its page: comments with @mentions, and its history (the audit trail of
 * the record with people's names and the kind's field labels, plus the reasons given for status
 * changes). Anyone who may read the record may read and comment; nobody else learns it exists
 * (`not_found`). A mention notifies only people who may read the record; the others are listed
 * back as not notified.
 */

const id = z.string().min(1).max(40);

export interface RecordCommentResult {
  commentId: string;
  /** '@names' that matched nobody, several people, or someone who may not read the record: not notified. */
  unresolved: Array<{ text: string; reason: 'unknown' | 'ambiguous' | 'cannot_read' }>;
}

/** One changed field in a history entry; values as stored (the UI formats them by `type`). */
export interface HistoryChange {
  field: string;
  label: string;
  type: ColumnType;
  old: unknown;
  new: unknown;
}

export interface HistoryEntry {
  id: string;
  at: string;
  actor: { id: string; name: string };
  /** What happened, in words ("Created", "Changed", "Submitted", "Removed", "Reason given"). */
  summary: string;
  changes: HistoryChange[];
  /** The reason given for a status change (cancellation, withdrawal …). */
  reason?: string;
}

export const recordActivityContract = {
  'records/comment': command<RecordCommentResult>()(
    z.object({ id, body: z.string().trim().min(1, 'Write a comment first.').max(10_000, 'A comment has at most 10,000 characters.') }),
  ),
  /** Oldest first, like a conversation. */
  'records/comments': query<CommentView[]>()(z.object({ id })),
  /** Newest first. */
  'records/history': query<HistoryEntry[]>()(z.object({ id, limit: z.number().int().min(1).max(500).default(200) })),
};
