import { z } from 'zod';
import { query } from '../bridge/define';
import type { BaseDocument } from '../db/base-fields';
import { auditAreas, type AuditArea, type ReadableChange, type SignatureView } from './audit-readable';

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

/** One entry of the audit trail as a lab person reads it (audit-readable.ts). Times stay ISO UTC; the UI formats them. */
export interface AuditTrailEntryView {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  via?: string;
  /** The command, kept for support and export; `action` is what people read. */
  command: string;
  action: string;
  area: AuditArea | null;
  collectionName: string;
  recordId: string;
  /** The record by its name: "Project ASSAY-7 Assay validation". */
  record: string;
  changes: ReadableChange[];
  /** Signatures the change records, and a refused attempt (wrong password) as one with `isRefused`. */
  signatures: SignatureView[];
}

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'Give the time as an ISO instant in UTC.');

export const auditTrailFilterSchema = z.object({
  personId: z.string().max(100).optional(),
  recordId: z.string().max(100).optional(),
  area: z.enum(Object.keys(auditAreas) as [AuditArea, ...AuditArea[]]).optional(),
  /** Words the record's name or the action contains (case-insensitive). */
  text: z.string().max(200).optional(),
  /** Only entries that record a signature or a refused attempt. */
  isSignaturesOnly: z.boolean().optional(),
  /** From this instant (inclusive) to that one (exclusive): the UI sends the person's local days as UTC instants. */
  fromAt: instant.optional(),
  toAt: instant.optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type AuditTrailFilter = z.infer<typeof auditTrailFilterSchema>;

export const auditContract = {
  'audit/list': query<AuditEntry[]>()(z.object({ recordId: z.string().optional(), limit: z.number().int().min(1).max(500).default(100) })),
  /** Administrators only (`forbidden` otherwise): the newest entries that match the filter, readable. */
  'audit/trail': query<{ entries: AuditTrailEntryView[]; isTruncated: boolean }>()(auditTrailFilterSchema),
};
