import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHost, type Host, type HostOptions } from '../../../src-main/host/create-host';
import { createLabStorage } from '../../../src-main/host/lab-storage';
import { createLogger } from '../../../src-main/logging/logger';

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'labflow-it-'));

/** A real host on a real SQLite file in `dataDir`, as serve mode and the desktop build it. */
export async function openSqliteHost(dataDir: string, extra: Partial<HostOptions> = {}): Promise<Host> {
  const { storage, location } = createLabStorage(dataDir);
  const result = await createHost({ storage, databaseLocation: location, log: createLogger({ directory: join(dataDir, 'logs') }), expiryCheckMs: 0, ...extra, platform: { dataDir, ...extra.platform } });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export const adminInput = { name: 'Ada Admin', email: 'ada@lab.org', password: 'correct horse battery' };
