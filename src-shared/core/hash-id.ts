import { sha256, toHex } from './sha256';

/**
 * A deterministic id: `<prefix>-` and 128 bits of the key's SHA-256 (prefix of at most 6 characters
 * keeps it within the 40 characters every stored id may have). The same key gives the same id on
 * every PC and after every restart, so writing it twice collides instead of duplicating.
 */
export function hashId(prefix: string, key: string): string {
  if (!/^[a-z]{1,6}$/.test(prefix)) throw new Error(`Bad id prefix ${prefix}`);
  return `${prefix}-${toHex(sha256(key)).slice(0, 32)}`;
}
