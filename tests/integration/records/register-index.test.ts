import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type LabDatabase } from '../../../src-main/database/open-database';
import { createLabStorage } from '../../../src-main/host/lab-storage';
import { createRegisterIndex } from '../../../src-main/records/register-index';
import { purchaseRequestKind } from '../../../src-shared/equipment/purchase-request-kind';
import { leaveRequestKind } from '../../../src-shared/hr/leave-request-kind';
import type { RecordDocument } from '../../../src-shared/records/record-document';
import type { RecordActor } from '../../../src-shared/records/who';
// The benchmark's generator: valid, deterministic records of both kinds, columns derived by the kind.
import { recordBatches } from '../../../bench/records/record-data';
import { tempDataDir } from '../support/sqlite-host';

/**
 * The register index on a real SQLite file: filled in one pass over more records than one page of
 * the fill (1,000), every kind at once, while writes keep arriving; what it holds must be exactly
 * what the database holds, and each reader gets only the rows their scope allows.
 */
let dataDir: string;
let db: LabDatabase;
const people = ['person-a', 'person-b', 'person-c'];
const everyone: RecordActor = { id: 'person-a', roles: ['member'], isActive: true, managedIds: [] };
const hr: RecordActor = { id: 'person-hr', roles: ['hr'], isActive: true, managedIds: [] };
let written: RecordDocument[] = [];

beforeAll(async () => {
  dataDir = tempDataDir();
  const opened = await openDatabase(createLabStorage(dataDir).storage, dataDir);
  if (!opened.ok) throw new Error(opened.error.message);
  db = opened.value;
  for (const batch of recordBatches({ purchaseRequests: 2_300, leaveRequests: 200 }, people, 500)) {
    await db.records.bulkInsert(batch);
    written = written.concat(batch);
  }
});
afterAll(async () => {
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();
const idsOf = (kind: string) => ids(written.filter((d) => d.kind === kind));

describe('register index', () => {
  it('holds every record of every kind after one fill, each reader seeing what their scope allows', async () => {
    const index = createRegisterIndex(db);
    try {
      index.warm();
      const purchases = await index.of(purchaseRequestKind);
      const leave = await index.of(leaveRequestKind);
      expect(ids(index.readable(purchases, purchaseRequestKind, everyone))).toEqual(idsOf('purchase_request'));
      expect(ids(index.readable(leave, leaveRequestKind, hr))).toEqual(idsOf('leave_request'));
      // Leave is HR's and the person's own: person-a reads theirs only.
      const own = written.filter((d) => d.kind === 'leave_request' && d.personId === 'person-a');
      expect(own.length).toBeGreaterThan(0);
      expect(ids(index.readable(leave, leaveRequestKind, everyone))).toEqual(ids(own));
      expect(index.readable(purchases, purchaseRequestKind, { ...everyone, isActive: false })).toEqual([]);
    } finally {
      index.dispose();
    }
  });

  it('keeps writes made while it fills: a change wins over the page read before it, a removal stays removed', async () => {
    const last = written.filter((d) => d.kind === 'purchase_request').at(-1) as RecordDocument;
    const removed = written.filter((d) => d.kind === 'purchase_request').at(-2) as RecordDocument;
    // The first record the fill reads: its page may be in flight while the write lands.
    const first = [...written].sort((a, b) => (a.id < b.id ? -1 : 1))[0] as RecordDocument;
    const index = createRegisterIndex(db);
    try {
      index.warm();
      // The writes land while the pages are being read: on the first page and on the last.
      await (await db.records.findOne(first.id).exec())?.incrementalPatch({ title: 'Renamed first' });
      const doc = await db.records.findOne(last.id).exec();
      await doc?.incrementalPatch({ title: 'Renamed while the register filled', status: 'cancelled' });
      await (await db.records.findOne(removed.id).exec())?.remove();
      const purchases = await index.of(purchaseRequestKind);
      const rows = index.readable(purchases, purchaseRequestKind, everyone);
      expect(rows.find((r) => r.id === last.id)).toMatchObject({ title: 'Renamed while the register filled', status: 'cancelled' });
      expect(rows.some((r) => r.id === removed.id)).toBe(false);
      if (first.kind === 'purchase_request') expect(rows.find((r) => r.id === first.id)?.title).toBe('Renamed first');
      else expect(index.readable(await index.of(leaveRequestKind), leaveRequestKind, hr).find((r) => r.id === first.id)?.title).toBe('Renamed first');
      expect(rows).toHaveLength(idsOf('purchase_request').length - 1);
      // A fresh fill reads the same from the database (removed records are not read back).
      const again = createRegisterIndex(db);
      const fresh = again.readable(await again.of(purchaseRequestKind), purchaseRequestKind, everyone);
      again.dispose();
      expect(ids(fresh)).toEqual(ids(rows));
    } finally {
      index.dispose();
    }
  });

  it('sorts and filters from the filled index', async () => {
    const index = createRegisterIndex(db);
    try {
      const purchases = await index.of(purchaseRequestKind);
      const matching = index.matching(purchases, purchaseRequestKind, everyone, { text: 'centrifuge', filters: [], sort: { field: 'number', direction: 'asc' } });
      expect(matching.length).toBeGreaterThan(0);
      expect(matching.every((r) => r.title.toLowerCase().includes('centrifuge'))).toBe(true);
      const numbers = matching.map((r) => r.number);
      expect(numbers).toEqual([...numbers].sort());
    } finally {
      index.dispose();
    }
  });
});
