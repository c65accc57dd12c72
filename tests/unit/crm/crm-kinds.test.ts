import { describe, expect, it } from 'vitest';
import { leadKind } from '../../../src-shared/crm/lead-kind';
import { opportunityKind } from '../../../src-shared/crm/opportunity-kind';
import { organisationKind } from '../../../src-shared/crm/organisation-kind';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import { quotationKind } from '../../../src-shared/crm/quotation-kind';
import { nextRevisionData, revisionProblem } from '../../../src-shared/crm/quotation-revisions';
import { salesSettingsKind } from '../../../src-shared/crm/sales-settings-kind';
import { parseData } from '../../../src-shared/records/record-data';
import type { RecordDocument } from '../../../src-shared/records/record-document';
import type { AnyRecordKind, RecordLookup } from '../../../src-shared/records/record-kind';
import { recordKinds } from '../../../src-shared/records/record-kinds';
import { checkRecordWrite } from '../../../src-shared/records/record-rules';
import { canReadScope, scopeOfRecord } from '../../../src-shared/records/record-scope';
import type { RecordActor } from '../../../src-shared/records/who';

type Doc = Record<string, unknown>;
const actor = (id: string, roles: string[] = ['member']): RecordActor => ({ id, roles, isActive: true });
const sam = actor('sam', ['sales']);
const mia = actor('mia', ['sales_manager']);
const cara = actor('cara');
const record = (kind: string, id: string, status: string, data: Doc, fields: Doc = {}): RecordDocument & Doc =>
  ({ id, kind, kindVersion: 1, title: id, status, number: '', numberState: '', parentId: '', personId: '', managerIds: [], ownerId: String(data.ownerId ?? ''), departmentId: '', date: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', createdBy: 'x', updatedBy: 'x', auditId: '', data, ...fields }) as RecordDocument & Doc;
const lookupOf = (docs: Doc[]): RecordLookup => ({
  get: (_c, id) => docs.find((d) => d.id === id) ?? null,
  byParent: (kind, parentId) => docs.filter((d) => d.kind === kind && d.parentId === parentId),
  byPerson: () => [],
});
const invariant = (kind: AnyRecordKind, rec: RecordDocument, previous: RecordDocument | null, docs: Doc[] = []) => kind.invariant?.check({ record: rec, previous, lookup: lookupOf(docs), now: '2026-02-01T09:00:00.000Z', actorId: 'sam' }) ?? null;
const settings = (data: Doc) => record('sales_settings', 'set1', 'active', parseOk(salesSettingsKind, data), { parentId: 'crm' });
function parseOk(kind: AnyRecordKind, data: Doc): Doc {
  const parsed = parseData(kind, data);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const lines = [
  { id: 'l1', description: 'Stability study, 40 batches', quantity: 40, unitPriceMinor: 250_00, discountPercent: 15, taxRatePercent: 19 },
  { id: 'l2', description: 'Report', quantity: 1.5, unitPriceMinor: 120_00, taxRatePercent: 19 },
];
const gross = quotationTotals(lines.map((l) => ({ discountPercent: 0, ...l })), 'per_line').grossMinor;
const quoteData = (extra: Doc = {}) => parseOk(quotationKind, { organisationId: 'org1', ownerId: 'sam', currency: 'EUR', lines, total: { amountMinor: gross, currency: 'EUR' }, validUntil: '2026-03-31', ...extra });

describe('the CRM kinds', () => {
  it('are registered, each with its statuses and a start status', () => {
    const crm = recordKinds.filter((k) => k.module === 'crm').map((k) => k.kind).sort();
    expect(crm).toEqual(['catalogue_item', 'contact', 'interaction', 'lead', 'opportunity', 'organisation', 'quotation', 'sales_order', 'sales_settings']);
    for (const kind of recordKinds.filter((k) => k.module === 'crm')) {
      expect(kind.statuses.map((s) => s.id)).toContain(kind.initialStatus);
      for (const t of kind.transitions) for (const s of [...t.from, t.to]) expect(kind.statuses.map((x) => x.id)).toContain(s);
    }
  });

  it('let sales staff and the owner read a lead, not everyone', () => {
    const lead = record('lead', 'L1', 'new', { lastName: 'Doe', ownerId: 'cara' }, { ownerId: 'cara' });
    const scope = scopeOfRecord(leadKind, lead);
    expect(canReadScope(leadKind, sam, scope)).toBe(true);
    expect(canReadScope(leadKind, cara, scope)).toBe(true);
    expect(canReadScope(leadKind, actor('bob'), scope)).toBe(false);
  });

  it('keep the approved supplier list with QA and the procurement manager, not sales', () => {
    const before = record('organisation', 'O1', 'active', parseOk(organisationKind, { name: 'Acme', roles: ['supplier'] }));
    const after = { ...before, data: { ...before.data, supplierApproval: 'approved' } };
    expect(checkRecordWrite({ kind: organisationKind, actor: sam, before, after }).ok).toBe(false);
    expect(checkRecordWrite({ kind: organisationKind, actor: actor('quinn', ['qa_manager']), before, after }).ok).toBe(true);
  });
});

describe('quotations', () => {
  it('refuse a total that is not what the lines add up to', () => {
    expect(parseData(quotationKind, { ...quoteData(), total: { amountMinor: gross + 1, currency: 'EUR' } })).toMatchObject({ ok: false, error: { message: 'The total does not add up to the lines.' } });
    expect(quoteData().total).toEqual({ amountMinor: gross, currency: 'EUR' });
  });

  it('never change their lines once sent', () => {
    const sent = record('quotation', 'Q1', 'sent', quoteData({ sentAt: '2026-02-01T09:00:00.000Z' }));
    const changed = { ...sent, data: { ...sent.data, terms: 'Net 10' } };
    expect(checkRecordWrite({ kind: quotationKind, actor: sam, before: sent, after: changed }).ok).toBe(false);
  });

  it('need approval to send a discount above the threshold in the sales settings (10 % unless changed)', () => {
    const draft = record('quotation', 'Q1', 'draft', quoteData());
    const sent = { ...draft, status: 'sent', data: { ...draft.data, sentAt: '2026-02-01T09:00:00.000Z' } };
    expect(invariant(quotationKind, sent, draft)).toEqual({ message: 'A line is discounted by more than 10 %; ask for approval before sending.', field: 'data.lines' });
    expect(invariant(quotationKind, sent, draft, [settings({ discountApprovalAbovePercent: 20 })])).toBeNull();
    // Approved by the workflow: sending is fine.
    expect(invariant(quotationKind, sent, { ...draft, status: 'approved' })).toBeNull();
  });

  it('move to approved only by the approval workflow', () => {
    const asked = record('quotation', 'Q1', 'in_approval', quoteData());
    const approved = { ...asked, status: 'approved' };
    expect(checkRecordWrite({ kind: quotationKind, actor: mia, before: asked, after: approved }).ok).toBe(false);
    expect(checkRecordWrite({ kind: quotationKind, actor: mia, before: asked, after: approved, hasWorkflowMove: (to) => to === 'approved' }).ok).toBe(true);
  });

  it('chain revisions: v2 revises a sent v1 of the same customer', () => {
    const v1 = { id: 'Q1', kind: 'quotation', status: 'sent', data: { organisationId: 'org1', revision: 1 } };
    expect(revisionProblem({ organisationId: 'org1', revision: 1 }, null)).toBeNull();
    expect(revisionProblem({ organisationId: 'org1', revision: 2, revisionOfId: 'Q1' }, v1)).toBeNull();
    expect(revisionProblem({ organisationId: 'org1', revision: 3, revisionOfId: 'Q1' }, v1)).toBe('This revision must be number 2.');
    expect(revisionProblem({ organisationId: 'org2', revision: 2, revisionOfId: 'Q1' }, v1)).toBe('A revision is for the same customer as the quotation it revises.');
    expect(revisionProblem({ organisationId: 'org1', revision: 2, revisionOfId: 'Q1' }, { ...v1, status: 'draft' })).toMatch(/^Only a quotation that was sent/);
    expect(revisionProblem({ organisationId: 'org1', revision: 2 }, null)).toMatch(/^A first quotation is revision 1/);
  });

  it('start a new revision as the earlier offer without its sending or decision', () => {
    const earlier = quoteData({ sentAt: '2026-02-01T09:00:00.000Z', decidedOn: '2026-02-03', rejectedReason: 'Too dear' });
    const next = nextRevisionData('Q1', earlier as Doc & { organisationId: string; revision: number }, '2026-04-30');
    const { rejectedReason: _reason, ...offer } = quoteData();
    expect(next).toStrictEqual({ ...offer, revision: 2, revisionOfId: 'Q1', validUntil: '2026-04-30' });
  });
});

describe('opportunities and settings', () => {
  const oppData = (stageId: string) => parseOk(opportunityKind, { name: 'Stability', organisationId: 'org1', stageId, probabilityPercent: 50, value: { amountMinor: 1000_00, currency: 'EUR' }, expectedCloseOn: '2026-06-30', ownerId: 'sam' });

  it('keep an opportunity in a stage the pipeline has', () => {
    expect(invariant(opportunityKind, record('opportunity', 'P1', 'open', oppData('proposal')), null)).toBeNull();
    expect(invariant(opportunityKind, record('opportunity', 'P1', 'open', oppData('demo')), null)).toMatchObject({ field: 'data.stageId' });
    const custom = settings({ stages: [{ id: 'demo', label: 'Demo', probabilityPercent: 30 }] });
    expect(invariant(opportunityKind, record('opportunity', 'P1', 'open', oppData('demo')), null, [custom])).toBeNull();
  });

  it('allow one sales settings record, changed only by a sales manager or admin', () => {
    const existing = settings({});
    expect(invariant(salesSettingsKind, { ...existing, id: 'set2' }, null, [existing])).toEqual({ message: 'The sales settings exist already; change those instead.' });
    const after = { ...existing, data: { ...existing.data, discountApprovalAbovePercent: 50 } };
    expect(checkRecordWrite({ kind: salesSettingsKind, actor: sam, before: existing, after }).ok).toBe(false);
    expect(checkRecordWrite({ kind: salesSettingsKind, actor: mia, before: existing, after }).ok).toBe(true);
  });
});
