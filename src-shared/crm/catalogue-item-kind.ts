import { z } from 'zod';
import { moneySchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { salesManager } from './crm-who';
import { hasAtMostDecimals } from '../finance/money';

/**
 * A product or service the lab sells: unit, a price per currency (the price list) and a default tax
 * rate, copied into a quotation line when chosen (the line may then be changed). Anyone reads the
 * catalogue; sales managers keep it.
 */
export const catalogueUnits = [
  { value: 'each', label: 'Each' },
  { value: 'sample', label: 'Sample' },
  { value: 'test', label: 'Test' },
  { value: 'hour', label: 'Hour' },
  { value: 'day', label: 'Day' },
  { value: 'kit', label: 'Kit' },
  { value: 'batch', label: 'Batch' },
] as const;

export const percentSchema = z
  .number()
  .min(0, 'A percentage cannot be negative.')
  .max(100, 'At most 100 %.')
  .refine((v) => hasAtMostDecimals(v, 2), 'Use at most two decimals, e.g. 7.75.');

export const priceSchema = z.object({
  currency: moneySchema.shape.currency,
  unitPriceMinor: z.number().int('Prices are whole minor units (e.g. cents).').min(0).max(1e13),
});

const catalogueItemData = z
  .object({
    code: z.string().trim().min(1, 'Give the item a code, e.g. STAB-40.').max(40),
    name: z.string().trim().min(1, 'Name the item.').max(200),
    description: z.string().trim().max(2000).default(''),
    type: z.enum(['product', 'service']).default('service'),
    unit: z.enum(['each', 'sample', 'test', 'hour', 'day', 'kit', 'batch']).default('each'),
    prices: z.array(priceSchema).max(20).default([]),
    defaultTaxRatePercent: percentSchema.default(0),
    /** For service items: the project template an order creates a project from. */
    projectTemplateId: z.string().max(40).optional(),
  })
  .superRefine((d, ctx) => {
    const currencies = d.prices.map((p) => p.currency);
    if (new Set(currencies).size !== currencies.length) ctx.addIssue({ code: 'custom', message: 'One price per currency.', path: ['prices'] });
  });
export type CatalogueItemData = z.infer<typeof catalogueItemData>;

/** The item's price in a currency; undefined when the price list has none (the line then needs a price typed in). */
export const priceIn = (item: Pick<CatalogueItemData, 'prices'>, currency: string): number | undefined => item.prices.find((p) => p.currency === currency)?.unitPriceMinor;

export const catalogueItemKind = defineRecordKind<CatalogueItemData>({
  kind: 'catalogue_item',
  module: 'crm',
  label: 'Catalogue item',
  pluralLabel: 'Catalogue',
  version: 1,
  data: catalogueItemData as z.ZodType<CatalogueItemData>,
  title: (d) => `${d.code} ${d.name}`,
  searchText: (d) => d.description.slice(0, 500),
  statuses: [
    { id: 'active', label: 'Offered', tone: 'success' },
    { id: 'discontinued', label: 'Discontinued' },
  ],
  initialStatus: 'active',
  transitions: [
    { from: ['active'], to: 'discontinued', label: 'Discontinue', who: salesManager },
    { from: ['discontinued'], to: 'active', label: 'Offer again', who: salesManager },
  ],
  fields: [
    { field: 'code', label: 'Code', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'name', label: 'Name', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'type', label: 'Type', type: 'choice', choices: [{ value: 'product', label: 'Product' }, { value: 'service', label: 'Service' }], isDefaultColumn: true, isEditable: true },
    { field: 'unit', label: 'Unit', type: 'choice', choices: catalogueUnits, isDefaultColumn: true, isEditable: true },
    { field: 'defaultTaxRatePercent', label: 'Tax rate (%)', type: 'number', isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'description', label: 'Description', type: 'text', isEditable: true, isMultiline: true },
  ],
  create: salesManager,
  edit: [{ fields: '*', who: salesManager }],
  remove: { who: salesManager },
});
