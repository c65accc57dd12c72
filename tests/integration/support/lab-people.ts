import type { Host } from '../../../src-main/host/create-host';
import { adminInput, openSqliteHost, tempDataDir } from './sqlite-host';
import { connectTestClient } from './test-client';
import { handClock, value, type Client } from '../tasks/project-fixture';

export interface SignedInPerson {
  id: string;
  client: Client;
}

/**
 * A real host on a fresh SQLite folder with its administrator signed in, and a way to add people
 * (made by the administrator, each signed in on a connection of their own).
 */
export async function openLab(startIso = '2026-04-01T09:00:00.000Z', dataDir = tempDataDir()) {
  const hand = handClock(startIso);
  const host: Host = await openSqliteHost(dataDir, { clock: hand.clock, sessionTimeoutMs: 86_400_000 });
  const admin = connectTestClient(host);
  value(await admin.call('auth/create-administrator', adminInput));
  const addPerson = async (name: string, email: string, roles: string[]): Promise<SignedInPerson> => {
    const id = value(await admin.call<{ id: string }>('people/create', { name, email, password: 'long enough password', roles })).id;
    const client = connectTestClient(host);
    value(await client.call('auth/sign-in', { email, password: 'long enough password' }));
    return { id, client };
  };
  return { host, admin, addPerson, dataDir, advanceMinutes: hand.advanceMinutes };
}
