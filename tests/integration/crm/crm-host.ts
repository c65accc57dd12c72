import type { Host } from '../../../src-main/host/create-host';
import { openNotificationHost, signIn, signInAdmin } from '../notifications/support';
import type { connectTestClient } from '../support/test-client';
import { tempDataDir } from '../support/sqlite-host';
import { value } from '../tasks/project-fixture';

type Client = ReturnType<typeof connectTestClient>;

/**
 * A host with an administrator signed in, for the CRM tests: `person` adds someone with roles and
 * signs them in; `close` closes every connection and the host (call it in afterEach).
 */
export async function openCrmHost(options: Parameters<typeof openNotificationHost>[1] = {}, dataDir = tempDataDir()) {
  const clients: Client[] = [];
  let host: Host = await openNotificationHost(dataDir, options);
  const admin = await signInAdmin(host);
  clients.push(admin.client);
  const person = async (name: string, email: string, roles: string[]) => {
    const id = value(await admin.client.call<{ id: string }>('people/create', { name, email, password: 'long enough password', roles })).id;
    const client = await signIn(host, email);
    clients.push(client);
    return { id, client };
  };
  const closeClients = () => {
    for (const c of clients.splice(0)) c.close();
  };
  return {
    get host() {
      return host;
    },
    admin,
    person,
    /** Closes every connection and the host, and opens the host again on the same data folder. */
    async restart() {
      closeClients();
      await host.close();
      host = await openNotificationHost(dataDir, options);
    },
    signIn: async (email: string) => {
      const client = await signIn(host, email);
      clients.push(client);
      return client;
    },
    async close() {
      closeClients();
      await host.close();
    },
  };
}
export type CrmHost = Awaited<ReturnType<typeof openCrmHost>>;
