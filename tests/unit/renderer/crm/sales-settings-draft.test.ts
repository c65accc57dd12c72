import { describe, expect, it } from 'vitest';
import { settingsDataOf, settingsDraftOf, stageIdFrom } from '../../../../src-renderer/crm/sales-settings-draft';
import { salesSettingsData } from '../../../../src-shared/crm/sales-settings-kind';

const defaults = salesSettingsData.parse({});

describe('the sales settings form', () => {
  it('gives back the settings it was filled from', () => {
    const parsed = settingsDataOf(settingsDraftOf(defaults));
    expect(parsed).toEqual({ ok: true, data: { stages: defaults.stages, discountApprovalAbovePercent: 10, taxRounding: 'per_line', quotationValidityDays: 30, defaultCurrency: 'EUR' } });
  });
  it('gives a new stage an id from its name, unique, and keeps the ids of existing (renamed) stages', () => {
    const draft = settingsDraftOf(defaults);
    draft.stages[0]!.label = 'First contact';
    draft.stages.push({ id: '', label: 'Technical review', probability: '60' }, { id: '', label: 'Proposal (2)', probability: '55' });
    const parsed = settingsDataOf(draft);
    expect(parsed.ok && parsed.data.stages.map((s) => s.id)).toEqual(['qualification', 'needs_analysis', 'proposal', 'negotiation', 'technical_review', 'proposal_2']);
    expect(stageIdFrom('2nd visit', new Set())).toBe('stage_2nd_visit');
    expect(stageIdFrom('Proposal', new Set(['proposal', 'proposal_2']))).toBe('proposal_3');
  });
  it('names what is wrong next to each field', () => {
    const draft = { ...settingsDraftOf(defaults), discountAbove: 'ten', validityDays: '0', currency: 'euro' };
    draft.stages = [{ id: 'a', label: ' ', probability: '120' }, { id: 'b', label: 'Won', probability: '7.5' }];
    expect(settingsDataOf(draft)).toEqual({
      ok: false,
      problems: { discountAbove: 'A percentage from 0 to 100.', validityDays: 'Whole days from 1 to 365.', currency: 'A currency code, e.g. EUR.', 'label-0': 'Name the stage.', 'probability-0': 'Whole percent, 0 to 100.', 'probability-1': 'Whole percent, 0 to 100.' },
    });
  });
  it('refuses a pipeline without stages or with two stages of one name', () => {
    expect(settingsDataOf({ ...settingsDraftOf(defaults), stages: [] })).toMatchObject({ ok: false, problems: { stages: 'The pipeline needs at least one stage.' } });
    expect(settingsDataOf({ ...settingsDraftOf(defaults), stages: [{ id: 'a', label: 'Demo', probability: '10' }, { id: '', label: 'demo', probability: '20' }] })).toMatchObject({ ok: false, problems: { stages: 'Two stages have the same name.' } });
  });
});
