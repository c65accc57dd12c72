import { z } from 'zod';
import { command, query } from '../bridge/define';
import type { RecordDocument } from './record-document';

/**
 * Records between UI and host: one set of commands for every kind (src-shared/records/record-kinds.ts).
 * The data is checked with the kind's schema (`invalid_input` with the field as `data.<name>`);
 * who may create, change which fields, move to which status and remove is the kind's declaration
 * (record-rules.ts: `forbidden` / `invalid_state` naming who may). A record the person may not read
 * is `not_found`, as if it did not exist.
 */

const id = z.string().min(1).max(40);
/** A record kind's name in an input (the kind itself is looked up by the handler). */
export const kindNameSchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'Choose a record type.');
const kindName = kindNameSchema;
const reason = z.string().trim().max(2000);

/** A record as a person sees it, with what they may do to it now. */
export interface RecordView extends Omit<RecordDocument, 'auditId'> {
  kindLabel: string;
  statusLabel: string;
  /** Data fields this person may change now. */
  editableFields: string[];
  /** Status moves this person may make now (workflow-only ones left out). */
  transitions: { to: string; label: string; needsReason: boolean }[];
  canRemove: boolean;
  /** Written by a newer LabFlow: shown, not changed here. */
  isFromNewerVersion: boolean;
}

export interface RegisterRow {
  id: string;
  number: string;
  numberState: RecordDocument['numberState'];
  title: string;
  status: string;
  /** The values of the kind's fields, by field path. */
  values: Record<string, unknown>;
}

export interface RegisterPage {
  /** Records matching the filter (all of them, not just this page). */
  total: number;
  offset: number;
  rows: RegisterRow[];
  /** Number and title of the records the page's `record` fields point to (those the reader may read). */
  titles?: Record<string, string>;
}

export const registerFilterSchema = z.object({
  field: z.string().min(1).max(100),
  op: z.enum(['equals', 'contains', 'before', 'after', 'is_empty', 'not_empty', 'in']),
  value: z.union([z.string().max(500), z.number(), z.boolean(), z.array(z.string().max(200)).max(100)]).optional(),
});
export type RegisterFilter = z.infer<typeof registerFilterSchema>;

export const registerQuerySchema = z.object({
  kind: kindName,
  text: z.string().max(200).default(''),
  filters: z.array(registerFilterSchema).max(20).default([]),
  sort: z.object({ field: z.string().min(1).max(100), direction: z.enum(['asc', 'desc']) }).optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type RegisterQuery = z.infer<typeof registerQuerySchema>;

export interface RecordLinkView {
  linkId: string;
  relation: string;
  /** Which way the link points from the record asked about. */
  direction: 'to' | 'from';
  collection: string;
  id: string;
  kind: string;
  title: string;
  number: string;
  status: string;
}

export interface SearchHit {
  collection: 'records' | 'projects' | 'tasks' | 'people';
  id: string;
  kind: string;
  title: string;
  subtitle: string;
}

export const recordContract = {
  'records/create': command<RecordView>()(z.object({ kind: kindName, data: z.record(z.string(), z.unknown()) })),
  /** Sets the given data fields (null clears one); fields left out stay as they are. */
  'records/update': command<RecordView>()(z.object({ id, data: z.record(z.string(), z.unknown()) })),
  'records/transition': command<RecordView>()(z.object({ id, to: z.string().min(1).max(40), reason: reason.optional() })),
  'records/remove': command<null>()(z.object({ id, reason: reason.min(1, 'Say why it is removed.') })),
  /** Links two records (or a record and a project, task or meeting) both ways. */
  'records/link': command<RecordLinkView>()(
    z.object({ id, targetCollection: z.enum(['records', 'projects', 'tasks', 'meetings']), targetId: id, relation: z.string().trim().min(1).max(40).default('related') }),
  ),
  'records/unlink': command<null>()(z.object({ id, linkId: id })),
  'records/get': query<RecordView>()(z.object({ id })),
  'records/register': query<RegisterPage>()(registerQuerySchema),
  'records/links': query<RecordLinkView[]>()(z.object({ id })),
  /** Ctrl+K: records, projects, tasks and people whose title, number or name has the words. */
  'records/search': query<SearchHit[]>()(z.object({ text: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(50).default(20) })),
};
