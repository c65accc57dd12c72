// The records benchmark's seeding entry (not part of the product): writes records straight into a
// stopped serve-mode data folder through src-main's database code, far faster than 100,000
// commands. Runs in its own process (RxDB allows 13 open collections per process).
//   node --import tsx bench/records/seed-records.ts <dataDir> '<SeedPlan as JSON>'
// Prints one JSON line: how many records of each kind were written, and the people they name (in
// the order the generator picked from).
import { openDatabase } from '../../src-main/database/open-database';
import { createLabStorage } from '../../src-main/host/lab-storage';
import { recordBatches, type SeedPlan } from './record-data';

const [dataDir, planJson] = process.argv.slice(2);
if (!dataDir || !planJson) throw new Error('usage: seed-records <dataDir> <plan JSON>');
const plan = JSON.parse(planJson) as SeedPlan;

const { storage, location } = createLabStorage(dataDir);
const opened = await openDatabase(storage, location);
if (!opened.ok) throw new Error(opened.error.message);
const db = opened.value;
const people = (await db.people.find({ selector: { kind: 'person' } }).exec()).map((d) => d.id);
const written: Record<string, number> = {};
for (const batch of recordBatches(plan, people, 2000)) {
  const result = await db.records.bulkInsert(batch);
  if (result.error.length > 0) throw new Error(`record insert failed: ${JSON.stringify(result.error[0]).slice(0, 500)}`);
  for (const doc of batch) written[doc.kind] = (written[doc.kind] ?? 0) + 1;
}
await db.close();
console.log(JSON.stringify({ written, peopleIds: people }));
