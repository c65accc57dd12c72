import { map } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { MAX_SAVED_VIEWS, type SavedView } from '../../src-shared/records/register-contract';
import { readStoredViews, withView, withoutView } from '../../src-shared/records/saved-views';
import type { LabDatabase } from '../database/open-database';
import type { CommandHandlers, QueryHandlers } from '../host/handler-types';
import { localDocument$ } from '../database/local-document';

/**
 * Saved register views: a person's own, kept on this PC in an RxDB local document per person
 * (`register-views-<personId>` in the data folder's database), never replicated and not audited —
 * a view changes no business data. Signing in on another PC starts with no saved views there.
 */
const keyOf = (personId: string) => `register-views-${personId}`;

interface ViewsDocument {
  byKind: Record<string, SavedView[]>;
}

async function readViews(db: LabDatabase, personId: string): Promise<Record<string, SavedView[]>> {
  const doc = await db.getLocal<ViewsDocument>(keyOf(personId));
  return readStoredViews(doc?.toJSON().data);
}

const unknownKind = (kind: string) => fail('invalid_input', `LabFlow has no record type “${kind}”.`, { field: 'kind' });

export const registerViewQueryHandlers: QueryHandlers<'records/views'> = {
  'records/views': (input, context) =>
    localDocument$<ViewsDocument>(context.db, keyOf(context.actor.id)).pipe(map((doc) => ok(readStoredViews(doc?.toJSON().data)[input.kind] ?? []))),
};

export const registerViewCommandHandlers: CommandHandlers<'records/save-view' | 'records/remove-view'> = {
  async 'records/save-view'(input, context) {
    const kind = recordKindOf(input.kind);
    if (!kind) return unknownKind(input.kind);
    const unknown = [...input.columns, ...input.filters.map((f) => f.field), ...(input.sort ? [input.sort.field] : [])].find(
      (field) => !kind.fields.some((f) => f.field === field) && !['number', 'title', 'status'].includes(field),
    );
    if (unknown) return fail('invalid_input', `${kind.pluralLabel} have no field “${unknown}”.`, { field: 'columns' });
    const all = await readViews(context.db, context.actor.id);
    const view: SavedView = {
      id: context.newId(),
      name: input.name,
      columns: input.columns,
      ...(input.sort ? { sort: input.sort } : {}),
      filters: input.filters,
      text: input.text.trim(),
      savedAt: context.clock().toISOString(),
    };
    const views = withView(all[kind.kind] ?? [], view, MAX_SAVED_VIEWS);
    await context.db.upsertLocal<ViewsDocument>(keyOf(context.actor.id), { byKind: { ...all, [kind.kind]: views } });
    return ok(views.find((v) => v.name === view.name) ?? view);
  },

  async 'records/remove-view'(input, context) {
    const all = await readViews(context.db, context.actor.id);
    const views = all[input.kind] ?? [];
    if (!views.some((v) => v.id === input.id)) return fail('not_found', 'That saved view no longer exists.');
    await context.db.upsertLocal<ViewsDocument>(keyOf(context.actor.id), { byKind: { ...all, [input.kind]: withoutView(views, input.id) } });
    return ok(null);
  },
};
