// Writes a task into a stopped serve-mode data folder, as the tasks feature will once it exists:
// `node --import tsx tests/e2e/support/seed-task.ts <dataDir> <assignee email> <title> <YYYY-MM-DD>`.
// Runs in its own process because RxDB allows only 13 open collections per process.
import { openDatabase } from '../../../src-main/database/open-database';
import { createLabStorage } from '../../../src-main/host/lab-storage';

const [dataDir, email, title, dueDate] = process.argv.slice(2);
if (!dataDir || !email || !title || !dueDate) throw new Error('usage: seed-task <dataDir> <email> <title> <dueDate>');
const { storage, location } = createLabStorage(dataDir);
const opened = await openDatabase(storage, location);
if (!opened.ok) throw new Error(opened.error.message);
const db = opened.value;
const person = await db.people.findOne({ selector: { kind: 'person', email } }).exec();
if (!person) throw new Error(`nobody with ${email}`);
const at = new Date().toISOString();
await db.tasks.insert({
  id: `T${Date.now()}`, createdAt: at, updatedAt: at, createdBy: 'seed', updatedBy: 'seed', auditId: 'seed',
  projectId: 'P-SEED', title, status: 'todo', assigneeId: person.id, dueDate, kanbanRank: 'm',
});
await db.close();
console.log('seeded');
