import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { createKeyFileSecretStore } from '../../../src-main/security/secret-store';
import { openEquipmentWorld, PASSWORD, type EquipmentWorld } from '../equipment/equipment-world';
import { eventually, fastTuning } from '../notifications/support';
import { startSmtpReceiver } from '../notifications/receivers';
import { connectTestClient } from '../support/test-client';
import { tempDataDir } from '../support/sqlite-host';
import { value } from '../tasks/project-fixture';

/** A sent quotation reaches the customer through a real SMTP server on loopback, its PDF attached. */
const closers: Array<() => Promise<unknown> | unknown> = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('quotation email', { timeout: 240_000 }, () => {
  it('goes to the customer’s contact with the quotation PDF attached', async () => {
    const smtp = await startSmtpReceiver();
    closers.push(smtp.close);
    const dir = tempDataDir();
    const world: EquipmentWorld = await openEquipmentWorld('2026-05-04T09:00:00.000Z', { platform: { secretStore: createKeyFileSecretStore(dir), monotonic: () => performance.now(), notifications: fastTuning } }, dir);
    closers.push(world.close);
    value(await world.admin.call('notifications/set-email-settings', { host: '127.0.0.1', port: smtp.port, tlsMode: 'none', user: 'labflow', password: 'smtp-secret-42', from: 'sales@lab.org', fromName: 'LabFlow Sales', appUrl: 'https://labflow.lab.org' }));
    const samId = value(await world.admin.call<{ id: string }>('people/create', { name: 'Sam Sales', email: 'sam@lab.org', password: PASSWORD, roles: ['sales'] })).id;
    const sam = connectTestClient(world.host);
    closers.push(() => sam.close());
    value(await sam.call('auth/sign-in', { email: 'sam@lab.org', password: PASSWORD }));

    const organisation = value(await sam.call<RecordView>('records/create', { kind: 'organisation', data: { name: 'Kemi AB', roles: ['customer'], email: 'info@kemi.example' } }));
    const contact = value(await sam.call<RecordView>('records/create', { kind: 'contact', data: { organisationId: organisation.id, firstName: 'Sara', lastName: 'Lind', email: 'sara.lind@kemi.example' } }));
    const lines = [{ id: 'l1', description: 'Method transfer, HPLC assay', quantity: 1, unit: 'each', unitPriceMinor: 2_000_000, discountPercent: 0, taxRatePercent: 19 }];
    const quotation = value(await sam.call<RecordView>('records/create', {
      kind: 'quotation',
      data: { organisationId: organisation.id, contactId: contact.id, ownerId: samId, currency: 'EUR', lines, total: { amountMinor: quotationTotals(lines, 'per_line').grossMinor, currency: 'EUR' }, validUntil: '2026-06-03' },
    }));
    value(await sam.call('crm/quotations/send', { id: quotation.id }));

    const mail = await eventually(async () => smtp.mails.find((m) => m.to.includes('sara.lind@kemi.example')), 60_000);
    expect(mail.from).toBe('sales@lab.org');
    expect(mail.raw).toMatch(/^Subject: Quotation QUO-2026-0001$/m);
    expect(mail.raw).toMatch(/^To: Sara Lind <sara\.lind@kemi\.example>$/m);
    expect(mail.raw).toMatch(/Content-Type: application\/pdf; name="?Quotation-QUO-2026-0001\.pdf"?/);
    expect(mail.raw).toMatch(/Content-Disposition: attachment; filename="?Quotation-QUO-2026-0001\.pdf"?/);
    // The attachment is the PDF itself (base64 of "%PDF-" begins "JVBERi0").
    expect(mail.raw).toContain('JVBERi0');
    expect(smtp.mails.filter((m) => m.to.includes('info@kemi.example'))).toEqual([]);
  });
});
