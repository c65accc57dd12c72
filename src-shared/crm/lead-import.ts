import { leadKind, type LeadData } from './lead-kind';
import type { CsvTable } from './csv-parse';

/**
 * Importing leads from CSV: which column fills which lead field (guessed from the headers, changed
 * by the person importing), then every row checked by the lead kind's own schema before anything is
 * written, so the preview shows each row's errors and the import writes only rows that are valid.
 * The host writes valid rows in batches (`batchesOf`) with progress, all or nothing: a cancelled
 * import writes nothing. Pure.
 */
export const importableLeadFields = ['companyName', 'firstName', 'lastName', 'email', 'phone', 'jobTitle', 'source', 'interest'] as const;
export type ImportableLeadField = (typeof importableLeadFields)[number];

/** Column index → lead field; columns not mapped are ignored. */
export type ColumnMapping = Partial<Record<number, ImportableLeadField>>;

const headerWords: Record<ImportableLeadField, readonly string[]> = {
  companyName: ['company', 'company name', 'organisation', 'organization', 'firma', 'account'],
  firstName: ['first name', 'firstname', 'given name', 'vorname'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'nachname', 'name'],
  email: ['email', 'e mail', 'email address', 'e mail address', 'mail'],
  phone: ['phone', 'telephone', 'phone number', 'mobile', 'telefon'],
  jobTitle: ['job title', 'title', 'position', 'role'],
  source: ['source', 'lead source'],
  interest: ['interest', 'interested in', 'notes', 'comment', 'message'],
};

const simple = (header: string) => header.toLowerCase().replace(/[_\-.]+/g, ' ').replace(/\s+/g, ' ').trim();

/** A first mapping from the headers: each field to the first column whose header names it (each column used once). */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<ImportableLeadField>();
  for (const [index, header] of headers.entries()) {
    const words = simple(header);
    const field = importableLeadFields.find((f) => !used.has(f) && headerWords[f].includes(words));
    if (field) {
      mapping[index] = field;
      used.add(field);
    }
  }
  return mapping;
}

export interface ImportRowError {
  /** The line in the file, as a spreadsheet shows it. */
  line: number;
  field: string;
  message: string;
}

export interface ImportPreview {
  valid: { line: number; data: LeadData }[];
  errors: ImportRowError[];
  /** Rows with at least one error (not imported). */
  invalidRows: number;
}

const sourceValues = new Set<string>(leadKind.fields.find((f) => f.field === 'source')?.choices?.map((c) => c.value) ?? []);

/** Checks every row against the lead kind's schema; the owner and a missing source come from the import itself. */
export function previewLeadImport(table: CsvTable, mapping: ColumnMapping, defaults: { ownerId?: string | undefined }): ImportPreview {
  const valid: ImportPreview['valid'] = [];
  const errors: ImportRowError[] = [];
  const firstLineOfEmail = new Map<string, number>();
  let invalidRows = 0;
  for (const row of table.rows) {
    const raw: Record<string, unknown> = { source: 'import', ...(defaults.ownerId ? { ownerId: defaults.ownerId } : {}) };
    for (const [index, field] of Object.entries(mapping)) {
      const value = (row.cells[Number(index)] ?? '').trim();
      if (field === 'source') {
        const source = value.toLowerCase().replace(/\s+/g, '_');
        if (value !== '') raw.source = sourceValues.has(source) ? source : 'other';
      } else if (field) raw[field] = value;
    }
    const rowErrors: ImportRowError[] = [];
    const parsed = leadKind.data.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) rowErrors.push({ line: row.line, field: String(issue.path[0] ?? ''), message: issue.message });
    } else {
      const email = parsed.data.email.toLowerCase();
      const first = email ? firstLineOfEmail.get(email) : undefined;
      if (first !== undefined) rowErrors.push({ line: row.line, field: 'email', message: `Same email as line ${first}.` });
      else if (email) firstLineOfEmail.set(email, row.line);
    }
    if (rowErrors.length > 0 || !parsed.success) {
      invalidRows += 1;
      errors.push(...rowErrors);
    } else valid.push({ line: row.line, data: parsed.data });
  }
  return { valid, errors, invalidRows };
}

/** Splits what is written into batches (the host commits and reports progress per batch). */
export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('A batch holds at least one item.');
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
