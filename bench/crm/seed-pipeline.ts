// The CRM benchmark's seeding entry (not part of the product): writes customers and open
// opportunities straight into a stopped serve-mode data folder through src-main's database code,
// far faster than thousands of commands. Runs in its own process (RxDB allows 13 open collections
// per process).
//   node --import tsx bench/crm/seed-pipeline.ts <dataDir> <count>
// Prints one JSON line: how many records of each kind were written.
import { openDatabase } from '../../src-main/database/open-database';
import { createLabStorage } from '../../src-main/host/lab-storage';
import { pipelineDocuments } from './pipeline-data';

const [dataDir, countText] = process.argv.slice(2);
if (!dataDir || !countText) throw new Error('usage: seed-pipeline <dataDir> <count>');

const { storage, location } = createLabStorage(dataDir);
const opened = await openDatabase(storage, location);
if (!opened.ok) throw new Error(opened.error.message);
const db = opened.value;
const people = (await db.people.find({ selector: { kind: 'person' } }).exec()).map((d) => d.id);
const documents = pipelineDocuments(Number(countText), people);
const written: Record<string, number> = {};
for (let at = 0; at < documents.length; at += 1000) {
  const batch = documents.slice(at, at + 1000);
  const result = await db.records.bulkInsert(batch);
  if (result.error.length > 0) throw new Error(`record insert failed: ${JSON.stringify(result.error[0]).slice(0, 500)}`);
  for (const doc of batch) written[doc.kind] = (written[doc.kind] ?? 0) + 1;
}
await db.close();
console.log(JSON.stringify({ written }));
