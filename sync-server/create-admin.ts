import { createInterface } from 'node:readline/promises';
import { emailSchema, passwordSchema, personNameSchema } from '../src-shared/people/person';
import { createIdSource } from '../src-shared/core/ids';
import { randomBytes } from 'node:crypto';
import { createAdministrator } from './auth/bootstrap';
import { hashPassword } from './auth/passwords';
import type { SqlDatabase } from './db/sql-database';

/**
 * `npm run sync-server -- create-admin --email … --name …`: makes the first administrator from the
 * command line (the other way is the set-up token). The password comes from SYNC_ADMIN_PASSWORD or
 * is asked for, so it never sits in the shell history.
 */
export async function createAdminCommand(db: SqlDatabase, args: string[], env: Record<string, string | undefined>): Promise<number> {
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(name + '='))?.slice(name.length + 1);
  };
  const email = emailSchema.safeParse(flag('--email') ?? '');
  const name = personNameSchema.safeParse(flag('--name') ?? '');
  if (!email.success || !name.success) {
    console.error('Usage: npm run sync-server -- create-admin --email <address> --name "<full name>" [--data-dir <folder>]');
    return 2;
  }
  let password = env.SYNC_ADMIN_PASSWORD;
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question('Password for the administrator (at least 10 characters): ');
    rl.close();
  }
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) {
    console.error(checked.error.issues[0]?.message ?? 'The password is not valid.');
    return 2;
  }
  const id = createIdSource(() => Date.now(), (n) => randomBytes(n))();
  const outcome = await createAdministrator(db, { id, name: name.data, email: email.data, passwordHash: await hashPassword(checked.data) }, new Date());
  if (outcome === 'exists') {
    console.error('This server already has accounts; sign in as an administrator and add people from LabFlow’s Settings.');
    return 1;
  }
  console.log(`Administrator ${email.data} created. Sign in from LabFlow: Settings → Team sync.`);
  return 0;
}
