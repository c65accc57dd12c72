import { sealEntry, writerIdOf, type ChainLink } from '../../src-shared/audit/audit-chain';
import type { AuditEntry } from '../../src-shared/audit/audit-contract';
import type { LabDatabase } from '../database/open-database';
import { pcIdOf } from '../host/pc-identity';
import { createAuditedWriter, type AuditedWriter } from './audited-writer';

/**
 * This PC's side of the audit hash chain (src-shared/audit/audit-chain.ts): every entry written
 * here is sealed into its writer's chain (this PC and the acting person) before it is stored.
 * The head of each chain is read from the database once and then kept; sealing is serialised, so
 * two writes never take the same place even outside the host's write queue.
 */
export interface AuditChainWriter {
  /** This PC's id, the first half of every writer id it seals with. */
  readonly pcId: string;
  /** The entries, in order, each with its place in its writer's chain. Store them in this order. */
  seal(entries: readonly AuditEntry[]): Promise<AuditEntry[]>;
  /** A sealed entry was not stored after all: read the chains' heads from the database again. */
  forget(): void;
}

export function createAuditChainWriter(db: LabDatabase, pcId: string): AuditChainWriter {
  const heads = new Map<string, ChainLink | null>();
  let turn: Promise<unknown> = Promise.resolve();

  const headOf = async (writerId: string): Promise<ChainLink | null> => {
    if (heads.has(writerId)) return heads.get(writerId) ?? null;
    const last = await db.audit.findOne({ selector: { writerId }, sort: [{ seq: 'desc' }] }).exec();
    const link = last ? { seq: Number(last.get('seq')), hash: String(last.get('hash')) } : null;
    heads.set(writerId, link);
    return link;
  };

  return {
    pcId,
    seal(entries) {
      const sealing = turn.then(async () => {
        const sealed: AuditEntry[] = [];
        for (const entry of entries) {
          const writerId = writerIdOf(pcId, entry.actorId);
          const next = sealEntry(entry, writerId, await headOf(writerId));
          heads.set(writerId, { seq: next.seq, hash: next.hash });
          sealed.push(next);
        }
        return sealed;
      });
      turn = sealing.catch(() => undefined);
      return sealing;
    },
    forget: () => heads.clear(),
  };
}

/** This PC's id and an audited writer sealing into its chains: what every host, tool and benchmark writes with. */
export async function openAuditedWriting(db: LabDatabase, newId: () => string): Promise<{ pcId: string; writer: AuditedWriter }> {
  // One PC identity for the audit chain and provisional record numbers (host/pc-identity.ts).
  const pcId = await pcIdOf(db, newId);
  return { pcId, writer: createAuditedWriter(db, newId, createAuditChainWriter(db, pcId)) };
}
