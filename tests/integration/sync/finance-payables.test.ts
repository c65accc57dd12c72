import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purchaseOrderKind } from '../../../src-shared/equipment/purchase-order-kind';
import { costLinesOfOrders, costLinesOfSupplierInvoices, type OrderForBudget, type SupplierInvoiceForBudget } from '../../../src-shared/finance/committed-costs';
import { supplierInvoiceKind } from '../../../src-shared/finance/supplier-invoice-kind';
import { supplierKind } from '../../../src-shared/equipment/supplier-kind';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { hashPassword } from '../../../sync-server/auth/passwords';
import { baseFields, createTeam, editRow, openTestDatabase, personDoc, pull, push, signIn, startTestServer, team, type TestPerson, type TestServer } from './support/test-server';

/**
 * Purchase-order charges and supplier invoices on the real sync server (PGlite, `app.inject()`):
 * the server runs the kinds' rules and invariants on a push, as the host does — a PC without
 * procurement's role cannot charge an order to a budget, nor charge one to a project that does not
 * exist; a valid charge reaches finance and counts as committed, an approved supplier invoice for it
 * as actual; a supplier invoice for another supplier's order, or marked paid with nothing paid, is refused.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;
const pia: TestPerson = { id: 'P-PIA', name: 'Pia Procurement', email: 'pia@lab.org', roles: ['procurement_manager'], password: 'procurement password 1' };
const fay: TestPerson = { id: 'P-FAY', name: 'Fay Finance', email: 'fay@lab.org', roles: ['finance'], password: 'finance password 1' };
let piaToken: SessionTokens;
let fayToken: SessionTokens;

const row = (kind: { kind: string; version: number }, id: string, by: string, data: Record<string, unknown>, extra: Partial<WireDocument> = {}): WireDocument => ({
  ...baseFields(id, by), kind: kind.kind, kindVersion: kind.version, title: 'Primers, 96-well plate', status: '', number: '', numberState: '',
  parentId: '', personId: '', managerIds: [], ownerId: '', departmentId: '', date: '', _deleted: false, data, ...extra,
});
const orderLine = { id: 'line-1', description: 'Primers, 96-well plate', quantity: 1, unitPriceMinor: 119_000, taxRatePercent: 0, receivedQuantity: 0, isEquipment: false };
const order = (id: string, by: string, data: Record<string, unknown> = {}) => row(purchaseOrderKind, id, by, {
  supplierId: 'SUP-1', projectId: 'PR-PCR', budgetCategory: 'consumables', currency: 'EUR', lines: [orderLine], total: { amountMinor: 119_000, currency: 'EUR' },
  deliveryAddress: '', paymentTerms: '30 days net', notes: '', receipts: [], ...data,
}, { status: 'draft' });
const invoiceLine = { id: 'l1', description: 'Primers, 96-well plate', quantity: 1, unit: 'each', unitPriceMinor: 100_000, discountPercent: 0, taxRatePercent: 0 };
const supplierInvoice = (id: string, data: Record<string, unknown> = {}) => row(supplierInvoiceKind, id, fay.id, {
  supplierId: 'SUP-1', purchaseOrderId: 'PO-OK', supplierReference: 'BZ-1', invoiceDate: '2027-03-20', dueOn: '2027-04-19', currency: 'EUR', lines: [invoiceLine], taxRounding: 'per_line',
  total: { amountMinor: 100_000, currency: 'EUR' }, projectId: 'PR-PCR', budgetCategory: 'consumables', notes: '', ...data,
}, { status: 'received', parentId: String(data.supplierId ?? 'SUP-1'), date: '2027-04-19' });
/** A PC's change of a pushed record (status, and data merged), with the audit entry it names. */
const next = (doc: WireDocument, status: string, data: Record<string, unknown> = {}) => editRow(doc, { status, data: { ...(doc.data as Record<string, unknown>), ...data }, updatedAt: '2027-03-21T09:00:00.000Z' }, String(doc.createdBy));
const pulled = async (token: SessionTokens) => (await pull(server, token.accessToken, 'records', null, 1000)).documents.filter((d) => !d._deleted);

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
  for (const person of [pia, fay]) expect((await push(server, tokens.admin.accessToken, 'people', [{ newDocumentState: personDoc(person, await hashPassword(person.password)) }])).refused).toEqual([]);
  piaToken = await signIn(server, pia);
  fayToken = await signIn(server, fay);
  const project = { ...baseFields('PR-PCR', team.member.id), code: 'PCR-2027', name: 'PCR assay', description: '', status: 'active', isArchived: false, ownerId: team.member.id, teamIds: [], tags: [], _deleted: false };
  expect((await push(server, tokens.member.accessToken, 'projects', [{ newDocumentState: project }])).refused).toEqual([]);
  for (const id of ['SUP-1', 'SUP-2']) {
    const supplier = row(supplierKind, id, pia.id, { name: id === 'SUP-1' ? 'Biozym' : 'Qiagen', contactName: '', email: '', phone: '', address: '', vatNumber: '', scope: '', notes: '' }, { status: 'prospective', title: id });
    expect((await push(server, piaToken.accessToken, 'records', [{ newDocumentState: supplier }])).refused).toEqual([]);
  }
});
afterAll(async () => server?.close());

