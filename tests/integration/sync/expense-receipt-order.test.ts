import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireDocument } from '../../../src-shared/sync/protocol';
import { issueSetupToken } from '../../../sync-server/auth/bootstrap';
import { tempDataDir } from '../support/sqlite-host';
import { startDesktop, type Desktop } from './support/desktop-driver';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { upToDate } from './support/two-desktops';
import { openTestDatabase, pull, signIn, startTestServer, type TestServer } from './support/test-server';
import { waitUntil } from './support/wait';

/**
 * A claim and its receipt made on a PC while the network is down, pushed by the real replication
 * through a real sync server once it is back. The receipt is an attachment of the claim, so its
 * entry goes after the claim (collections.ts `pushAfter`), while the claim's line already names it:
 * the server takes the draft before its receipt arrives, then the receipt, and neither is refused,
 * rolled back on the PC, or left behind.
 */
const password = 'long enough password 1';
const admin = { name: 'Ada Admin', email: 'ada@lab.org', password };

let server: TestServer;
let proxy: TcpProxy;
let pc: Desktop;
let adaId = '';
const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), listen: true });
  proxy = await startTcpProxy(Number(new URL(server.url).port));
  pc = await startDesktop(tempDataDir(), { LABFLOW_SYNC_RETRY_MS: '300' });
  must(await pc.call('auth/create-administrator', admin));
  must(await pc.call('sync/connect', { serverUrl: proxy.url, ...admin, setupToken: (await issueSetupToken(server.db))! }));
  await upToDate(pc, 60_000);
  adaId = (await pc.find<{ id: string }>('people', { email: admin.email }))[0]?.id ?? '';
}, 120_000);
afterAll(async () => {
  await pc?.close();
  await proxy?.close();
  await server?.close();
});

