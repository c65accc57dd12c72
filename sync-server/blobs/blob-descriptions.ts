import type { SqlClient } from '../db/sql-database';

/**
 * The attachment documents naming each of these files (deleted ones too: a removed file's bytes
 * stay for the audit trail). The blob endpoint decides with them who may read or send a file.
 */
export async function attachmentsByHash(db: SqlClient, hashes: readonly string[]): Promise<Map<string, Record<string, unknown>[]>> {
  const found = new Map<string, Record<string, unknown>[]>(hashes.map((h) => [h, []]));
  if (hashes.length === 0) return found;
  // Spelled as in migration 007's index expression, so the planner uses it.
  const { rows } = await db.query<{ data: Record<string, unknown> | string }>(
    `SELECT data FROM documents WHERE collection = 'activity' AND data->>'kind' = 'attachment' AND (data->'data'->>'sha256') = ANY($1::text[])`,
    [[...hashes]],
  );
  for (const row of rows) {
    const doc = typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data;
    const sha256 = String((doc.data as Record<string, unknown> | undefined)?.sha256 ?? '');
    found.get(sha256)?.push(doc);
  }
  return found;
}
