import { z } from 'zod';
import { registerFilterSchema } from './record-contract';
import type { AnyRecordKind } from './record-kind';
import type { SavedView, ViewSettings } from './register-contract';

/**
 * A person's saved register views: kept by the host per person and kind (src-main/records/
 * register-views.ts), applied by the register. Pure: the list operations and how a view meets a
 * kind whose fields may have changed since it was saved.
 */

const storedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  columns: z.array(z.string()),
  sort: z.object({ field: z.string(), direction: z.enum(['asc', 'desc']) }).optional(),
  filters: z.array(registerFilterSchema),
  text: z.string(),
  savedAt: z.string(),
});

/** The views stored for one person, by kind; anything unreadable (a damaged or future document) is dropped, not trusted. */
export function readStoredViews(data: unknown): Record<string, SavedView[]> {
  const byKind = data && typeof data === 'object' && 'byKind' in data ? (data as { byKind: unknown }).byKind : {};
  if (!byKind || typeof byKind !== 'object') return {};
  const views: Record<string, SavedView[]> = {};
  for (const [kind, list] of Object.entries(byKind)) {
    if (!Array.isArray(list)) continue;
    views[kind] = list.flatMap((v) => {
      const parsed = storedViewSchema.safeParse(v);
      return parsed.success ? [parsed.data] : [];
    });
  }
  return views;
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * The list with `view` saved: a view of the same name (in any case) is replaced and keeps its id,
 * others keep their place; the list is sorted by name and holds at most `max` (the oldest saved go).
 */
export function withView(views: readonly SavedView[], view: SavedView, max: number): SavedView[] {
  const existing = views.find((v) => sameName(v.name, view.name));
  const saved = existing ? { ...view, id: existing.id } : view;
  const others = views.filter((v) => v !== existing);
  const kept = [...others].sort((a, b) => b.savedAt.localeCompare(a.savedAt)).slice(0, Math.max(0, max - 1));
  return [...kept, saved].sort((a, b) => a.name.localeCompare(b.name));
}

export const withoutView = (views: readonly SavedView[], id: string): SavedView[] => views.filter((v) => v.id !== id);

/**
 * A saved view as it applies to the kind today: columns and filters on fields the kind no longer
 * has are left out, and a sort on such a field falls back to the default.
 */
export function applicableSettings(kind: AnyRecordKind, view: ViewSettings): ViewSettings {
  const fields = new Set(kind.fields.map((f) => f.field));
  const isKnown = (field: string) => fields.has(field) || field === 'status' || field === 'number' || field === 'title';
  return {
    columns: view.columns.filter((c) => fields.has(c)),
    ...(view.sort && isKnown(view.sort.field) ? { sort: view.sort } : {}),
    filters: view.filters.filter((f) => isKnown(f.field)),
    text: view.text,
  };
}

/** Whether the register shows exactly what the view saved (so it can say "modified"). */
export function isSameSettings(a: ViewSettings, b: ViewSettings): boolean {
  const normal = (v: ViewSettings) => JSON.stringify([v.columns, v.sort ?? null, v.filters, v.text.trim()]);
  return normal(a) === normal(b);
}
