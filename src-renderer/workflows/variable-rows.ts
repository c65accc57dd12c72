/** Key/value rows a person types (start variables, action data) and the typed record they become. */

export type VariableKind = 'text' | 'number' | 'boolean';

export interface VariableRow {
  key: string;
  kind: VariableKind;
  value: string;
}

export const blankRow = (): VariableRow => ({ key: '', kind: 'text', value: '' });

const keyPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The record, or the first row that cannot become one (with why), so the form can mark that row. */
export function rowsToVariables(rows: readonly VariableRow[]): { ok: true; value: Record<string, unknown> } | { ok: false; index: number; message: string } {
  const out: Record<string, unknown> = {};
  for (const [index, row] of rows.entries()) {
    const key = row.key.trim();
    if (!key && row.value.trim() === '') continue;
    if (!keyPattern.test(key)) return { ok: false, index, message: 'A name is letters, digits and "_", starting with a letter.' };
    if (key in out) return { ok: false, index, message: `"${key}" is given twice.` };
    if (row.kind === 'number') {
      const n = Number(row.value.trim());
      if (row.value.trim() === '' || !Number.isFinite(n)) return { ok: false, index, message: 'Enter a number.' };
      out[key] = n;
    } else if (row.kind === 'boolean') out[key] = row.value === 'true';
    else out[key] = row.value;
  }
  return { ok: true, value: out };
}

/** How a stored variable value reads in a table. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
