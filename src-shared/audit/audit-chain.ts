import { sha256Hex } from '../core/sha256';
import { redactForSync } from '../sync/redaction';
import { syncCollections } from '../sync/collections';

/**
 * The audit log's tamper evidence (DESIGN.md §5): the entries each writer — one person on one PC —
 * makes form a hash chain. Each entry carries its writer, its place in the writer's chain (`seq`,
 * from 0), the hash of the entry before it (`prevHash`, '' for the first) and its own `hash`: the
 * SHA-256 of its canonical serialisation. Changing, removing or inserting an entry breaks the chain
 * at that entry. Pure: the host seals entries as it writes them, the sync server checks each pushed
 * entry, `npm run labflow -- audit verify` checks a whole log.
 *
 * The hash covers the entry as it leaves the PC (redaction.ts: password hashes taken out of the
 * record copy), so the server and every other PC can check it; RxDB's bookkeeping fields are left
 * out. Entries written before the chain existed have an empty `writerId` and are reported as such.
 */

export interface ChainFields {
  /** `<pcId>:<personId>`: who wrote the entry, on which PC. */
  writerId: string;
  seq: number;
  prevHash: string;
  hash: string;
}

export interface ChainLink {
  seq: number;
  hash: string;
}

type Entry = Record<string, unknown>;

const WRITER_SEPARATOR = ':';
const NOT_HASHED = new Set(['hash', '_rev', '_meta', '_attachments', '_deleted']);
const auditCollection = syncCollections.find((c) => c.name === 'audit');

export const writerIdOf = (pcId: string, personId: string): string => `${pcId}${WRITER_SEPARATOR}${personId}`;

/** The person a writer id names (what follows the PC id), or '' for a malformed one. */
export function personOfWriter(writerId: string): string {
  const at = writerId.indexOf(WRITER_SEPARATOR);
  return at > 0 ? writerId.slice(at + 1) : '';
}

/** The PC a writer id names, or '' for a malformed one. */
export function pcOfWriter(writerId: string): string {
  const at = writerId.indexOf(WRITER_SEPARATOR);
  return at > 0 ? writerId.slice(0, at) : '';
}

/**
 * JSON with object keys sorted at every depth and undefined values left out, so the same entry
 * serialises the same way however it was stored (PostgreSQL's jsonb reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Entry;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/** The entry as every PC and the server see it: redacted for sync, without RxDB's fields and its own hash. */
function hashedPart(entry: Entry): Entry {
  const shared = auditCollection ? redactForSync(auditCollection, entry, syncCollections) : entry;
  return Object.fromEntries(Object.entries(shared).filter(([key]) => !NOT_HASHED.has(key)));
}

/** The hash an entry must carry. */
export const entryHash = (entry: Entry): string => sha256Hex(canonicalJson(hashedPart(entry)));

/** The entry with its place in `writerId`'s chain, after `previous` (null for the writer's first entry). */
export function sealEntry<T extends object>(entry: T, writerId: string, previous: ChainLink | null): T & ChainFields {
  const linked = { ...entry, writerId, seq: previous ? previous.seq + 1 : 0, prevHash: previous?.hash ?? '' };
  return { ...linked, hash: entryHash(linked as unknown as Entry) };
}

/** Why an entry does not fit its chain, or null when it does. `previous` is the writer's entry before it, when known. */
export function chainProblem(entry: Entry, previous: ChainLink | null): string | null {
  const { writerId, seq, prevHash, hash } = entry;
  if (typeof writerId !== 'string' || !personOfWriter(writerId) || !pcOfWriter(writerId)) return 'it names no writer';
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) return 'its place in the chain is not a whole number';
  if (typeof prevHash !== 'string' || typeof hash !== 'string') return 'it carries no hash';
  if (hash !== entryHash(entry)) return 'its content does not match its hash';
  if (seq === 0 && prevHash !== '') return 'the first entry of a chain follows nothing';
  if (previous && (previous.seq !== seq - 1 || previous.hash !== prevHash)) return 'it does not follow the entry before it in the chain';
  return null;
}

export interface ChainReport {
  writerId: string;
  entries: number;
  /** The first entry that breaks the chain, with why; absent when the chain is whole. */
  firstBad?: { id: string; seq: number; problem: string };
}

export interface LogReport {
  chains: ChainReport[];
  /** Entries written before the chain existed: nothing to check them against. */
  unchained: number;
  isIntact: boolean;
}

/**
 * Checks a whole audit log: each writer's entries must run 0, 1, 2 … without a gap or a repeat,
 * each carrying the hash of the one before and a hash of its own content. Reports the first bad
 * entry of each broken chain.
 */
export function verifyLog(entries: readonly object[]): LogReport {
  const byWriter = new Map<string, Entry[]>();
  let unchained = 0;
  for (const entry of entries as readonly Entry[]) {
    const writerId = typeof entry.writerId === 'string' ? entry.writerId : '';
    if (writerId === '') {
      unchained++;
      continue;
    }
    byWriter.set(writerId, [...(byWriter.get(writerId) ?? []), entry]);
  }
  const chains: ChainReport[] = [];
  for (const [writerId, all] of [...byWriter].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const sorted = [...all].sort((a, b) => Number(a.seq) - Number(b.seq) || String(a.id).localeCompare(String(b.id)));
    let previous: ChainLink | null = null;
    let firstBad: ChainReport['firstBad'];
    for (const [index, entry] of sorted.entries()) {
      const problem = Number(entry.seq) !== index ? (Number(entry.seq) < index ? 'another entry holds its place in the chain' : `entry ${index} of the chain is missing`) : chainProblem(entry, previous);
      if (problem) {
        firstBad = { id: String(entry.id), seq: Number(entry.seq), problem };
        break;
      }
      previous = { seq: Number(entry.seq), hash: String(entry.hash) };
    }
    chains.push({ writerId, entries: sorted.length, ...(firstBad ? { firstBad } : {}) });
  }
  return { chains, unchained, isIntact: chains.every((c) => !c.firstBad) };
}
