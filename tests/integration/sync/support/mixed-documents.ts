import type { SqlDatabase } from '../../../../sync-server/db/sql-database';

/**
 * A lab's server content for a new PC to pull (issue 19 item 9): projects, milestones, tasks and
 * comments in the mix below, written straight into the server's table with valid documents of
 * each collection's schema, so a first sync can be measured (bench:sync) and checked
 * (first-sync.test.ts) on the same data.
 */
const at = '2026-01-05T09:00:00.000Z';

/** The mix a lab's server holds: per 100 documents. */
export const FIRST_SYNC_MIX = { projects: 2, plan_items: 8, tasks: 55, activity: 35 } as const;

/** The counts of each collection for `total` documents in the mix (the rounding goes to tasks). */
export function mixOf(total: number): Record<keyof typeof FIRST_SYNC_MIX, number> {
  const projects = Math.max(1, Math.round((total * FIRST_SYNC_MIX.projects) / 100));
  const planItems = Math.round((total * FIRST_SYNC_MIX.plan_items) / 100);
  const activity = Math.round((total * FIRST_SYNC_MIX.activity) / 100);
  return { projects, plan_items: planItems, activity, tasks: total - projects - planItems - activity };
}

/**
 * Adds documents straight into the server's table (loading is not what is measured), numbered
 * from `from` so a second call adds more; tasks spread over the projects, comments over the tasks.
 */
export async function seedMixedDocuments(db: SqlDatabase, counts: Record<keyof typeof FIRST_SYNC_MIX, number>, from: Record<keyof typeof FIRST_SYNC_MIX, number>): Promise<void> {
  const projectsTotal = from.projects + counts.projects;
  const tasksTotal = from.tasks + counts.tasks;
  const base = `'createdAt', $3::text, 'updatedAt', $3::text, 'createdBy', 'bench', 'updatedBy', 'bench', 'auditId', ''`;
  const id = (prefix: string, expr = 'g') => `'${prefix}' || lpad((${expr})::text, 7, '0')`;
  const insert = async (collection: string, count: number, start: number, fields: string) => {
    if (count <= 0) return;
    await db.query(
      `INSERT INTO documents (collection, id, seq, deleted, data)
       SELECT $1, ${id(collection.slice(0, 2).toUpperCase())}, nextval('document_seq'), false,
              jsonb_build_object('id', ${id(collection.slice(0, 2).toUpperCase())}, ${base}, ${fields})
         FROM generate_series($2::int, $4::int) AS g`,
      [collection, start + 1, at, start + count],
    );
  };
  // Collections interleave in seq order as they would on a live server: seeded in slices of 5,000.
  const slices = Math.max(1, Math.ceil((counts.tasks + counts.activity) / 5000));
  const part = (key: keyof typeof FIRST_SYNC_MIX, i: number) => {
    const size = Math.ceil(counts[key] / slices);
    const start = from[key] + i * size;
    return { start, count: Math.max(0, Math.min(size, from[key] + counts[key] - start)) };
  };
  for (let i = 0; i < slices; i++) {
    const p = part('projects', i);
    await insert('projects', p.count, p.start, `'code', 'P' || g, 'name', 'Project ' || g, 'status', 'active', 'isArchived', false, 'teamIds', '[]'::jsonb`);
    const m = part('plan_items', i);
    await insert('plan_items', m.count, m.start, `'kind', 'milestone', ${projectOf(projectsTotal)}, 'title', 'Milestone ' || g, 'dueDate', '2026-06-30'`);
    const t = part('tasks', i);
    await insert('tasks', t.count, t.start, `${projectOf(projectsTotal)}, 'title', 'Sample preparation step ' || g, 'description', 'Prepare the samples as the protocol says, record the batch and the balance used.', 'status', 'todo', 'priority', 'normal', 'progress', 0, 'kanbanRank', lpad(g::text, 8, '0'), 'startDate', '2026-03-02', 'dueDate', '2026-04-15'`);
    const a = part('activity', i);
    await insert('activity', a.count, a.start, `'kind', 'comment', 'subjectType', 'tasks', 'subjectId', ${id('TA', `1 + g % ${tasksTotal}`)}, ${projectOf(projectsTotal)}, 'personId', 'bench', 'at', $3::text, 'data', jsonb_build_object('text', 'Checked the calibration of the balance before weighing, all within tolerance. ' || g)`);
  }
  await db.query('ANALYZE documents');
}

const projectOf = (projects: number) => `'projectId', 'PR' || lpad((1 + g % ${projects})::text, 7, '0')`;
