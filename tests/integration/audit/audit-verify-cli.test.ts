import { describe, expect, it } from 'vitest';
import { labflow } from '../support/labflow-cli';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';

type Entry = { id: string; writerId: string; seq: number; command: string; actorName: string };

/**
 * `npm run labflow -- audit verify` on a real data folder (issue 18 §3): a log written by the app
 * is intact; an entry altered behind the app's back breaks its writer's chain, and the report names
 * that chain's first bad entry.
 */
describe('labflow audit verify (command line)', () => {
  const dataDir = tempDataDir();

  it('says a log the app wrote is intact, then names the first bad entry once one is altered', async () => {
    const host = await openSqliteHost(dataDir);
    const client = connectTestClient(host);
    let entries: Entry[];
    try {
      expect((await client.call('auth/create-administrator', adminInput)).ok).toBe(true);
      const project = await client.call<{ id: string }>('projects/create', { code: 'AUD-1', name: 'Audited' });
      if (!project.ok) throw new Error(project.error.message);
      expect((await client.call('projects/rename', { id: project.value.id, name: 'Audited twice' })).ok).toBe(true);
      entries = (await host.db.audit.find().exec()).map((doc) => doc.toJSON() as unknown as Entry).filter((e) => e.writerId);
    } finally {
      client.close();
      await host.close();
    }
    expect(entries.length).toBeGreaterThanOrEqual(3);

    const intact = await labflow('audit', 'verify', '--data-dir', dataDir);
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^ok {5}\S+: \d+ entries\.$/m);
    expect(intact.stdout).toContain('The audit log is intact');

    // Someone with the data folder rewrites who made a change (as a tool editing the SQLite file would: past the audited writer).
    const chain = entries.filter((e) => e.writerId === entries.at(-1)!.writerId).sort((x, y) => x.seq - y.seq);
    const victim = chain[Math.min(1, chain.length - 1)]!;
    const reopened = await openSqliteHost(dataDir);
    try {
      const doc = await reopened.db.audit.findOne(victim.id).exec();
      await doc!.incrementalPatch({ actorName: 'Mallory' });
    } finally {
      await reopened.close();
    }

    const broken = await labflow('audit', 'verify', '--data-dir', dataDir);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`BROKEN ${victim.writerId}: ${chain.length} entries; first bad entry ${victim.id} (place ${victim.seq}): its content does not match its hash.`);
    expect(broken.stdout).toContain('The audit log has been altered');
  });

  it('answers a wrong use with the usage and exit code 2', async () => {
    const wrong = await labflow('audit', 'check', '--data-dir', dataDir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('npm run labflow -- audit verify');
  });
});
