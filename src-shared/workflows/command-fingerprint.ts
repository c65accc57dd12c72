import { fail, ok, type Result } from '../core/result';
import type { WorkflowInstance } from './instance';

/**
 * A client makes each command's id so that a retry (after a lost answer, a reconnect) changes
 * nothing. The same id with a *different* request is a client bug, not a retry: answering it as a
 * success would hide that the second request was never carried out. So the engine remembers, per
 * command id, a fingerprint of what was asked (`WorkflowInstance.commandFingerprints`, filled from
 * the events' `commandFingerprint`), and refuses a mismatch with `command_id_reused`.
 *
 * Histories written before fingerprints existed have none for their ids; a repeat of those is
 * answered as before (a retry), so replaying old histories gives the same state.
 */

/** A command's id with the fingerprint of what it asked; the run stamps both on the events it writes. */
export interface CommandStamp {
  id: string;
  fingerprint: string;
}

/**
 * The stamp of a command of this kind by this person: its fields (the id left out) digested so
 * that key order and `undefined` fields do not matter. None when the command carries no id.
 */
export function stampOf<C extends { commandId?: string }>(kind: string, command: C, actor: { userId: string }): CommandStamp | undefined {
  const { commandId, ...fields } = command;
  if (commandId === undefined) return undefined;
  return { id: commandId, fingerprint: digest(canonicalJson({ kind, actorId: actor.userId, fields })) };
}

export type Repeat = 'new' | 'repeat';

/**
 * Whether a command is new, a retry of one already applied (`repeat`: change nothing), or its id
 * was used before for another request (`command_id_reused`, nothing changes either).
 */
export function checkRepeat(instance: WorkflowInstance, stamp: CommandStamp | undefined): Result<Repeat> {
  if (stamp === undefined || !instance.processedCommandIds.includes(stamp.id)) return ok('new');
  const known = instance.commandFingerprints?.[stamp.id];
  if (known === undefined || known === stamp.fingerprint) return ok('repeat');
  return fail('command_id_reused', 'This command id was already used for a different request, so this one was not carried out. Send it again with a new command id.', {
    field: 'commandId',
  });
}

/** JSON with object keys sorted and `undefined` members left out, so equal requests print alike. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * cyrb53 twice with different seeds: 106 bits, pure (src-shared has no crypto). It tells requests
 * apart for a client's own retries; it is not a security boundary (the id and the actor are).
 */
function digest(text: string): string {
  return cyrb53(text, 0).toString(16).padStart(14, '0') + cyrb53(text, 0x9e3779b9).toString(16).padStart(14, '0');
}

function cyrb53(text: string, seed: number): number {
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
