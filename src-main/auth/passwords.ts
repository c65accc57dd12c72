import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// Algorithm 2 is Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
// OWASP's argon2id baseline (19 MiB, 2 passes): slow enough to resist guessing, quick enough for sign-in.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, options);

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password. With no stored hash (unknown email) it still runs one verification against a
 * throw-away hash, so a wrong address takes as long as a wrong password and reveals nothing.
 */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  const target = passwordHash || (await (dummyHash ??= hashPassword(randomBytes(16).toString('hex'))));
  try {
    const matches = await verify(target, password);
    return matches && Boolean(passwordHash);
  } catch {
    return false;
  }
}
