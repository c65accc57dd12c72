import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServeHost } from '../../tests/e2e/support/serve-host';
import { admin } from '../ui/app-flow';
import { connectBridge, must } from '../ui/node-bridge';
import type { SeedPlan } from './record-data';

const surnames = ['McClintock', 'Hodgkin', 'Wu', 'Curie', 'Meitner', 'Franklin', 'Noether', 'Hopper', 'Lovelace', 'Goeppert', 'Elion', 'Levi-Montalcini', 'Yalow', 'Cori', 'Hamilton', 'Johnson', 'Jemison', 'Tu', 'Doudna', 'Charpentier'];

const run = (args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });

/**
 * A fresh data folder with an administrator and twenty colleagues (made through the host's
 * commands, as a lab would) and the planned records (written by seed-records.ts while the host is
 * stopped). Returns the folder, how many records of each kind it holds, and the people the
 * generator picked from (the reference page builds the same rows from them).
 */
export async function prepareRecords(plan: SeedPlan): Promise<{ dataDir: string; written: Record<string, number>; peopleIds: string[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'labflow-bench-records-'));
  const host = await startServeHost(dataDir);
  try {
    const bridge = await connectBridge(host.url);
    must(await bridge.call('auth/create-administrator', admin), 'create administrator');
    for (const [i, surname] of surnames.entries()) {
      const roles = i < 2 ? ['procurement_officer'] : i === 2 ? ['hr'] : ['member'];
      must(await bridge.call('people/create', { name: `Person ${surname}`, email: `${surname.toLowerCase()}@lab.example`, password: 'benchmark-password-1', roles }), `create ${surname}`);
    }
    bridge.close();
  } finally {
    await host.stop();
  }
  const out = await run(['--import', 'tsx', 'bench/records/seed-records.ts', dataDir, JSON.stringify(plan)]);
  const seeded = JSON.parse(out.trim().split('\n').at(-1) as string) as { written: Record<string, number>; peopleIds: string[] };
  return { dataDir, ...seeded };
}
