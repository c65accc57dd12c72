import type { Host } from '../../../src-main/host/create-host';
import { adminInput } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';
import { value, type Client } from '../tasks/project-fixture';

/** The finance integration tests' people: Max in Quality control, Mia who heads it (his manager), Fay in finance, Otto elsewhere. */
export type FinanceTeam = Record<'max' | 'mia' | 'fay' | 'otto', { id: string; client: Client }>;

/**
 * Creates the administrator, the department and the team on `host`, each signed in on a client of
 * their own, and publishes `workflowCode` from its built-in template.
 */
export async function createFinanceTeam(host: Host, password: string, workflowCode: string): Promise<{ admin: Client; people: FinanceTeam }> {
  const admin = connectTestClient(host);
  value(await admin.call('auth/create-administrator', adminInput));
  const qc = value(await admin.call<{ id: string }>('departments/create', { code: 'QC', name: 'Quality control' }));
  const people = {} as FinanceTeam;
  const add = async (key: keyof FinanceTeam, name: string, roles: string[], departmentId?: string) => {
    const email = `${key}@lab.org`;
    const id = value(await admin.call<{ id: string }>('people/create', { name, email, password, roles, ...(departmentId ? { departmentId } : {}) })).id;
    const client = connectTestClient(host);
    value(await client.call('auth/sign-in', { email, password }));
    people[key] = { id, client };
  };
  await add('max', 'Max Member', ['member'], qc.id);
  await add('mia', 'Mia Head', ['department_head'], qc.id);
  await add('fay', 'Fay Finance', ['finance']);
  await add('otto', 'Otto Other', ['member']);
  const commandId = () => `c-${Math.random().toString(36).slice(2)}`;
  value(await admin.call('workflows/definitions/create', { commandId: commandId(), source: { kind: 'template', templateCode: workflowCode } }));
  value(await admin.call('workflows/definitions/publish', { commandId: commandId(), code: workflowCode }));
  return { admin, people };
}
