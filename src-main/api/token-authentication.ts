import { parseApiToken, tokenStateOf } from '../../src-shared/api/api-token-model';
import { toPersonView } from '../../src-shared/people/person';
import type { Caller } from '../bridge/direct-calls';
import type { LabDatabase } from '../database/open-database';
import { findPerson } from '../people/people-store';
import { apiTokenStoreOf, type StoredApiToken } from './api-token-store';

/**
 * Who an API request is: the `Authorization: Bearer lf_…` token, checked against its stored hash,
 * then its person as the directory has them now (a deactivated person's tokens stop at once; their
 * roles are read again for every call). Refusals say why in the log, never what the secret was.
 */
export interface ApiCaller extends Caller {
  token: StoredApiToken;
}

export type Authentication =
  | { ok: true; caller: ApiCaller }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown' | 'expired' | 'revoked' | 'inactive'; tokenId?: string };

const messages: Record<Exclude<Authentication, { ok: true }>['reason'], string> = {
  missing: 'Send an API token as `Authorization: Bearer lf_…`. Make one in LabFlow under Settings → API tokens.',
  malformed: 'That is not a LabFlow API token. Tokens start with lf_ and are shown once when made.',
  unknown: 'That API token is not known here. It may be mistyped, or made on another LabFlow.',
  expired: 'That API token has expired. Make a new one under Settings → API tokens.',
  revoked: 'That API token was revoked. Make a new one under Settings → API tokens.',
  inactive: "The token's person is deactivated.",
};

export const refusalMessage = (reason: keyof typeof messages): string => messages[reason];

/** The bearer token of an Authorization header, or undefined. */
export const bearerOf = (authorization: string | undefined): string | undefined => /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];

/** The token id a request names (whether or not its secret is right), for rate limits and logs. */
export const claimedTokenId = (authorization: string | undefined): string | undefined => parseApiToken(bearerOf(authorization) ?? '')?.id;

export async function authenticate(db: LabDatabase, now: Date, authorization: string | undefined): Promise<Authentication> {
  const text = bearerOf(authorization);
  if (!text) return { ok: false, reason: 'missing' };
  const claimed = parseApiToken(text);
  if (!claimed) return { ok: false, reason: 'malformed' };
  const token = await apiTokenStoreOf(db).match(text);
  if (!token) return { ok: false, reason: 'unknown', tokenId: claimed.id };
  const state = tokenStateOf(token, now.toISOString());
  if (state !== 'active') return { ok: false, reason: state, tokenId: token.id };
  const person = await findPerson(db, token.personId);
  if (!person?.isActive) return { ok: false, reason: 'inactive', tokenId: token.id };
  return { ok: true, caller: { person: toPersonView(person), via: `API token “${token.name}”`, token } };
}
