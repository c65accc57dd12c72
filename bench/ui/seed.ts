// The UI benchmark's seeding entry (not part of the product): writes projects with thousands of
// tasks straight into a stopped serve-mode data folder through src-main's database code, which is
// far faster than thousands of commands. Runs in its own process (RxDB allows 13 open collections
// per process).
//   node --import tsx bench/ui/seed.ts <dataDir> <adminEmail> '<ProjectSpec[] as JSON>'
// Prints one JSON line: the seeded projects.
import { openDatabase } from '../../src-main/database/open-database';
import { createLabStorage } from '../../src-main/host/lab-storage';
import { buildProject, type ProjectSpec } from './seed-data';

const [dataDir, adminEmail, specsJson] = process.argv.slice(2);
if (!dataDir || !adminEmail || !specsJson) throw new Error('usage: seed <dataDir> <adminEmail> <specs JSON>');
const specs = JSON.parse(specsJson) as ProjectSpec[];

const { storage, location } = createLabStorage(dataDir);
const opened = await openDatabase(storage, location);
if (!opened.ok) throw new Error(opened.error.message);
const db = opened.value;
const people = (await db.people.find({ selector: { kind: 'person' } }).exec()).map((d) => d.toJSON() as { id: string; email: string });
const admin = people.find((p) => p.email === adminEmail);
if (!admin) throw new Error(`nobody with ${adminEmail}`);

const now = new Date();
const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
const seeded = [];
for (const [i, spec] of specs.entries()) {
  const built = buildProject(spec, people.map((p) => p.id), admin.id, today, 1000 + i);
  await db.projects.insert(built.project);
  for (let at = 0; at < built.tasks.length; at += 1000) {
    const result = await db.tasks.bulkInsert(built.tasks.slice(at, at + 1000));
    if (result.error.length > 0) throw new Error(`task insert failed: ${JSON.stringify(result.error[0]).slice(0, 500)}`);
  }
  if (built.milestones.length > 0) await db.plan_items.bulkInsert(built.milestones);
  seeded.push(built.summary);
}
await db.close();
console.log(JSON.stringify(seeded));
