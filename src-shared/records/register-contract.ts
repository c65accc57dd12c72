import { z } from 'zod';
import { command, query } from '../bridge/define';
import { kindNameSchema, registerFilterSchema, registerQuerySchema, type RegisterFilter } from './record-contract';

/**
 * What a register offers besides its pages (`records/register`): saved views and exports, for every
 * kind alike.
 *
 * - Saved views are a person's own (name, columns, sort, filters, words), kept on this PC in the
 *   host's local documents — not synced, not audited: they change no business data. Saving a view
 *   under a name that exists replaces it.
 * - An export is the *whole* register as the person sees it (their readable records, their words,
 *   filters and sort, their columns), as CSV or an Excel workbook, written by the host from its
 *   in-memory register with the same labels and formats as the screen (src-shared/format).
 */

const id = z.string().min(1).max(40);
const fieldPath = z.string().min(1).max(100);
const columns = z.array(fieldPath).max(60, 'At most 60 columns.');
const sort = z.object({ field: fieldPath, direction: z.enum(['asc', 'desc']) });

/** Only a locale or time zone this runtime knows (Intl throws a RangeError otherwise). */
const isKnown = (make: () => unknown) => {
  try {
    make();
    return true;
  } catch {
    return false;
  }
};
const locale = z.string().max(35).refine((l) => isKnown(() => new Intl.DateTimeFormat(l)), 'Not a language and region LabFlow knows.');
const timeZone = z.string().max(64).refine((tz) => isKnown(() => new Intl.DateTimeFormat('en', { timeZone: tz })), 'Not a time zone LabFlow knows.');

export interface SavedView {
  id: string;
  name: string;
  /** Field paths in the order shown. */
  columns: string[];
  sort?: z.infer<typeof sort>;
  filters: RegisterFilter[];
  text: string;
  savedAt: string;
}

export const savedViewInputSchema = z.object({
  kind: kindNameSchema,
  name: z.string().trim().min(1, 'Give the view a name.').max(60, 'A view name has at most 60 characters.'),
  columns,
  sort: sort.optional(),
  filters: z.array(registerFilterSchema).max(20).default([]),
  text: z.string().max(200).default(''),
});

/** A saved view's settings, without who saved it where. */
export type ViewSettings = Pick<SavedView, 'columns' | 'sort' | 'filters' | 'text'>;

/** An export's file, ready to save: text for CSV, base64 for a workbook. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  encoding: 'text' | 'base64';
  content: string;
  rowCount: number;
}

export const exportInputSchema = registerQuerySchema.omit({ offset: true, limit: true }).extend({
  /** Field paths to export, in order; the kind's default columns when empty. */
  columns: columns.default([]),
  format: z.enum(['csv', 'xlsx']),
  locale: locale.optional(),
  timeZone: timeZone.optional(),
});

/** Most saved views a person keeps per kind on one PC. */
export const MAX_SAVED_VIEWS = 50;

export const registerContract = {
  'records/views': query<SavedView[]>()(z.object({ kind: kindNameSchema })),
  'records/save-view': command<SavedView>()(savedViewInputSchema),
  'records/remove-view': command<null>()(z.object({ kind: kindNameSchema, id })),
  /** The whole filtered, sorted register as a file (answered once; not live). */
  'records/export': query<ExportFile>()(exportInputSchema),
};
