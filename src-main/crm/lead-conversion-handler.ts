import { fail, ok } from '../../src-shared/core/result';
import { contactKind } from '../../src-shared/crm/contact-kind';
import { planLeadConversion } from '../../src-shared/crm/lead-conversion';
import { leadKind, type LeadData } from '../../src-shared/crm/lead-kind';
import { opportunityKind } from '../../src-shared/crm/opportunity-kind';
import { organisationKind } from '../../src-shared/crm/organisation-kind';
import { salesSettingsOf, salesSettingsParent } from '../../src-shared/crm/sales-settings-kind';
import { parseData } from '../../src-shared/records/record-data';
import { availableTransitions, checkRecordWrite } from '../../src-shared/records/record-rules';
import type { CommandHandlers } from '../host/handler-types';
import { changeRecord, childrenOf, createRecord, recordOf } from '../records/module-records';
import { recordActorOf } from '../records/record-actor';

/**
 * Converting a qualified lead (crm/leads/convert): the pure plan (lead-conversion.ts) names what
 * to create; every record's data is checked by its kind and the person's right to create each is
 * checked before the first write, so a refusal leaves nothing half-made. Then the organisation,
 * contact and opportunity are written through the records platform and the lead moves to converted.
 */
export const leadConversionHandlers: CommandHandlers<'crm/leads/convert'> = {
  async 'crm/leads/convert'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const lead = await recordOf(context.db, leadKind, input.id, actor);
    if (lead.error) return lead.error;
    if (!availableTransitions(leadKind, actor, lead.value).some((t) => t.to === 'converted')) {
      return lead.value.status === 'qualified' ? fail('forbidden', 'Only sales staff or the lead’s owner convert a lead.') : fail('invalid_state', 'Only a qualified lead is converted; qualify it first.');
    }
    for (const [kind, existingId, field] of [[organisationKind, input.organisationId, 'organisationId'], [contactKind, input.contactId, 'contactId']] as const) {
      if (existingId && (await recordOf(context.db, kind, existingId, actor)).error) return fail('not_found', `That ${kind.label.toLowerCase()} no longer exists; pick another or create a new one.`, { field });
    }
    if (input.contactId && input.organisationId) {
      const contact = await recordOf(context.db, contactKind, input.contactId, actor);
      if ((contact.value?.data as { organisationId?: string } | undefined)?.organisationId !== input.organisationId) return fail('invalid_input', 'That contact works at another organisation.', { field: 'contactId' });
    }
    const { stages } = salesSettingsOf(await childrenOf(context.db, 'sales_settings', salesSettingsParent));
    const { value, ...opportunity } = input.opportunity;
    const planned = planLeadConversion(
      { id: lead.value.id, status: lead.value.status, data: lead.value.data as LeadData },
      {
        organisationId: input.organisationId,
        contactId: input.contactId,
        opportunity: { ...opportunity, ownerId: opportunity.ownerId ?? actor.id, valueMinor: value.amountMinor, currency: value.currency },
        newIds: { organisation: context.newId(), contact: context.newId(), opportunity: context.newId() },
      },
      stages,
    );
    if (!planned.ok) return fail('invalid_input', planned.message, planned.field ? { field: planned.field } : {});
    const { plan } = planned;

    // Everything checked before anything is written: each record's data and the right to create it.
    const creations = [
      ...('create' in plan.organisation ? [{ kind: organisationKind, data: plan.organisation.create, id: plan.ids.organisationId }] : []),
      ...('create' in plan.contact ? [{ kind: contactKind, data: plan.contact.create, id: plan.ids.contactId }] : []),
      { kind: opportunityKind, data: plan.opportunity, id: plan.ids.opportunityId },
    ];
    for (const creation of creations) {
      const parsed = parseData(creation.kind, creation.data);
      if (!parsed.ok) return parsed;
      const draft = { kind: creation.kind.kind, status: creation.kind.initialStatus, data: parsed.value, ownerId: actor.id, createdBy: actor.id, personId: '', departmentId: '', managerIds: [] };
      const allowed = checkRecordWrite({ kind: creation.kind, actor, before: null, after: draft });
      if (!allowed.ok) return allowed;
    }
    const created = [];
    for (const creation of creations) {
      const written = await createRecord(context, creation.kind, actor, creation.data, creation.id);
      if (!written.ok) return written;
      created.push(written.value);
    }
    const converted = await changeRecord(context, leadKind, actor, lead.value, { status: 'converted', data: plan.lead });
    if (!converted.ok) return converted;
    return ok({ lead: converted.value, organisationId: plan.ids.organisationId, contactId: plan.ids.contactId, opportunity: created[created.length - 1]! });
  },
};
