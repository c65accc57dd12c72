import { formatDateTime, formatDay, formatMoney } from '../format/display-format';
import type { Signature, SignatureMeaning } from '../workflows/instance';

/**
 * The e-signatures a document shows (DESIGN.md §6: name, date and time, meaning), taken from the
 * workflow events of the record's instances: each signed event is one line, oldest first, with the
 * step it was given at. Pure; the host formats the time in its own zone.
 */
export interface SignatureLine {
  signerName: string;
  meaning: SignatureMeaning;
  meaningLabel: string;
  signedAt: string;
  /** The step and action it was given for, e.g. "Manager approval — approve". */
  context: string;
  workflowCode: string;
}

export const signatureMeaningLabel: Record<SignatureMeaning, string> = { reviewed: 'Reviewed', approved: 'Approved', rejected: 'Rejected', responsible: 'Responsible' };

/** The part of a workflow event these lines read. */
export interface SignedEvent {
  instanceId: string;
  seq: number;
  stepId?: string;
  action?: string;
  signature?: Signature;
}

export function signatureLines(events: readonly SignedEvent[], workflowOf: (instanceId: string) => string, stepName: (instanceId: string, stepId: string) => string = (_i, s) => s): SignatureLine[] {
  return events
    .filter((e): e is SignedEvent & { signature: Signature } => e.signature !== undefined)
    .map((e) => ({
      signerName: e.signature.signerName,
      meaning: e.signature.meaning,
      meaningLabel: signatureMeaningLabel[e.signature.meaning] ?? e.signature.meaning,
      signedAt: e.signature.signedAt,
      context: [e.stepId ? stepName(e.instanceId, e.stepId) : '', e.action ?? ''].filter(Boolean).join(' — '),
      workflowCode: workflowOf(e.instanceId),
    }))
    .sort((a, b) => a.signedAt.localeCompare(b.signedAt));
}

/** Documents are written in British English, whatever the PC's language, with the shared formats. */
const DOCUMENT_PLACE = { locale: 'en-GB' } as const;

/**
 * "2 Mar 2026, 14:05 (Europe/Vienna)": one date-time format for every document, in the zone named,
 * so a printed signature says exactly when it was given.
 */
export function formatDocumentTime(iso: string, timeZone: string): string {
  if (Number.isNaN(Date.parse(iso))) return iso;
  return `${formatDateTime(iso, { ...DOCUMENT_PLACE, timeZone })} (${timeZone})`;
}

/** "2 Mar 2026" for a YYYY-MM-DD day, read as a calendar day. */
export function formatDocumentDay(day: string | undefined): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}/.test(day)) return day ?? '';
  return formatDay(day.slice(0, 10), DOCUMENT_PLACE);
}

/** Integer minor units in their currency, with its decimals (JPY has none): "EUR 12,500.00". */
export function formatDocumentMoney(amountMinor: number, currency: string): string {
  return formatMoney(amountMinor, currency, DOCUMENT_PLACE, 'code');
}
