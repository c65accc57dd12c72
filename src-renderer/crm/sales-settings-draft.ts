import type { SalesSettingsData } from '../../src-shared/crm/sales-settings-kind';
import { stageListProblems } from '../../src-shared/crm/pipeline-stages';
import { isCurrencyCode } from '../../src-shared/finance/money';

/** The sales settings as their form holds them: what the person typed, as text. A new stage has no id yet. */
export interface SalesSettingsDraft {
  stages: { id: string; label: string; probability: string }[];
  discountAbove: string;
  taxRounding: SalesSettingsData['taxRounding'];
  validityDays: string;
  currency: string;
}

export type SettingsProblems = Partial<Record<'discountAbove' | 'validityDays' | 'currency' | 'stages' | `label-${number}` | `probability-${number}`, string>>;

export const settingsDraftOf = (s: SalesSettingsData): SalesSettingsDraft => ({
  stages: s.stages.map((stage) => ({ id: stage.id, label: stage.label, probability: String(stage.probabilityPercent) })),
  discountAbove: String(s.discountApprovalAbovePercent),
  taxRounding: s.taxRounding,
  validityDays: String(s.quotationValidityDays),
  currency: s.defaultCurrency,
});

/**
 * A new stage's id from its name (opportunities keep the ids of stages that exist, so a renamed
 * stage keeps its id): lower-case letters, digits and _, starting with a letter, unique.
 */
export function stageIdFrom(label: string, taken: ReadonlySet<string>): string {
  const slug = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 34);
  const base = /^[a-z]/.test(slug) ? slug : `stage_${slug}`.replace(/_$/, '');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.').trim()));

/** The record data for the typed settings, or what is wrong next to each field (the host checks the same data again). */
export function settingsDataOf(draft: SalesSettingsDraft): { ok: true; data: Omit<SalesSettingsData, 'scope'> } | { ok: false; problems: SettingsProblems } {
  const problems: SettingsProblems = {};
  const discount = numberOf(draft.discountAbove);
  if (!Number.isFinite(discount) || discount < 0 || discount > 100) problems.discountAbove = 'A percentage from 0 to 100.';
  const days = numberOf(draft.validityDays);
  if (!Number.isInteger(days) || days < 1 || days > 365) problems.validityDays = 'Whole days from 1 to 365.';
  const currency = draft.currency.trim().toUpperCase();
  if (!isCurrencyCode(currency)) problems.currency = 'A currency code, e.g. EUR.';
  const taken = new Set(draft.stages.map((s) => s.id).filter(Boolean));
  const stages = draft.stages.map((s, i) => {
    if (!s.label.trim()) problems[`label-${i}`] = 'Name the stage.';
    const probability = numberOf(s.probability);
    if (!Number.isInteger(probability) || probability < 0 || probability > 100) problems[`probability-${i}`] = 'Whole percent, 0 to 100.';
    const id = s.id || stageIdFrom(s.label, taken);
    taken.add(id);
    return { id, label: s.label.trim(), probabilityPercent: probability };
  });
  const listProblems = stageListProblems(stages);
  if (listProblems.length > 0) problems.stages = listProblems.join(' ');
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, data: { stages, discountApprovalAbovePercent: discount, taxRounding: draft.taxRounding, quotationValidityDays: days, defaultCurrency: currency } };
}
