import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostUtcOffsetMinutes } from '../../../src-main/scheduler/rules/local-time';
import { labDayOf } from '../../../src-shared/crm/quotation-expiry';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import { issueSetupToken } from '../../../sync-server/auth/bootstrap';
import { tempDataDir } from '../support/sqlite-host';
import { startDesktop, type Desktop } from './support/desktop-driver';
import { syncStatus, upToDate } from './support/two-desktops';
import { openTestDatabase, pull, signIn, startTestServer, type TestServer } from './support/test-server';
import { waitUntil } from './support/wait';

/**
 * A quotation expired by a team PC's scheduler, end to end (a desktop in its own process, a real
 * sync server): the PC's clock runs on past the last valid day while the server's does not, so the
 * expiry — written as LabFlow itself and sent with the PC's account — waits; once the server's clock
 * agrees, it is taken with its audit entry, and nothing was refused or rolled back on the PC.
 */
const DAY_MS = 86_400_000;
const admin = { name: 'Ada Admin', email: 'ada@lab.org', password: 'long enough password 1' };
const lines = [{ id: 'l1', description: 'Stability study, 12 batches', unit: 'batch', quantity: 12, unitPriceMinor: 90_000, discountPercent: 0, taxRatePercent: 19 }];

let serverOffsetMs = 0;
let server: TestServer;
let pc: Desktop;
let adaId = '';
const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), listen: true, services: { clock: () => new Date(Date.now() + serverOffsetMs) } });
  pc = await startDesktop(tempDataDir(), { LABFLOW_SYNC_RETRY_MS: '300' });
  must(await pc.call('auth/create-administrator', admin));
  must(await pc.call('sync/connect', { serverUrl: server.url, ...admin, setupToken: (await issueSetupToken(server.db))! }));
  await upToDate(pc, 60_000);
  adaId = (await pc.find<{ id: string }>('people', { email: admin.email }))[0]?.id ?? '';
}, 120_000);
afterAll(async () => {
  await pc?.close();
  await server?.close();
});

describe('LabFlow’s own transition made on a team PC', () => {
  it('waits for the server’s clock, then reaches the server with its audit entry', async () => {
    const organisation = must(await pc.call<{ id: string }>('records/create', { kind: 'organisation', data: { name: 'Kemi AB', roles: ['customer'], email: 'orders@kemi.example' } }));
    // Valid through tomorrow: still valid in every zone on the server's clock (records/labflow-writes.ts).
    const validUntil = labDayOf(new Date(Date.now() + DAY_MS), hostUtcOffsetMinutes());
    const quotation = must(await pc.call<{ id: string }>('records/create', {
      kind: 'quotation',
      data: { organisationId: organisation.id, ownerId: adaId, currency: 'EUR', lines, total: { amountMinor: quotationTotals(lines, 'per_line').grossMinor, currency: 'EUR' }, validUntil },
    }));
    must(await pc.call('crm/quotations/send', { id: quotation.id }));
    await upToDate(pc, 60_000);

    // The PC runs on through three nights; the server's clock does not.
    await pc.advanceClock(3 * DAY_MS);
    expect((await pc.find<{ status: string; updatedBy: string }>('records', { id: quotation.id }))[0]).toMatchObject({ status: 'expired', updatedBy: 'system' });
    await waitUntil(async () => (await syncStatus(pc)).waiting.some((w) => w.waitsFor === 'server'), 'the expiry waiting for the server', 60_000);
    // Signed in afresh each time: the server's clock moves on below, past the access token's life.
    const onServer = async (collection: string) => (await pull(server, (await signIn(server, admin)).accessToken, collection, null, 1000)).documents;
    expect((await onServer('records')).find((d) => d.id === quotation.id)?.status).toBe('sent');

    // The server's day turns too; the next change of the PC's records offers the waiting expiry again.
    serverOffsetMs = 3 * DAY_MS;
    // Three days idle locked Ada's window; she signs in again and records a new customer.
    must(await pc.call('auth/sign-in', { email: admin.email, password: admin.password }));
    must(await pc.call('records/create', { kind: 'organisation', data: { name: 'Nordlab Oy', roles: ['customer'], email: 'info@nordlab.example' } }));
    await waitUntil(async () => (await onServer('records')).find((d) => d.id === quotation.id)?.status === 'expired', 'the expiry on the server', 90_000);
    await waitUntil(async () => (await onServer('audit')).some((e) => e.recordId === quotation.id && e.actorId === 'system'), 'the expiry’s audit entry on the server', 90_000);
    const status = await upToDate(pc, 90_000);
    expect(status.refused).toEqual([]);
    expect(status.waiting).toEqual([]);
    expect((await pc.find<{ status: string }>('records', { id: quotation.id }))[0]?.status).toBe('expired');
  }, 240_000);
});
