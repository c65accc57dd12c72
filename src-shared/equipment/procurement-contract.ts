import { z } from 'zod';
import { command, query } from '../bridge/define';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import type { RecordView } from '../records/record-contract';
import type { BidMatrixView, RenderedDocument } from './equipment-views';
import { locationSchema } from './equipment-kind';

/**
 * Buying equipment, between UI and host: sending an RFQ to its suppliers, the bid evaluation
 * matrix, the award that makes the purchase order, sending the order, and the goods receipt that
 * creates the instruments. Suppliers, purchase requests, RFQs, bids and evaluation scores are
 * otherwise plain records (`records/create|update|transition`). Who may do what is each kind's
 * declaration (procurement staff; the award by a procurement manager); refusals are `forbidden`
 * or `invalid_state` naming who may, and bad input `invalid_input` with the field.
 */
const id = recordIdSchema;

export const procurementContract = {
  /**
   * Sends a draft RFQ: renders its PDF and queues one email with it per supplier through the
   * outbox, then marks it sent. Suppliers without an email address are named in `withoutEmail`
   * (the RFQ is still sent: procurement sends those by hand).
   */
  'equipment/rfq/send': command<{ rfq: RecordView; emailed: number; withoutEmail: string[] }>()(z.object({ id })),
  /**
   * Awards one bid of an RFQ in evaluation: the RFQ and its bids are marked, and a draft purchase
   * order for the bid's supplier is made with one line (the RFQ's subject and quantity at the bid's
   * price, `taxRatePercent` on it). A bid that is not the top score needs `justification`.
   */
  'equipment/rfq/award': command<{ rfq: RecordView; purchaseOrder: RecordView }>()(
    z.object({
      id,
      bidId: id,
      justification: z.string().trim().max(5000).default(''),
      taxRatePercent: z.number().min(0, 'A tax rate cannot be negative.').max(100).default(0),
    }),
  ),
  /** Sends a draft purchase order to its supplier (PDF by email through the outbox); the purchase request becomes ordered. */
  'equipment/po/send': command<{ purchaseOrder: RecordView; emailed: number; withoutEmail: string[] }>()(z.object({ id })),
  /**
   * Records a goods receipt: the quantities received per line. Each unit of an equipment line
   * becomes an instrument (status received) with the serial number given, in the custodian's care
   * at the location given. The order becomes partly received or received, and its purchase request
   * received when everything arrived.
   */
  'equipment/po/receive': command<{ purchaseOrder: RecordView; equipment: RecordView[] }>()(
    z.object({
      id,
      receivedOn: planDateSchema,
      deliveryNote: z.string().trim().max(200).default(''),
      custodianId: id,
      location: locationSchema.default({ site: '', building: '', room: '', bench: '' }),
      lines: z
        .array(z.object({ lineId: id, quantity: z.number().int().min(1, 'Receive at least one.').max(1000), serialNumbers: z.array(z.string().trim().max(100)).max(1000).default([]) }))
        .min(1, 'Say what was received.')
        .max(200),
    }),
  ),
  /** The RFQ's bids, the evaluators' scores, the weighted totals and ranking, and the viewer's own scores. */
  'equipment/bid-matrix': query<BidMatrixView>()(z.object({ rfqId: id })),
  /** The RFQ or purchase order as a PDF (with the letterhead), for download or print. */
  'equipment/document': query<RenderedDocument>()(z.object({ kind: z.enum(['rfq', 'purchase_order', 'history_card']), id })),
};
