// The meetings benchmark's seeding entry (not part of the product): writes one-off meetings straight
// into a stopped serve-mode data folder through src-main's database code, far faster than commands.
//   node --import tsx bench/meetings/seed.ts <dataDir> <adminEmail> <count> <fromIso> <toIso>
import { openDatabase } from '../../src-main/database/open-database';
import { createLabStorage } from '../../src-main/host/lab-storage';
import { benchMeetings } from './bench-data';

const [dataDir, adminEmail, countText, fromIso, toIso] = process.argv.slice(2);
if (!dataDir || !adminEmail || !countText || !fromIso || !toIso) throw new Error('usage: seed <dataDir> <adminEmail> <count> <from> <to>');
const { storage, location } = createLabStorage(dataDir);
const opened = await openDatabase(storage, location);
if (!opened.ok) throw new Error(opened.error.message);
const db = opened.value;
const people = (await db.people.find({ selector: { kind: 'person' } }).exec()).map((d) => d.toJSON() as { id: string; email: string; name: string });
const admin = people.find((p) => p.email === adminEmail);
if (!admin) throw new Error(`nobody with ${adminEmail}`);
const docs = benchMeetings(Number(countText), Date.parse(fromIso), Date.parse(toIso), admin, people);
for (let at = 0; at < docs.length; at += 1000) {
  const result = await db.meetings.bulkInsert(docs.slice(at, at + 1000));
  if (result.error.length > 0) throw new Error(`meeting insert failed: ${JSON.stringify(result.error[0]).slice(0, 500)}`);
}
await db.close();
console.log(JSON.stringify({ meetings: docs.length }));
