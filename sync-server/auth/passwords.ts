import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// Argon2id (algorithm 2; the package's const enum cannot be imported under verbatimModuleSyntax)
// with OWASP's baseline, the same parameters as the desktop, so a hash made on a PC verifies here.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, options);

/** Only argon2id hashes are accepted from a PC; anything else could be a weaker scheme. */
export const isArgon2idHash = (value: unknown): value is string => typeof value === 'string' && value.startsWith('$argon2id$') && value.length < 300;

let dummyHash: Promise<string> | undefined;

/** Checks a password; an unknown account still costs one verification, so timing reveals nothing. */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  const target = passwordHash || (await (dummyHash ??= hashPassword(randomBytes(16).toString('hex'))));
  try {
    return (await verify(target, password)) && Boolean(passwordHash);
  } catch {
    return false;
  }
}
