import type { RegisterQuery } from '../../src-shared/records/record-contract';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { columnsOf } from '../../src-shared/records/register-cells';
import type { SavedView, ViewSettings } from '../../src-shared/records/register-contract';
import { applicableSettings } from '../../src-shared/records/saved-views';

/**
 * What a register shows: its view settings (columns, sort, filters, words), the page, and the saved
 * view it started from. Pure; kept per kind while the app runs (use-register-state.ts), so opening a
 * record and coming back finds the register as it was left.
 */
export interface RegisterState {
  settings: ViewSettings;
  page: number;
  pageSize: number;
  /** The saved view last applied or saved (its name is shown, "modified" when settings differ). */
  viewId: string | null;
}

/** The page sizes a person may choose: the data grid's community edition pages at most 100 rows. */
export const PAGE_SIZES = [25, 50, 100] as const;

export const defaultSettings = (kind: AnyRecordKind): ViewSettings => ({ columns: columnsOf(kind).map((f) => f.field), filters: [], text: '' });

export const initialRegisterState = (kind: AnyRecordKind): RegisterState => ({ settings: defaultSettings(kind), page: 0, pageSize: 100, viewId: null });

/** The host query for a state: the page asked for, trimmed words. */
export function registerQueryOf(kind: AnyRecordKind, state: RegisterState): RegisterQuery {
  return {
    kind: kind.kind,
    text: state.settings.text.trim(),
    filters: state.settings.filters,
    ...(state.settings.sort ? { sort: state.settings.sort } : {}),
    offset: state.page * state.pageSize,
    limit: state.pageSize,
  };
}

/** New settings start again at the first page (a filter on page 40 of 1,000 would show nothing). */
export function withSettings(state: RegisterState, change: Partial<ViewSettings>): RegisterState {
  return { ...state, settings: { ...state.settings, ...change }, page: 0 };
}

/** A saved view applied: its settings as they fit the kind today, from the first page. */
export function withView(kind: AnyRecordKind, state: RegisterState, view: SavedView): RegisterState {
  const settings = applicableSettings(kind, view);
  return { ...state, settings: { ...settings, columns: settings.columns.length > 0 ? settings.columns : defaultSettings(kind).columns }, page: 0, viewId: view.id };
}

/** Shows or hides one column, keeping the kind's field order. */
export function toggledColumns(kind: AnyRecordKind, columns: readonly string[], field: string): string[] {
  const shown = new Set(columns);
  if (shown.has(field)) shown.delete(field);
  else shown.add(field);
  // At least one column stays: an empty choice would fall back to the defaults anyway.
  if (shown.size === 0) return [...columns];
  return kind.fields.map((f) => f.field).filter((f) => shown.has(f));
}
