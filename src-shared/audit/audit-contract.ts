import { z } from 'zod';
import { query } from '../bridge/define';
import type { BaseDocument } from '../db/base-fields';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** Append-only: who changed what, when (UTC), through which command. Never updated or deleted. */
export interface AuditEntry extends BaseDocument {
  at: string;
  actorId: string;
  actorName: string;
  command: string;
  /** The channel the command came through when not the app itself, e.g. `API token “ERP export”`. */
  via?: string;
  collectionName: string;
  recordId: string;
  operation: 'insert' | 'update' | 'delete';
  changes: FieldChange[];
  /** The record as the command left it, so a change interrupted by a crash can be completed on start. */
  after: Record<string, unknown>;
  /**
   * The writer's hash chain (audit-chain.ts): `<pcId>:<personId>`, the place in that chain, the hash
   * of the entry before and this entry's own. Empty `writerId` on entries from before the chain.
   */
  writerId?: string;
  seq?: number;
  prevHash?: string;
  hash?: string;
}

export const auditContract = {
  'audit/list': query<AuditEntry[]>()(z.object({ recordId: z.string().optional(), limit: z.number().int().min(1).max(500).default(100) })),
};
