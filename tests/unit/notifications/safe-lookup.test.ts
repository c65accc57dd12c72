import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { createSafeLookup, type Resolve } from '../../../src-main/notifications/outbox/safe-lookup';

const resolving = (addresses: LookupAddress[]): Resolve => (_host, _options, callback) => callback(null, addresses);

function lookup(resolve: Resolve, hostname: string, all = false) {
  return new Promise<{ error: Error | null; address: unknown }>((done) => createSafeLookup(resolve)(hostname, { all }, (error, address) => done({ error, address })));
}

describe('webhook DNS lookup', () => {
  it('passes ordinary addresses through, one or all', async () => {
    expect(await lookup(resolving([{ address: '10.0.0.5', family: 4 }]), 'lims.lab.org')).toEqual({ error: null, address: '10.0.0.5' });
    expect((await lookup(resolving([{ address: '10.0.0.5', family: 4 }, { address: '2001:db8::5', family: 6 }]), 'lims.lab.org', true)).address).toHaveLength(2);
  });

  it('refuses a name that resolves to a link-local or metadata address, even among good ones (DNS rebinding)', async () => {
    const result = await lookup(resolving([{ address: '10.0.0.5', family: 4 }, { address: '169.254.169.254', family: 4 }]), 'rebind.attacker.example');
    expect(result.error?.message).toContain('169.254.169.254');
    expect((await lookup(resolving([{ address: 'fe80::1', family: 6 }]), 'x.example')).error).not.toBeNull();
  });

  it('refuses metadata host names without asking DNS', async () => {
    let isAsked = false;
    const result = await lookup((_h, _o, cb) => ((isAsked = true), cb(null, [])), 'metadata.google.internal');
    expect(result.error?.message).toContain('metadata');
    expect(isAsked).toBe(false);
  });
});
