import type { Result } from '../../../src-shared/core/result';
import type { HostOptions } from '../../../src-main/host/create-host';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';

/** A host on a real SQLite file with an administrator and a few colleagues, as a lab would have. */

export type Client = ReturnType<typeof connectTestClient>;

export const password = 'correct horse battery';

export const people = {
  head: { name: 'Hana Head', email: 'hana@lab.org', password, roles: ['department_head'] },
  finance: { name: 'Fin Finance', email: 'fin@lab.org', password, roles: ['finance'] },
  member: { name: 'Mo Member', email: 'mo@lab.org', password, roles: ['member'] },
  buyer: { name: 'Pat Procurement', email: 'pat@lab.org', password, roles: ['procurement_manager', 'procurement_officer'] },
};

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

let commandCount = 0;
/** A fresh client-made command id. */
export const cid = (): string => `cmd-${Date.now()}-${++commandCount}`;

export async function openLab(options: { dataDir?: string; extra?: Partial<HostOptions>; isFirstRun?: boolean } = {}) {
  const dataDir = options.dataDir ?? tempDataDir();
  const host = await openSqliteHost(dataDir, options.extra);
  const admin = connectTestClient(host);
  const ids: Record<string, string> = {};
  if (options.isFirstRun !== false) {
    const session = expectOk(await admin.call<{ person: { id: string } }>('auth/create-administrator', adminInput));
    ids.admin = session.person.id;
    for (const [key, person] of Object.entries(people)) {
      ids[key] = expectOk(await admin.call<{ id: string }>('people/create', person)).id;
    }
  } else {
    expectOk(await admin.call('auth/sign-in', { email: adminInput.email, password: adminInput.password }));
  }
  const clients: Client[] = [admin];
  /** A second UI connection signed in as one of `people`. */
  const as = async (key: keyof typeof people): Promise<Client> => {
    const client = connectTestClient(host);
    expectOk(await client.call('auth/sign-in', { email: people[key].email, password }));
    clients.push(client);
    return client;
  };
  return {
    dataDir,
    host,
    admin,
    ids,
    as,
    async close() {
      for (const client of clients) client.close();
      await host.close();
    },
  };
}

/** A published copy of a built-in template under its own code. */
export async function publishTemplate(admin: Client, templateCode: string, workflowCode = templateCode): Promise<void> {
  expectOk(await admin.call('workflows/definitions/create', { commandId: cid(), source: { kind: 'template', templateCode, workflowCode } }));
  expectOk(await admin.call('workflows/definitions/publish', { commandId: cid(), code: workflowCode }));
}
