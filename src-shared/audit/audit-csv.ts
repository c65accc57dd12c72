import { formatDateTime, type FormatPlace } from '../format/display-format';
import { toCsv } from '../records/register-export';
import type { AuditTrailEntryView } from './audit-contract';
import type { ReadableChange, SignatureView } from './audit-readable';

/**
 * The audit trail as the person filtered it, as a CSV file: the columns the screen shows, dates in
 * LabFlow's one format for the reader's place, the command kept for whoever investigates. Pure.
 */

const HEADERS = ['When', 'Who', 'Action', 'Record', 'Changes', 'Signatures', 'Command'];

export const changesText = (changes: readonly ReadableChange[]): string => changes.map((c) => `${c.field}: ${c.old} → ${c.new}`).join('; ');

export function signatureText(signature: SignatureView, place: FormatPlace = {}): string {
  const what = signature.what ? ` — ${signature.what}` : '';
  const when = formatDateTime(signature.signedAt, place);
  return signature.isRefused
    ? `Refused (wrong password): ${signature.signerName}, meaning “${signature.meaning}”, ${when}${what}`
    : `Signed by ${signature.signerName}, meaning “${signature.meaning}”, ${when}${what}`;
}

export function auditTrailCsv(entries: readonly AuditTrailEntryView[], place: FormatPlace = {}): string {
  return toCsv({
    headers: HEADERS,
    rows: entries.map((entry) =>
      [
        formatDateTime(entry.at, place),
        entry.via ? `${entry.actorName} (${entry.via})` : entry.actorName,
        entry.action,
        entry.record,
        changesText(entry.changes),
        entry.signatures.map((s) => signatureText(s, place)).join('; '),
        entry.command,
      ].map((text) => ({ text, type: 'text' as const, value: text })),
    ),
  });
}
