/**
 * Child process of the crash test: writes batches through the SQLite storage as fast as it can
 * and prints each batch number to stdout once bulkWrite() has resolved (the acknowledgement).
 * The parent kills it with SIGKILL at a random moment.
 *
 *   node --import tsx tests/integration/storage/crash-writer.ts <directory> <firstBatch>
 *
 * Each batch inserts CRASH_BATCH_SIZE documents `b<batch>-<i>` and, in the same bulkWrite, updates the
 * `counter` document to the batch number, so the parent can check that a batch is all or nothing.
 */
import { createRevision } from 'rxdb';
import type { RxDocumentData } from 'rxdb';
import { CRASH_BATCH_SIZE, createProjectsInstance, projectDoc, sqliteStorage } from './storage-fixtures';
import type { Project } from './storage-fixtures';

const [directory, firstBatchArg] = process.argv.slice(2);
if (!directory || firstBatchArg === undefined) throw new Error('usage: crash-writer <directory> <firstBatch>');

const instance = await createProjectsInstance(sqliteStorage(directory), 'crash');
const [existing] = await instance.findDocumentsById(['counter'], true);
let counter: RxDocumentData<Project> | undefined = existing;
// Pipes are written synchronously on Linux, so a printed line reaches the parent even if we are
// killed right after.
process.stdout.write('ready\n');

for (let batch = Number(firstBatchArg); ; batch++) {
  const rows: { document: RxDocumentData<Project>; previous?: RxDocumentData<Project> }[] = [];
  for (let i = 0; i < CRASH_BATCH_SIZE; i++) {
    // Every few batches a large document, so the WAL grows and auto-checkpoints happen mid-run.
    const name = batch % 7 === 0 && i === 0 ? 'x'.repeat(20_000) : `Batch ${batch} item ${i}`;
    rows.push({ document: projectDoc(`b${batch}-${i}`, { name, priority: i }) });
  }
  const next = projectDoc('counter', { priority: batch % 100, name: String(batch) }, { rev: counter ? createRevision('crash', counter) : '1-crash' });
  rows.push(counter ? { previous: counter, document: next } : { document: next });
  const result = await instance.bulkWrite(rows, 'crash-writer');
  if (result.error.length > 0) throw new Error(`batch ${batch} failed: ${JSON.stringify(result.error[0])}`);
  counter = next;
  process.stdout.write(`${batch}\n`);
}
