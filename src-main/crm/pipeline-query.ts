import { switchMap } from 'rxjs';
import { ok, type Result } from '../../src-shared/core/result';
import type { PipelineCard, PipelineView } from '../../src-shared/crm/crm-contract';
import type { OpportunityData } from '../../src-shared/crm/opportunity-kind';
import { salesSettingsOf, salesSettingsParent } from '../../src-shared/crm/sales-settings-kind';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';
import { childrenOf, personNames, type StoredDoc } from '../records/module-records';
import { onRecordChanges } from '../equipment/instrument-states';
import { recordActor$ } from '../records/record-queries';
import { canReadRecordDoc, readStored } from '../records/record-store';

/** The opportunities this person may read, as cards with their customer's and owner's names, and the stages in force. */
async function pipeline(db: LabDatabase, actor: RecordActor): Promise<Result<PipelineView>> {
  const { stages } = salesSettingsOf(await childrenOf(db, 'sales_settings', salesSettingsParent));
  const docs = (await db.records.find({ selector: { kind: 'opportunity' } }).exec()).map((d) => d.toJSON() as StoredDoc).filter((doc) => canReadRecordDoc(actor, readStored(doc)));
  const organisations = await db.records.findByIds([...new Set(docs.map((d) => (d.data as OpportunityData).organisationId))]).exec();
  const owners = await personNames(db, docs.map((d) => (d.data as OpportunityData).ownerId));
  const cards: PipelineCard[] = docs.map((doc) => {
    const d = doc.data as OpportunityData;
    return {
      id: doc.id,
      number: doc.number,
      name: d.name,
      organisationId: d.organisationId,
      ...(d.contactId ? { contactId: d.contactId } : {}),
      organisationName: String(organisations.get(d.organisationId)?.get('title') ?? 'Unknown organisation'),
      stageId: d.stageId,
      probabilityPercent: d.probabilityPercent,
      value: d.value,
      expectedCloseOn: d.expectedCloseOn,
      ownerId: d.ownerId,
      ownerName: owners.get(d.ownerId) ?? '',
      status: doc.status,
      ...(d.closedOn ? { closedOn: d.closedOn } : {}),
    };
  });
  const byClose = (a: PipelineCard, b: PipelineCard) => a.expectedCloseOn.localeCompare(b.expectedCloseOn) || a.number.localeCompare(b.number);
  return ok({ stages, open: cards.filter((c) => c.status === 'open').sort(byClose), closed: cards.filter((c) => c.status !== 'open').sort((a, b) => byClose(b, a)) });
}

export const pipelineQueryHandlers: QueryHandlers<'crm/pipeline'> = {
  'crm/pipeline': (_input, context) => recordActor$(context.db, context.actor.id).pipe(switchMap((actor) => onRecordChanges(context.db, () => pipeline(context.db, actor)))),
};