describe('an expense claim with its receipt, made offline', () => {
  it('reaches the server whole: the draft naming its receipt, and the receipt', async () => {
    const line = { id: 'l1', date: '2026-03-02', category: 'accommodation', description: 'Hotel, two nights', amountMinor: 19_000, currency: 'EUR', costCentre: 'QC' };
    const data = (receiptAttachmentId?: string) => ({
      personId: adaId, purpose: 'Audit visit in Berlin', lines: [{ ...line, ...(receiptAttachmentId ? { receiptAttachmentId } : {}) }], total: { amountMinor: 19_000, currency: 'EUR' },
    });
    const claim = must(await pc.call<{ id: string }>('records/create', { kind: 'expense_claim', data: data() }));
    await upToDate(pc, 60_000);
    await proxy.cut();
    const file = join(pc.dataDir, 'hotel.pdf');
    writeFileSync(file, '%PDF-1.4 hotel receipt');
    const sent = await pc.upload(file);
    expect(sent.status).toBe(201);
    const receipt = must(await pc.call<{ id: string }>('attachments/add', { subjectType: 'records', subjectId: claim.id, uploadId: sent.body.uploadId, name: 'hotel.pdf', mediaType: 'application/pdf' }));
    must(await pc.call('records/update', { id: claim.id, data: data(receipt.id) }));

    await proxy.restore();
    const token = (await signIn(server, admin)).accessToken;
    const onServer = async (collection: string, id: string) => (await pull(server, token, collection, null, 1000)).documents.find((d) => d.id === id && !d._deleted);
    const named = (doc: WireDocument | undefined) => (doc?.data as { lines?: { receiptAttachmentId?: string }[] } | undefined)?.lines?.[0]?.receiptAttachmentId;
    await waitUntil(async () => named(await onServer('records', claim.id)) === receipt.id && (await onServer('activity', receipt.id)) !== undefined, 'the claim and its receipt on the server', 30_000);
    const status = await upToDate(pc, 60_000);
    expect(status.refused).toEqual([]);
    // Nothing was refused and taken back on the PC: the claim still names its receipt there.
    const local = (await pc.find<{ data: { lines: { receiptAttachmentId?: string }[] } }>('records', { id: claim.id }))[0];
    expect(local?.data.lines[0]?.receiptAttachmentId).toBe(receipt.id);
  }, 120_000);

  // RxDB retries the first push (the claim as created) until the network is back, while the edit
  // waits behind it; the edit then goes with the right base (src-main/sync/sent-versions.ts).
  it('keeps an edit made offline right after creating the claim', async () => {
    await proxy.cut();
    const line = { id: 'l1', date: '2026-03-04', category: 'travel', description: 'Train to Hamburg', amountMinor: 8_900, currency: 'EUR', costCentre: 'QC' };
    const claim = must(await pc.call<{ id: string }>('records/create', { kind: 'expense_claim', data: { personId: adaId, purpose: 'Supplier audit', lines: [line], total: { amountMinor: 8_900, currency: 'EUR' } } }));
    must(await pc.call('records/update', { id: claim.id, data: { personId: adaId, purpose: 'Supplier audit in Hamburg', lines: [{ ...line, amountMinor: 9_400 }], total: { amountMinor: 9_400, currency: 'EUR' } } }));

    await proxy.restore();
    const token = (await signIn(server, admin)).accessToken;
    const onServer = async () => (await pull(server, token, 'records', null, 1000)).documents.find((d) => d.id === claim.id && !d._deleted);
    await waitUntil(async () => (await onServer())?.data !== undefined, 'the claim on the server', 30_000);
    const status = await upToDate(pc, 60_000);
    expect(status.refused).toEqual([]);
    expect((await onServer())?.data).toMatchObject({ purpose: 'Supplier audit in Hamburg', total: { amountMinor: 9_400 } });
    const local = (await pc.find<{ data: { purpose: string } }>('records', { id: claim.id }))[0];
    expect(local?.data.purpose).toBe('Supplier audit in Hamburg');
    // The person's own edit is not a conflict with their own creation: nothing recorded as lost.
    const activity = (await pull(server, token, 'activity', null, 1000)).documents;
    expect(activity.filter((d) => d.subjectId === claim.id && (d.data as { kind?: string } | undefined)?.kind === 'conflict')).toEqual([]);
  }, 120_000);

  it('reaches the server submitted when it was created, receipted and submitted offline', async () => {
    must(await pc.call('workflows/definitions/create', { commandId: 'c-define-claims', source: { kind: 'template', templateCode: 'EXPENSE_CLAIM' } }));
    must(await pc.call('workflows/definitions/publish', { commandId: 'c-publish-claims', code: 'EXPENSE_CLAIM' }));
    await upToDate(pc, 60_000);
    await proxy.cut();
    const line = { id: 'l1', date: '2026-03-05', category: 'accommodation', description: 'Hotel, one night', amountMinor: 11_000, currency: 'EUR', costCentre: 'QC' };
    const data = (receiptAttachmentId?: string) => ({
      personId: adaId, purpose: 'Training course', lines: [{ ...line, ...(receiptAttachmentId ? { receiptAttachmentId } : {}) }], total: { amountMinor: 11_000, currency: 'EUR' },
    });
    const claim = must(await pc.call<{ id: string }>('records/create', { kind: 'expense_claim', data: data() }));
    const file = join(pc.dataDir, 'hotel-2.pdf');
    writeFileSync(file, '%PDF-1.4 hotel receipt two');
    const sent = await pc.upload(file);
    const receipt = must(await pc.call<{ id: string }>('attachments/add', { subjectType: 'records', subjectId: claim.id, uploadId: sent.body.uploadId, name: 'hotel-2.pdf', mediaType: 'application/pdf' }));
    must(await pc.call('records/update', { id: claim.id, data: data(receipt.id) }));
    const run = must(await pc.call<{ id: string }>('workflows/instances/start', { commandId: `c-${claim.id}-start`, code: 'EXPENSE_CLAIM', entityType: 'expense_claim', entityId: claim.id }));
    must(await pc.call('workflows/instances/advance', { commandId: `c-${claim.id}-submit`, instanceId: run.id, action: 'complete', data: { receipts_complete: true } }));
    expect((await pc.find<{ status: string }>('records', { id: claim.id }))[0]?.status).toBe('submitted');

    await proxy.restore();
    const token = (await signIn(server, admin)).accessToken;
    const onServer = async () => (await pull(server, token, 'records', null, 1000)).documents.find((d) => d.id === claim.id && !d._deleted);
    await waitUntil(async () => (await onServer())?.status === 'submitted', 'the submitted claim on the server', 30_000);
    const status = await upToDate(pc, 60_000);
    expect(status.refused).toEqual([]);
    expect((await pc.find<{ status: string }>('records', { id: claim.id }))[0]?.status).toBe('submitted');
    // "Waiting for you: Submit claim" was settled when Ada submitted: read on the server too, not refused as a system change.
    const notices = (await pull(server, token, 'notifications', null, 1000)).documents.filter((d) => d.event === 'workflow_step_entered' && String((d.data as { key?: string }).key).includes(run.id));
    expect(notices.map((n) => [(n.data as { subject: string }).subject, n.isRead])).toContainEqual(['Waiting for you: Submit claim with receipts (Expense Claim)', true]);
  }, 120_000);
});
