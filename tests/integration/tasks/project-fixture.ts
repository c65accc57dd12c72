import type { Host } from '../../../src-main/host/create-host';
import type { Result } from '../../../src-shared/core/result';
import type { ProjectDocument } from '../../../src-shared/projects/project-contract';
import type { Task } from '../../../src-shared/tasks/task-model';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';

export type Client = ReturnType<typeof connectTestClient>;

/** A clock the test moves by hand (timers, "today"). Starts on a Monday morning, UTC. */
export function handClock(startIso = '2026-03-02T09:00:00.000Z') {
  let now = Date.parse(startIso);
  return { clock: () => new Date(now), advanceMinutes: (m: number) => void (now += m * 60_000) };
}

/** Unwraps a result the test expects to succeed, failing with the host's message otherwise. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * A host on a real SQLite file with an administrator (Ada), two members (Ben, on the project team;
 * Cy, not) signed in on their own connections, and one project owned by Ada.
 */
export async function openProjectWorld(clock = handClock().clock) {
  // Sessions outlast the hand clock's jumps (timers run for hours in these tests).
  const host: Host = await openSqliteHost(tempDataDir(), { clock, sessionTimeoutMs: 7 * 24 * 3_600_000 });
  const admin = connectTestClient(host);
  const adminId = value(await admin.call<{ person: { id: string } }>('auth/create-administrator', adminInput)).person.id;
  const person = async (name: string, email: string) => {
    const id = value(await admin.call<{ id: string }>('people/create', { name, email, password: 'long enough password', roles: ['member'] })).id;
    const client = connectTestClient(host);
    value(await client.call('auth/sign-in', { email, password: 'long enough password' }));
    return { id, client };
  };
  const ben = await person('Ben Bench', 'ben@lab.org');
  const cy = await person('Cy Outside', 'cy@lab.org');
  const project = value(await admin.call<ProjectDocument>('projects/create', { code: 'QC-1', name: 'Method validation', teamIds: [ben.id], budget: { amountMinor: 1_000_000, currency: 'EUR' } }));
  const task = async (client: Client, input: Record<string, unknown>) => value(await client.call<Task>('tasks/create', { projectId: project.id, ...input }));
  return {
    host, admin, adminId, ben, cy, project, task,
    close: async () => {
      for (const c of [admin, ben.client, cy.client]) c.close();
      await host.close();
    },
  };
}
