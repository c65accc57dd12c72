import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionTokens } from '../../../src-shared/sync/protocol';
import { createTeam, editRow, leaveRecord, openTestDatabase, pull, push, startTestServer, team, type TestServer } from './support/test-server';

/**
 * CRM's cross-record rules on the real sync server, judged on the server's own documents: "merge
 * keeps links" — a pushed merged organisation is retired only once nothing is filed under it any
 * more, only into a live organisation, only by a sales manager or administrator, and only once —
 * and the sales settings cannot remove a stage open opportunities are in.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
});
afterAll(async () => server?.close());

type Wire = Parameters<typeof editRow>[0];
const record = (id: string, kind: string, data: Record<string, unknown>, fields: Record<string, unknown> = {}): Wire => ({
  ...leaveRecord(id, team.admin.id, { kind, title: String(data.name ?? data.lastName), status: 'active', personId: '', date: '', ...fields }),
  data,
});
const organisation = (id: string, name: string) => record(id, 'organisation', { name, roles: ['customer'] });
const contact = (id: string, organisationId: string) => record(id, 'contact', { organisationId, lastName: `Contact ${id}` }, { parentId: organisationId });
const stored = async (id: string) => (await pull(server, tokens.admin.accessToken, 'records', null, 1000)).documents.find((d) => d.id === id)!;
const refusals = async (token: string, row: ReturnType<typeof editRow>) => (await push(server, token, 'records', [row])).refused.map((r) => r.message);
const merging = async (id: string, into: string, by = team.admin.id) => {
  const before = await stored(id);
  return editRow(before, { status: 'merged', data: { ...(before.data as object), mergedIntoId: into } }, by);
};

describe('sales settings pushed to the sync server', () => {
  it('refuses removing a stage open opportunities are in, counting them on the server’s own records', async () => {
    const opportunity = (id: string, stageId: string) =>
      record(id, 'opportunity', { name: `Opportunity ${id}`, organisationId: 'ORG-S', stageId, probabilityPercent: 50, value: { amountMinor: 100_000, currency: 'EUR' }, expectedCloseOn: '2026-12-31', ownerId: team.admin.id }, { status: 'open', parentId: 'ORG-S', ownerId: team.admin.id });
    expect((await push(server, tokens.admin.accessToken, 'records', [organisation('ORG-S', 'Stage Labs'), opportunity('OPP-1', 'proposal'), opportunity('OPP-2', 'proposal'), opportunity('OPP-3', 'negotiation')].map((d) => ({ newDocumentState: d })))).refused).toEqual([]);
    const stages = [{ id: 'qualification', label: 'Qualification', probabilityPercent: 10 }, { id: 'needs_analysis', label: 'Needs analysis', probabilityPercent: 25 }, { id: 'negotiation', label: 'Negotiation', probabilityPercent: 75 }];
    const settings = record('SET-1', 'sales_settings', { scope: 'crm', stages }, { parentId: 'crm', title: 'Sales settings' });
    // A first save is judged against the defaults, which have Proposal.
    expect((await push(server, tokens.admin.accessToken, 'records', [{ newDocumentState: settings }])).refused).toEqual([
      expect.objectContaining({ id: 'SET-1', message: '2 open opportunities are in Proposal. Move them to another stage, or close them, before removing the stage.' }),
    ]);
    // Keeping every stage is fine; then removing Negotiation is refused too, until its opportunity moved.
    const all = [...stages.slice(0, 2), { id: 'proposal', label: 'Proposal', probabilityPercent: 50 }, stages[2]!];
    expect((await push(server, tokens.admin.accessToken, 'records', [{ newDocumentState: { ...settings, data: { scope: 'crm', stages: all } } }])).refused).toEqual([]);
    const saved = await stored('SET-1');
    const withoutNegotiation = editRow(saved, { data: { scope: 'crm', stages: all.slice(0, 3) } }, team.admin.id);
    expect(await refusals(tokens.admin.accessToken, withoutNegotiation)).toEqual(['1 open opportunity is in Negotiation. Move it to another stage, or close it, before removing the stage.']);
    const opp = await stored('OPP-3');
    expect(await refusals(tokens.admin.accessToken, editRow(opp, { data: { ...(opp.data as object), stageId: 'proposal' } }, team.admin.id))).toEqual([]);
    expect(await refusals(tokens.admin.accessToken, withoutNegotiation)).toEqual([]);
  });
});

describe('an organisation merge pushed to the sync server', () => {
  it('refuses retiring a duplicate whose records have not moved, into itself, into nothing, by the wrong person, twice', async () => {
    const created = await push(server, tokens.admin.accessToken, 'records', [organisation('ORG-KEEP', 'Acme Labs GmbH'), organisation('ORG-DUPE', 'ACME Labs'), contact('C-1', 'ORG-DUPE'), contact('C-2', 'ORG-DUPE')].map((d) => ({ newDocumentState: d })));
    expect(created.refused).toEqual([]);

    // Records still filed under the duplicate: refused, naming what is left.
    expect(await refusals(tokens.admin.accessToken, await merging('ORG-DUPE', 'ORG-KEEP'))).toEqual(['ACME Labs still has 2 contacts. Move them to the organisation it is merged into first (CRM → Possible duplicates → Merge does).']);
    expect(await refusals(tokens.admin.accessToken, await merging('ORG-DUPE', 'ORG-DUPE'))).toEqual(['An organisation cannot be merged into itself.']);
    expect(await refusals(tokens.admin.accessToken, await merging('ORG-DUPE', 'C-1'))).toEqual(['Merge into a live organisation that was not merged itself.']);
    // Someone outside sales management cannot retire an organisation at all.
    expect(await refusals(tokens.member.accessToken, await merging('ORG-DUPE', 'ORG-KEEP', team.member.id))).toEqual([expect.stringContaining('Only')]);
    // A pointer without the merge is refused too.
    const dupe = await stored('ORG-DUPE');
    expect(await refusals(tokens.admin.accessToken, editRow(dupe, { data: { ...(dupe.data as object), mergedIntoId: 'ORG-KEEP' } }, team.admin.id))).toEqual(['Only merging an organisation names the one it was merged into.']);

    // The contacts moved first (as the host's merge pushes them), then the duplicate is retired.
    for (const id of ['C-1', 'C-2']) {
      const c = await stored(id);
      expect(await refusals(tokens.admin.accessToken, editRow(c, { parentId: 'ORG-KEEP', data: { ...(c.data as object), organisationId: 'ORG-KEEP' } }, team.admin.id))).toEqual([]);
    }
    expect(await refusals(tokens.admin.accessToken, await merging('ORG-DUPE', 'ORG-KEEP'))).toEqual([]);
    expect(await stored('ORG-DUPE')).toMatchObject({ status: 'merged', data: { mergedIntoId: 'ORG-KEEP' } });
    expect((await stored('C-1')).parentId).toBe('ORG-KEEP');

    // Merged is final: no pointing elsewhere, no reviving.
    const merged = await stored('ORG-DUPE');
    expect(await refusals(tokens.admin.accessToken, editRow(merged, { data: { ...(merged.data as object), mergedIntoId: 'ORG-OTHER' } }, team.admin.id))).toEqual([expect.stringContaining('can no longer be changed')]);
    expect(await refusals(tokens.admin.accessToken, editRow(merged, { status: 'active' }, team.admin.id))).toEqual([expect.stringContaining('cannot go from Merged to Active')]);
  });

  it('has a merge into an organisation the server has not seen yet wait for it rather than refuse it', async () => {
    expect((await push(server, tokens.admin.accessToken, 'records', [{ newDocumentState: organisation('ORG-LONE', 'Lone Labs') }])).refused).toEqual([]);
    const early = await merging('ORG-LONE', 'ORG-NOT-YET');
    expect(await push(server, tokens.admin.accessToken, 'records', [early])).toMatchObject({ refused: [], waiting: ['ORG-LONE'] });
    expect((await stored('ORG-LONE')).status).toBe('active');
    // Once the survivor is there, the same push is taken.
    expect((await push(server, tokens.admin.accessToken, 'records', [{ newDocumentState: organisation('ORG-NOT-YET', 'Lone Laboratories') }])).refused).toEqual([]);
    expect(await push(server, tokens.admin.accessToken, 'records', [early])).toMatchObject({ refused: [], waiting: [] });
    expect(await stored('ORG-LONE')).toMatchObject({ status: 'merged', data: { mergedIntoId: 'ORG-NOT-YET' } });
  });
});
