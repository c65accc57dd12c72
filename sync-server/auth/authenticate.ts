import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SyncPerson } from '../../src-shared/sync/sync-person';
import type { ServerServices } from '../services';
import { loadPerson } from './people-directory';
import { sendError } from '../http-errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person; set by `authenticate` on every protected route. */
    person: SyncPerson | null;
  }
}

/**
 * Checks who before what (STYLE.md §3): a valid access token of an active person, or 401. Every
 * refusal is logged with its reason; the client only learns that it must sign in again.
 */
export function createAuthenticate(services: ServerServices) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    const refuse = (reason: string, personId?: string) => {
      request.log.warn({ event: 'auth.refused', reason, personId, ip: request.ip, route: request.routeOptions.url }, 'request refused: not authenticated');
      return sendError(reply, 401, 'unauthenticated', 'Sign in to the sync server again.');
    };
    if (!match?.[1]) return refuse(header ? 'malformed authorization header' : 'no token');
    const verified = await services.accessTokens.verify(match[1], services.clock());
    if (!verified.ok) return refuse(verified.reason);
    if (await services.refreshTokens.isFamilyRevoked(verified.familyId, services.clock())) return refuse('signed out', verified.personId);
    // The person as the server holds them now, never the token's word: roles and active state are current on every request.
    const person = await loadPerson(services.db, verified.personId, services.clock());
    if (!person) return refuse('unknown person', verified.personId);
    if (!person.isActive) return refuse('deactivated', person.id);
    request.person = person;
  };
}
