import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openAuditedWriting } from '../../../src-main/audit/audit-chain-writer';
import { openDatabase } from '../../../src-main/database/open-database';
import { pcIdOf } from '../../../src-main/host/pc-identity';
import { createLabStorage } from '../../../src-main/host/lab-storage';
import { createIdSource } from '../../../src-shared/core/ids';
import { tempDataDir } from '../support/sqlite-host';

/**
 * A PC has one identity, kept in its data folder: the writer ids of its audit chains and its
 * provisional record numbers both name it, and neither may replace the other's (they once kept
 * different fields of one local document, so numbering a record gave the PC a new audit writer).
 */
describe('this PC’s identity', () => {
  it('is the same for the audit chain and record numbers, across restarts', async () => {
    const dataDir = tempDataDir();
    const newId = createIdSource(() => Date.now(), (n) => randomBytes(n));
    const open = async () => {
      const { storage, location } = createLabStorage(dataDir);
      const opened = await openDatabase(storage, location);
      if (!opened.ok) throw new Error(opened.error.message);
      return opened.value;
    };
    let db = await open();
    const { pcId } = await openAuditedWriting(db, newId);
    expect(await pcIdOf(db, newId)).toBe(pcId);
    await db.close();
    db = await open();
    try {
      expect((await openAuditedWriting(db, newId)).pcId).toBe(pcId);
      expect(await pcIdOf(db, newId)).toBe(pcId);
    } finally {
      await db.close();
    }
  });
});
