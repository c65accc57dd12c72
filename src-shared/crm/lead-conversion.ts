import type { LeadData } from './lead-kind';
import { defaultProbabilityOf, type PipelineStage } from './pipeline-stages';

/**
 * Converting a qualified lead: an organisation (new, or one that exists — the duplicate check
 * offers it), a contact (new, or existing at that organisation) and an opportunity, and the lead
 * marked converted with what was made. Pure: the plan; the command (crm/leads/convert) writes the
 * plan's records through writeRecord in one transaction, so it happens entirely or not at all. Ids
 * come from the caller (no randomness here).
 */
export interface ConversionChoices {
  /** Use this organisation instead of creating one. */
  organisationId?: string | undefined;
  /** Use this contact (at that organisation) instead of creating one. */
  contactId?: string | undefined;
  opportunity: { name: string; stageId: string; valueMinor: number; currency: string; expectedCloseOn: string; ownerId: string };
  /** Ids for the records to create. */
  newIds: { organisation: string; contact: string; opportunity: string };
}

export interface ConversionPlan {
  organisation: { create: Record<string, unknown> } | { existingId: string };
  contact: { create: Record<string, unknown> } | { existingId: string };
  opportunity: Record<string, unknown>;
  /** The lead's data after conversion (status becomes converted). */
  lead: LeadData;
  ids: { organisationId: string; contactId: string; opportunityId: string };
}

export type ConversionResult = { ok: true; plan: ConversionPlan } | { ok: false; message: string; field?: string };

export function planLeadConversion(lead: { id: string; status: string; data: LeadData }, choices: ConversionChoices, stages: readonly PipelineStage[]): ConversionResult {
  if (lead.status !== 'qualified') return { ok: false, message: 'Only a qualified lead is converted; qualify it first.' };
  const probability = defaultProbabilityOf(stages, choices.opportunity.stageId);
  if (probability === undefined) return { ok: false, message: 'Pick a stage of the pipeline for the opportunity.', field: 'opportunity.stageId' };
  if (!choices.organisationId && !lead.data.companyName) return { ok: false, message: 'The lead has no company name: enter one or pick an existing organisation.', field: 'organisationId' };
  if (!choices.contactId && !lead.data.lastName) return { ok: false, message: 'The lead has no last name: enter one or pick an existing contact.', field: 'contactId' };

  const organisationId = choices.organisationId ?? choices.newIds.organisation;
  const contactId = choices.contactId ?? choices.newIds.contact;
  const opportunityId = choices.newIds.opportunity;
  const owner = choices.opportunity.ownerId;
  return {
    ok: true,
    plan: {
      organisation: choices.organisationId
        ? { existingId: choices.organisationId }
        : { create: { name: lead.data.companyName, roles: ['customer'], email: lead.data.email, phone: lead.data.phone, ownerId: owner, currency: choices.opportunity.currency } },
      contact: choices.contactId
        ? { existingId: choices.contactId }
        : { create: { organisationId, firstName: lead.data.firstName, lastName: lead.data.lastName, email: lead.data.email, phone: lead.data.phone, jobTitle: lead.data.jobTitle, isPrimary: !choices.organisationId, ownerId: owner } },
      opportunity: {
        name: choices.opportunity.name,
        organisationId,
        contactId,
        leadId: lead.id,
        stageId: choices.opportunity.stageId,
        probabilityPercent: probability,
        value: { amountMinor: choices.opportunity.valueMinor, currency: choices.opportunity.currency },
        expectedCloseOn: choices.opportunity.expectedCloseOn,
        ownerId: owner,
        description: lead.data.interest,
      },
      lead: { ...lead.data, convertedOrganisationId: organisationId, convertedContactId: contactId, convertedOpportunityId: opportunityId },
      ids: { organisationId, contactId, opportunityId },
    },
  };
}
