import { switchMap } from 'rxjs';
import { ok, type Result } from '../../src-shared/core/result';
import type { CatalogueItemData } from '../../src-shared/crm/catalogue-item-kind';
import type { CatalogueChoice } from '../../src-shared/crm/catalogue-line';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import type { StoredDoc } from '../records/module-records';
import { onRecordChanges } from '../equipment/instrument-states';
import type { QueryHandlers } from '../host/handler-types';
import { recordActor$ } from '../records/record-queries';
import { canReadRecordDoc, readStored } from '../records/record-store';

/** The catalogue items this person may read (everyone, by the kind's scope), with their price lists. */
async function catalogue(db: LabDatabase, actor: RecordActor, includeDiscontinued: boolean): Promise<Result<CatalogueChoice[]>> {
  const docs = (await db.records.find({ selector: { kind: 'catalogue_item' } }).exec()).map((d) => d.toJSON() as StoredDoc);
  const items = docs
    .map((doc) => readStored(doc))
    .filter((stored) => canReadRecordDoc(actor, stored) && (includeDiscontinued || stored.doc.status === 'active'))
    .map(({ doc }) => {
      const d = doc.data as CatalogueItemData;
      return { id: doc.id, status: doc.status, code: d.code, name: d.name, description: d.description, type: d.type, unit: d.unit, prices: d.prices, defaultTaxRatePercent: d.defaultTaxRatePercent };
    });
  return ok(items.sort((a, b) => a.code.localeCompare(b.code) || a.id.localeCompare(b.id)));
}

export const catalogueQueryHandlers: QueryHandlers<'crm/catalogue'> = {
  'crm/catalogue': (input, context) => recordActor$(context.db, context.actor.id).pipe(switchMap((actor) => onRecordChanges(context.db, () => catalogue(context.db, actor, input.includeDiscontinued)))),
};
