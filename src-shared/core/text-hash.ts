/**
 * A fast string hash for telling copies and requests apart, shared by the sync digest
 * (sync/digest.ts) and the workflow engine's command fingerprints. Pure; not for security.
 */

/** cyrb53 (a public-domain 53-bit string hash): fast and well spread; not for security. */
export function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * 106 bits of hash as 28 hex digits. A digest only tells copies apart (a PC can fool nobody but
 * itself with a collision), so a fast hash fits where SHA-256 over every document would not.
 */
export const hashText = (text: string): string => cyrb53(text, 1).toString(16).padStart(14, '0') + cyrb53(text, 2).toString(16).padStart(14, '0');