describe('purchase-order charges pushed to the sync server', () => {
  it('refuses a charge from a PC without procurement’s role, or to a project that does not exist', async () => {
    const byMember = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: order('PO-MAX', team.member.id) }]);
    expect(byMember.refused).toEqual([expect.objectContaining({ id: 'PO-MAX' })]);
    const noProject = await push(server, piaToken.accessToken, 'records', [{ newDocumentState: order('PO-GHOST', pia.id, { projectId: 'PR-NONE' }) }]);
    expect(noProject.refused).toEqual([expect.objectContaining({ id: 'PO-GHOST', message: expect.stringContaining('project to charge no longer exists') })]);
    const noCategory = await push(server, piaToken.accessToken, 'records', [{ newDocumentState: order('PO-NOCAT', pia.id, { budgetCategory: undefined }) }]);
    expect(noCategory.refused).toEqual([expect.objectContaining({ id: 'PO-NOCAT' })]);
  });

  it('takes a valid charge, which reaches finance and counts as committed; an approved supplier invoice for it then counts as actual', async () => {
    const draft = order('PO-OK', pia.id);
    expect((await push(server, piaToken.accessToken, 'records', [{ newDocumentState: draft }])).refused).toEqual([]);
    expect((await push(server, piaToken.accessToken, 'records', [next(draft, 'sent', { sentAt: '2027-03-05T09:00:00.000Z' })])).refused).toEqual([]);
    const orders = (await pulled(fayToken)).filter((d) => d.kind === 'purchase_order') as unknown as OrderForBudget[];
    expect(costLinesOfOrders(orders)).toEqual([{ holder: 'PR-PCR|2027', category: 'consumables', amountMinor: 119_000, currency: 'EUR', state: 'committed', date: '2027-03-05' }]);

    const received = supplierInvoice('SIN-OK');
    expect((await push(server, fayToken.accessToken, 'records', [{ newDocumentState: received }])).refused).toEqual([]);
    expect((await push(server, fayToken.accessToken, 'records', [next(received, 'approved')])).refused).toEqual([]);
    const invoices = (await pulled(fayToken)).filter((d) => d.kind === 'supplier_invoice') as unknown as SupplierInvoiceForBudget[];
    expect(costLinesOfOrders(orders, invoices)).toEqual([expect.objectContaining({ amountMinor: 19_000, state: 'committed' })]);
    expect(costLinesOfSupplierInvoices(invoices)).toEqual([expect.objectContaining({ holder: 'PR-PCR|2027', amountMinor: 100_000, state: 'actual' })]);
    // Supplier invoices are finance's: the project's member never receives them.
    expect((await pulled(tokens.member)).map((d) => d.id)).not.toContain('SIN-OK');
  });

  it('refuses a supplier invoice for another supplier’s order, one marked paid with nothing paid, and one from outside finance', async () => {
    const otherSupplier = await push(server, fayToken.accessToken, 'records', [{ newDocumentState: supplierInvoice('SIN-OTHER', { supplierId: 'SUP-2' }) }]);
    expect(otherSupplier.refused).toEqual([expect.objectContaining({ id: 'SIN-OTHER', message: expect.stringContaining('another supplier') })]);
    const unpaid = supplierInvoice('SIN-PAID', { supplierReference: 'BZ-2' });
    expect((await push(server, fayToken.accessToken, 'records', [{ newDocumentState: unpaid }])).refused).toEqual([]);
    const approved = next(unpaid, 'approved');
    expect((await push(server, fayToken.accessToken, 'records', [approved])).refused).toEqual([]);
    const paidByHand = await push(server, fayToken.accessToken, 'records', [editRow(approved.newDocumentState, { status: 'paid', updatedAt: '2027-03-22T09:00:00.000Z' }, fay.id)]);
    expect(paidByHand.refused).toEqual([expect.objectContaining({ id: 'SIN-PAID', message: expect.stringContaining('not paid in full yet') })]);
    const byPia = await push(server, piaToken.accessToken, 'records', [{ newDocumentState: { ...supplierInvoice('SIN-PIA'), createdBy: pia.id, updatedBy: pia.id } }]);
    expect(byPia.refused).toEqual([expect.objectContaining({ id: 'SIN-PIA' })]);
  });
});
