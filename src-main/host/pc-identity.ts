import type { LabDatabase } from '../database/open-database';

const KEY = 'pc-identity';

/**
 * This PC's own id, made once and kept in a local document (never replicated): it tells this PC's
 * provisional record numbers apart from other PCs', and names this PC in the writer id of every
 * audit entry it seals (audit/audit-chain-writer.ts). `newId` makes it the first time.
 */
export async function pcIdOf(db: LabDatabase, newId: () => string): Promise<string> {
  const doc = await db.getLocal<{ id: string }>(KEY);
  const existing = doc?.get('id');
  if (typeof existing === 'string' && existing) return existing;
  const id = newId();
  await db.upsertLocal(KEY, { id });
  return id;
}
