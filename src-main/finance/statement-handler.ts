import { fail, ok } from '../../src-shared/core/result';
import type { StatementMatchRow } from '../../src-shared/finance/invoice-contract';
import type { PaymentData } from '../../src-shared/finance/payment-kind';
import { readStatement, suggestMatches } from '../../src-shared/finance/statement-matching';
import type { CommandHandlers } from '../host/handler-types';
import { recordActorOf } from '../records/record-actor';
import { isWho } from '../../src-shared/records/who';
import { receivablesTeam } from '../../src-shared/finance/finance-who';
import { receivables } from './receivables-query';

/**
 * Bank statement import, the reading half: the statement's lines and, for each money-in line, the
 * open invoices it may pay, from the invoices the person may read. Recording is the person's
 * confirmation, one `finance/payments/record` per line.
 */
export const statementCommandHandlers: CommandHandlers<'finance/statement/match'> = {
  async 'finance/statement/match'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    if (!isWho(receivablesTeam, actor, {})) return fail('forbidden', 'Only finance staff import bank statements.');
    const { lines, problems } = readStatement(input.csv, input.mapping, input.currency);
    if (lines.length === 0) return fail('invalid_input', problems[0] ? `No line could be read (line ${problems[0].line}: ${problems[0].message}) — check the column mapping.` : 'The statement has no lines.', { field: 'csv' });
    const view = await receivables(context.db, actor, context.clock().toISOString().slice(0, 10));
    if (!view.ok) return view;
    const open = view.value.invoices.filter((i) => i.outstandingMinor > 0 && (i.status === 'issued' || i.status === 'partly_paid'));
    const byId = new Map(open.map((i) => [i.id, i]));
    const suggestions = suggestMatches(lines, open);
    const recorded = new Map<string, string>();
    for (const doc of await context.db.records.find({ selector: { kind: 'payment' } }).exec()) {
      const key = (doc.get('data') as PaymentData).statementLineKey;
      if (key) recorded.set(key, String(doc.get('number')));
    }
    const rows: StatementMatchRow[] = lines.map((line) => ({
      line,
      recordedAs: recorded.get(line.key) ?? '',
      suggestions: (suggestions.get(line.key) ?? []).map((s) => ({ ...s, invoiceNumber: byId.get(s.invoiceId)!.number, customerName: byId.get(s.invoiceId)!.customerName, outstandingMinor: byId.get(s.invoiceId)!.outstandingMinor })),
    }));
    return ok({ rows, problems });
  },
};
