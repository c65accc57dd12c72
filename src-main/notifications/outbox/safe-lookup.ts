import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isForbiddenAddress, isMetadataHost } from '../../../src-shared/notifications/webhook-address';

type Callback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type Resolve = (hostname: string, options: LookupOptions & { all: true }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const refused = (message: string): NodeJS.ErrnoException => Object.assign(new Error(message), { code: 'EFORBIDDENADDRESS' });

/**
 * A DNS lookup for webhook requests that refuses forbidden addresses (webhook-address.ts). It is
 * passed to http.request as `lookup`, so the address checked is the address connected to — a host
 * name that resolves to a metadata address, or is re-pointed there between a check and the
 * connection (DNS rebinding), is refused either way.
 */
export function createSafeLookup(resolve: Resolve = dnsLookup as unknown as Resolve) {
  return (hostname: string, options: LookupOptions, callback: Callback): void => {
    if (isMetadataHost(hostname)) return callback(refused(`${hostname} is a cloud-metadata host; webhooks may not reach it.`), '');
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const bad = addresses.find((a) => isForbiddenAddress(a.address));
      if (bad) return callback(refused(`${hostname} resolves to ${bad.address}, a link-local or cloud-metadata address; webhooks may not reach it.`), '');
      if (addresses.length === 0) return callback(refused(`${hostname} has no address.`), '');
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
