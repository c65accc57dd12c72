import { z } from 'zod';
import { currencySchema } from '../crm/quotation-lines';
import { planDateSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { parseRate, type ExchangeRate } from './exchange-rate';
import { finance, receivablesTeam } from './finance-who';

/**
 * An exchange rate finance entered: how many units of `to` one unit of `from` buys from `validFrom`
 * on (until the pair's next rate), kept as the decimal text typed ("1.0834") — read into a scaled
 * integer by `parseRate`, never a float. One record per rate, parent `finance`, so the history is
 * the list of records; a rate entered wrongly is removed with a reason and entered again. The
 * invariant (host and sync server) holds one rate per pair and day.
 */
export const exchangeRatesParent = 'finance';

const exchangeRateData = z
  .object({
    scope: z.literal(exchangeRatesParent).default(exchangeRatesParent),
    from: currencySchema,
    to: currencySchema,
    validFrom: planDateSchema,
    rate: z.string().trim().max(30).refine((t) => parseRate(t) !== null, 'Enter the rate as a number above zero with at most nine decimals, e.g. 1.0834.'),
  })
  .superRefine((d, ctx) => {
    if (d.from === d.to) ctx.addIssue({ code: 'custom', message: 'Choose two different currencies.', path: ['to'] });
  });
export type ExchangeRateData = z.infer<typeof exchangeRateData>;

/** Stored rates as the money core converts with them (a record whose rate does not read is left out). */
export function exchangeRatesOf(records: readonly { data: Pick<ExchangeRateData, 'from' | 'to' | 'validFrom' | 'rate'> }[]): ExchangeRate[] {
  return records.flatMap(({ data }) => {
    const rateScaled = parseRate(data.rate);
    return rateScaled === null ? [] : [{ from: data.from, to: data.to, validFrom: data.validFrom, rateScaled }];
  });
}

export const exchangeRateKind = defineRecordKind<ExchangeRateData>({
  kind: 'exchange_rate',
  module: 'finance',
  label: 'Exchange rate',
  pluralLabel: 'Exchange rates',
  version: 1,
  data: exchangeRateData as z.ZodType<ExchangeRateData>,
  title: (d) => `1 ${d.from} = ${d.rate} ${d.to}`,
  statuses: [{ id: 'entered', label: 'In use' }],
  initialStatus: 'entered',
  transitions: [],
  columns: { parentId: (d) => d.scope, date: (d) => d.validFrom },
  fields: [
    { field: 'from', label: 'From', type: 'text', isDefaultColumn: true },
    { field: 'to', label: 'To', type: 'text', isDefaultColumn: true },
    { field: 'rate', label: 'Rate', type: 'text', isDefaultColumn: true },
    { field: 'validFrom', label: 'Valid from', type: 'date', isDefaultColumn: true },
  ],
  readScope: receivablesTeam,
  create: finance,
  edit: [],
  remove: { who: finance },
  invariant: {
    reads: () => ({ byParent: [{ kind: 'exchange_rate', parentId: exchangeRatesParent }] }),
    check: ({ record, previous, lookup }) => {
      if (previous) return null;
      const d = record.data;
      const twin = lookup.byParent('exchange_rate', exchangeRatesParent).find((o) => {
        const other = o.data as ExchangeRateData;
        return o.id !== record.id && other.from === d.from && other.to === d.to && other.validFrom === d.validFrom;
      });
      return twin ? { message: `A rate from ${d.from} to ${d.to} for that day is entered already; remove it first to correct it.`, field: 'data.validFrom' } : null;
    },
  },
});
