import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditTrailEntryView } from '../../../src-shared/audit/audit-contract';
import type { InstanceSummaryView } from '../../../src-shared/workflows/workflow-contract';
import { cid, expectOk, openLab, password, publishTemplate, type Client } from '../workflows/workflow-fixtures';

type Lab = Awaited<ReturnType<typeof openLab>>;
type Trail = { entries: AuditTrailEntryView[]; isTruncated: boolean };

/**
 * The readable audit trail through the host: signatures (who, when, meaning, what) and refused
 * attempts are in it, names instead of ids, filters, and only administrators read it.
 */
describe('the audit trail a lab person reads', () => {
  let lab: Lab;
  let head: Client;
  let instanceId = '';
  beforeAll(async () => {
    lab = await openLab();
    await publishTemplate(lab.admin, 'EQUIPMENT_PROCUREMENT');
    const buyer = await lab.as('buyer');
    head = await lab.as('head');
    const started = expectOk(await buyer.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'EQUIPMENT_PROCUREMENT', entityType: 'procurement', entityId: 'EQ-A1' }));
    instanceId = started.id;
    expectOk(await buyer.call('workflows/instances/advance', { commandId: cid(), instanceId, action: 'complete' }));
    const approve = (signaturePassword: string) =>
      head.call('workflows/instances/advance', { commandId: cid(), instanceId, action: 'approve', data: { approved_amount: 900 }, signature: { password: signaturePassword, meaning: 'approved' } });
    expect(await approve('wrong guess')).toMatchObject({ ok: false, error: { code: 'signature_invalid' } });
    expectOk(await approve(password));
  });
  afterAll(async () => {
    await lab.close();
  });

  const trail = async (client: Client, input: Record<string, unknown> = {}) => client.subscribe('audit/trail', input).next<Trail>();

  it('keeps the refused attempt and shows the signature with who, when, meaning and what was signed', async () => {
    const refusals = await lab.host.db.activity.find({ selector: { kind: 'signature_refused', subjectId: instanceId } }).exec();
    expect(refusals.map((d) => d.get('personId'))).toEqual([lab.ids.head]);
    expect(JSON.stringify(refusals[0]?.toJSON())).not.toContain('wrong guess');

    const { entries } = expectOk(await trail(lab.admin, { isSignaturesOnly: true }));
    const refused = entries.find((e) => e.signatures.some((s) => s.isRefused));
    expect(refused).toMatchObject({ actorName: 'Hana Head', action: 'Signature refused: wrong password', signatures: [{ meaning: 'approved', what: expect.stringContaining('Manager Approval'), isRefused: true }] });
    const signed = entries.find((e) => e.signatures.some((s) => !s.isRefused));
    expect(signed).toMatchObject({ actorName: 'Hana Head', action: 'Acted on a workflow step', record: 'Equipment Procurement Workflow for EQ-A1' });
    expect(signed?.signatures[0]).toMatchObject({ signerName: 'Hana Head', meaning: 'approved', what: 'Manager Approval (Equipment Procurement Workflow)', signedAt: expect.stringMatching(/^\d{4}-/) });
    // The raw step counter is book-keeping, not a change people read.
    expect(signed?.changes.map((c) => c.field)).not.toContain('Event count');
  });

  it('names people instead of showing their ids, and filters by person, area, words and dates', async () => {
    const all = expectOk(await trail(lab.admin));
    const added = all.entries.find((e) => e.command === 'people/create' && e.record === 'Person Hana Head');
    expect(added).toMatchObject({ action: 'Added a person', actorName: expect.any(String) });
    expect(JSON.stringify(all.entries.map((e) => e.changes))).not.toContain(lab.ids.head as string);

    const byHead = expectOk(await trail(lab.admin, { personId: lab.ids.head }));
    expect(byHead.entries.length).toBeGreaterThan(0);
    expect(new Set(byHead.entries.map((e) => e.actorId))).toEqual(new Set([lab.ids.head]));

    const people = expectOk(await trail(lab.admin, { area: 'people' }));
    expect(people.entries.every((e) => e.area === 'people')).toBe(true);
    expect(expectOk(await trail(lab.admin, { text: 'hana head' })).entries.length).toBeGreaterThan(0);

    const future = expectOk(await trail(lab.admin, { fromAt: '2999-01-01T00:00:00.000Z' }));
    expect(future.entries).toEqual([]);
    const limited = expectOk(await trail(lab.admin, { limit: 2 }));
    expect(limited).toMatchObject({ isTruncated: true });
    expect(limited.entries).toHaveLength(2);
  });

  it('refuses people who are not administrators, and bad filters with a typed error', async () => {
    expect(await trail(head)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const bad of [{ fromAt: 'yesterday' }, { limit: 0 }, { area: 'everything' }, { personId: 42 }, { text: 'x'.repeat(201) }]) {
      expect(await trail(lab.admin, bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});
