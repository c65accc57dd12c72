import { describe, expect, it } from 'vitest';
import { planLeadConversion, type ConversionChoices } from '../../../src-shared/crm/lead-conversion';
import { leadKind, type LeadData } from '../../../src-shared/crm/lead-kind';
import { defaultPipelineStages } from '../../../src-shared/crm/pipeline-stages';

const data = leadKind.data.parse({ companyName: 'Acme Labs', firstName: 'Jo', lastName: 'Doe', email: 'jo@acme.com', phone: '+49 1', jobTitle: 'QA lead', source: 'import', interest: 'Stability testing' }) as LeadData;
const lead = (status = 'qualified') => ({ id: 'lead1', status, data });
const choices = (extra: Partial<ConversionChoices> = {}): ConversionChoices => ({
  opportunity: { name: 'Stability 2026', stageId: 'proposal', valueMinor: 12_000_00, currency: 'EUR', expectedCloseOn: '2026-06-30', ownerId: 'ann' },
  newIds: { organisation: 'org1', contact: 'con1', opportunity: 'opp1' },
  ...extra,
});

describe('lead conversion', () => {
  it('plans a new organisation, contact and opportunity at the stage probability, and the lead pointing to all three', () => {
    const result = planLeadConversion(lead(), choices(), defaultPipelineStages);
    expect(result).toEqual({
      ok: true,
      plan: {
        organisation: { create: { name: 'Acme Labs', roles: ['customer'], email: 'jo@acme.com', phone: '+49 1', ownerId: 'ann', currency: 'EUR' } },
        contact: { create: { organisationId: 'org1', firstName: 'Jo', lastName: 'Doe', email: 'jo@acme.com', phone: '+49 1', jobTitle: 'QA lead', isPrimary: true, ownerId: 'ann' } },
        opportunity: { name: 'Stability 2026', organisationId: 'org1', contactId: 'con1', leadId: 'lead1', stageId: 'proposal', probabilityPercent: 50, value: { amountMinor: 12_000_00, currency: 'EUR' }, expectedCloseOn: '2026-06-30', ownerId: 'ann', description: 'Stability testing' },
        lead: { ...data, convertedOrganisationId: 'org1', convertedContactId: 'con1', convertedOpportunityId: 'opp1' },
        ids: { organisationId: 'org1', contactId: 'con1', opportunityId: 'opp1' },
      },
    });
  });

  it('uses an existing organisation (a duplicate found) and adds the contact there, not as primary', () => {
    const result = planLeadConversion(lead(), choices({ organisationId: 'existing' }), defaultPipelineStages);
    if (!result.ok) throw new Error(result.message);
    expect(result.plan.organisation).toEqual({ existingId: 'existing' });
    expect(result.plan.contact).toMatchObject({ create: { organisationId: 'existing', isPrimary: false } });
    expect(result.plan.opportunity).toMatchObject({ organisationId: 'existing' });
  });

  it('refuses a lead that is not qualified, and a stage the pipeline does not have', () => {
    expect(planLeadConversion(lead('contacted'), choices(), defaultPipelineStages)).toEqual({ ok: false, message: 'Only a qualified lead is converted; qualify it first.' });
    const badStage = choices();
    badStage.opportunity.stageId = 'won';
    expect(planLeadConversion(lead(), badStage, defaultPipelineStages)).toEqual({ ok: false, message: 'Pick a stage of the pipeline for the opportunity.', field: 'opportunity.stageId' });
  });

  it('needs a company name or an existing organisation', () => {
    const noCompany = { ...lead(), data: { ...data, companyName: '' } };
    expect(planLeadConversion(noCompany, choices(), defaultPipelineStages)).toMatchObject({ ok: false, field: 'organisationId' });
    expect(planLeadConversion(noCompany, choices({ organisationId: 'o' }), defaultPipelineStages).ok).toBe(true);
  });
});
