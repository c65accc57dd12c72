/**
 * A stored code in words, for the rare code that has no declared label (a custom role, a status a
 * newer PC wrote): `procurement_manager` → "Procurement manager", `dueDate` → "Due date". Every
 * place that shows a role, a record kind or a status falls back to this instead of printing the code.
 */
export function codeLabel(code: string): string {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : code;
}
