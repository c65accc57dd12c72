import { createHash } from 'node:crypto';

/**
 * Deterministic ids of workflow documents. Derived from what the document is, never from when it
 * was written, so the same command or the same version written twice (a retry, a second PC)
 * collides instead of duplicating. Every id fits the 40 characters a stored id may have, and an
 * instance id leaves room for the engine's `-<seq>` event and `.t<n>` token suffixes.
 */
const digest = (key: string, length: number): string => createHash('sha256').update(key).digest('hex').slice(0, length);

/** One document per version of a workflow code. */
export const definitionDocId = (code: string, version: number): string => `wfd-${digest(`${code}@${version}`, 32)}`;

/** The instance a start command creates: the same command id (of the same person) gives the same instance. */
export const instanceIdFor = (actorId: string, commandId: string): string => `wi-${digest(`${actorId}|${commandId}`, 24)}`;
