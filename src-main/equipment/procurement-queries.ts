import { from, switchMap } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { evaluationMatrix, type Score } from '../../src-shared/equipment/bid-evaluation';
import type { BidData } from '../../src-shared/equipment/bid-kind';
import type { BidMatrixView, RenderedDocument } from '../../src-shared/equipment/equipment-views';
import { rfqKind, type RfqData } from '../../src-shared/equipment/rfq-kind';
import { isWho, type RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';
import { recordActor$ } from '../records/record-queries';
import { recordViewOf } from '../records/record-store';
import { renderEquipmentDocument } from './documents/render-equipment-document';
import { childrenOf, personNames, recordOf } from '../records/module-records';
import { onRecordChanges } from './instrument-states';

async function bidMatrix(db: LabDatabase, rfqId: string, actor: RecordActor): Promise<Result<BidMatrixView>> {
  const rfq = await recordOf(db, rfqKind, rfqId, actor);
  if (rfq.error) return rfq.error;
  const data = rfq.value.data as RfqData;
  const bids = (await childrenOf(db, 'bid', rfqId)).filter((b) => b.status !== 'withdrawn');
  const evaluations = await childrenOf(db, 'bid_evaluation', rfqId);
  const suppliers = await db.records.findByIds([...new Set(bids.map((b) => (b.data as BidData).supplierId))]).exec();
  const names = await personNames(db, data.evaluatorIds);
  const matrix = evaluationMatrix(data.criteria, bids.map((b) => b.id), evaluations.map((e) => ({ evaluatorId: e.personId, scores: (e.data as { scores?: Score[] }).scores ?? [] })));
  const mine = evaluations.find((e) => e.personId === actor.id);
  const award = rfqKind.transitions.find((t) => t.to === 'awarded');
  return ok({
    rfq: recordViewOf({ kind: rfqKind, doc: rfq.value, isFromNewerVersion: false }, actor),
    bids: bids.map((b) => {
      const d = b.data as BidData;
      return { id: b.id, number: b.number, supplierId: d.supplierId, supplierName: String(suppliers.get(d.supplierId)?.get('title') ?? 'Supplier'), priceMinor: d.price.amountMinor, currency: d.price.currency, deliveryDays: d.deliveryDays, warrantyMonths: d.warrantyMonths, specificationCompliance: d.specificationCompliance, status: b.status };
    }),
    matrix,
    evaluators: data.evaluatorIds.map((id) => {
      const evaluation = evaluations.find((e) => e.personId === id);
      return { id, name: names.get(id) ?? '', ...(evaluation ? { evaluationId: evaluation.id } : {}), status: evaluation?.status ?? 'not_started' };
    }),
    ...(data.evaluatorIds.includes(actor.id) ? { mine: { ...(mine ? { id: mine.id } : {}), status: mine?.status ?? 'not_started', scores: (mine?.data as { scores?: Score[] } | undefined)?.scores ?? [] } } : {}),
    canAward: rfq.value.status === 'evaluation' && award !== undefined && award.who !== 'workflow' && isWho(award.who, actor, rfq.value),
  });
}

export const procurementQueryHandlers: QueryHandlers<'equipment/bid-matrix' | 'equipment/document'> = {
  'equipment/bid-matrix': (input, context) => recordActor$(context.db, context.actor.id).pipe(switchMap((actor) => onRecordChanges(context.db, () => bidMatrix(context.db, input.rfqId, actor)))),

  // Rendered once per request (a PDF is not worth re-rendering on every change while it downloads).
  'equipment/document': (input, context) =>
    from(context.db.records.findOne(input.id).exec()).pipe(
      switchMap(async (doc): Promise<Result<RenderedDocument>> =>
        doc && doc.get('kind') === (input.kind === 'history_card' ? 'equipment' : input.kind)
          ? renderEquipmentDocument(context.db, input.kind, input.id, context.actor.id, context.clock())
          : fail('not_found', 'That document’s record no longer exists.'),
      ),
    ),
};
