import { canonicalJson } from '../core/canonical-json';
import { fail, ok, type Result } from '../core/result';
import { hashText } from '../core/text-hash';
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
  return { id: commandId, fingerprint: hashText(canonicalJson({ kind, actorId: actor.userId, fields })) };
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
