import { fail, ok, type Result } from '../core/result';

/**
 * Where a webhook may be sent. Lab systems on the local network and on this PC are legitimate
 * targets, so private and loopback addresses are allowed; what is refused is what lets a webhook
 * read cloud credentials or reach a machine's link-local services: 169.254.0.0/16 (cloud metadata
 * at 169.254.169.254), fe80::/10, the IPv6 metadata endpoints, the metadata host names, and the
 * unspecified addresses. The host's resolved address is checked again at delivery time.
 */

const METADATA_HOSTS = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.com',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
  'metadata.platformequinix.com',
]);

/** Alibaba Cloud's metadata service lives outside link-local space. */
const FORBIDDEN_V4 = new Set(['100.100.100.200']);

export function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

/** The eight 16-bit groups of an IPv6 address (with an embedded IPv4 tail), or null. */
export function parseIpv6(text: string): number[] | null {
  let address = text.replace(/^\[|\]$/g, '').toLowerCase();
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  if (!address.includes(':')) return null;
  const tailV4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (tailV4?.[1]) {
    const v4 = parseIpv4(tailV4[1]);
    if (!v4) return null;
    address = address.slice(0, -tailV4[1].length) + `${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const toGroups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = toGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? toGroups(halves[1] ?? '') : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const numbers = groups.map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  return numbers.every((n) => !Number.isNaN(n)) ? numbers : null;
}

function isForbiddenV4(bytes: number[]): boolean {
  const [a, b] = bytes;
  return a === 0 || (a === 169 && b === 254) || FORBIDDEN_V4.has(bytes.join('.'));
}

/** True for an address a webhook must never be sent to. Non-addresses are not forbidden here (they are host names). */
export function isForbiddenAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4) return isForbiddenV4(v4);
  const v6 = parseIpv6(address);
  if (!v6) return false;
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = v6;
  if (v6.every((g) => g === 0)) return true; // ::
  if ((g0 & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if (g0 === 0xfd00 && g1 === 0x0ec2 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && g6 === 0 && g7 === 0x254) return true; // AWS IMDS over IPv6
  const isMappedV4 = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && (g5 === 0xffff || g5 === 0);
  const isNat64 = g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0;
  if ((isMappedV4 && (g6 !== 0 || g7 > 1)) || isNat64) return isForbiddenV4([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]);
  return false;
}

export const isMetadataHost = (hostname: string): boolean => METADATA_HOSTS.has(hostname.toLowerCase().replace(/\.+$/, ''));

export interface WebhookTarget {
  url: string;
  protocol: 'http:' | 'https:';
  hostname: string;
}

/**
 * Checks a webhook address as written: http or https only, no user name or password in it, and not
 * a forbidden host or literal address. The URL parser normalises odd IPv4 spellings
 * (`http://2852039166/`, `http://0xa9.0xfe.0xa9.0xfe/`) before the check.
 */
export function checkWebhookUrl(raw: string): Result<WebhookTarget> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail('invalid_input', 'Enter a full address starting with https:// or http://.', { field: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('invalid_input', 'Webhooks can only be sent over http or https.', { field: 'url' });
  if (url.username || url.password) return fail('invalid_input', 'Put credentials in the signing secret, not in the address.', { field: 'url' });
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  if (!hostname) return fail('invalid_input', 'The address has no host.', { field: 'url' });
  if (isMetadataHost(hostname) || isForbiddenAddress(hostname)) {
    return fail('invalid_input', 'This address points at a link-local or cloud-metadata service, which webhooks may not reach.', { field: 'url' });
  }
  return ok({ url: url.toString(), protocol: url.protocol, hostname });
}
