/**
 * Sortable unique ids (ULID-like: 10 chars of millisecond time + 16 chars of randomness, Crockford base32).
 * Pure: the caller passes the time and the random source, so tests are deterministic.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type RandomBytes = (count: number) => Uint8Array;

export function makeId(nowMs: number, randomBytes: RandomBytes): string {
  let time = '';
  let t = Math.floor(nowMs);
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ALPHABET[(bytes[i] ?? 0) % 32];
  return time + rand;
}

/** Creates an id source that stays strictly increasing within one process even within one millisecond. */
export function createIdSource(clock: () => number, randomBytes: RandomBytes): () => string {
  let last = '';
  return () => {
    let id = makeId(clock(), randomBytes);
    if (id <= last) id = increment(last);
    last = id;
    return id;
  };
}

function increment(id: string): string {
  const chars = id.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    const index = ALPHABET.indexOf(chars[i] ?? '0');
    if (index < 31) {
      chars[i] = ALPHABET[index + 1] ?? '0';
      return chars.join('');
    }
    chars[i] = '0';
  }
  return chars.join('');
}
