import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SYNC_PROTOCOL_VERSION, type ServerStatus, type SessionTokens } from '../../src-shared/sync/protocol';
import type { SyncPerson } from '../../src-shared/sync/sync-person';
import { sendError } from '../http-errors';
import type { ServerServices } from '../services';
import { isSyncAdmin } from '../../src-shared/sync/sync-person';
import { countAccounts, findAccountByEmail, LOCK_MINUTES, lockedUntil, recordFailure, recordSuccess, unlockPerson } from './accounts';
import { createAdministrator, isSetupTokenValid } from './bootstrap';
import { hashPassword, verifyPassword } from './passwords';
import { loadPerson } from './people-directory';

const email = { type: 'string', minLength: 3, maxLength: 254 } as const;
const password = { type: 'string', minLength: 1, maxLength: 200 } as const;
const refreshBody = { type: 'object', required: ['refreshToken'], additionalProperties: false, properties: { refreshToken: { type: 'string', minLength: 10, maxLength: 200 } } } as const;

/**
 * Sign-in, token refresh, sign-out, first-run set-up and an administrator's unlock. Every outcome is
 * logged as an `auth.*` event.
 */
export function registerAuthRoutes(app: FastifyInstance, services: ServerServices, authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>) {
  const { db, clock } = services;
  const audit = (request: FastifyRequest, event: string, fields: Record<string, unknown>, level: 'info' | 'warn' = 'info') =>
    request.log[level]({ event, ip: request.ip, ...fields }, event);

  const sessionFor = async (person: SyncPerson): Promise<SessionTokens> => {
    const now = clock();
    const refresh = await services.refreshTokens.issue(person.id, now);
    const access = await services.accessTokens.issue(person.id, refresh.familyId, now);
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt.toISOString(), refreshToken: refresh.token, person: { id: person.id, name: person.name, email: person.email, roles: person.roles } };
  };

  app.get('/auth/status', async (): Promise<ServerStatus> => ({ needsSetup: (await countAccounts(db)) === 0, protocolVersion: SYNC_PROTOCOL_VERSION }));

  app.post<{ Body: { email: string; password: string } }>(
    '/auth/sign-in',
    { schema: { body: { type: 'object', required: ['email', 'password'], additionalProperties: false, properties: { email, password } } } },
    async (request, reply) => {
      const address = request.body.email.trim().toLowerCase();
      const now = clock();
      // Per address and account (guessing one password), and per address overall (spraying many accounts;
      // generous, since a lab's PCs often share one address behind NAT).
      if (!services.signInLimiter.tryAttempt(`${request.ip}|${address}`, now.getTime(), 10) || !services.signInLimiter.tryAttempt(request.ip, now.getTime())) {
        audit(request, 'auth.sign_in_rate_limited', { email: address }, 'warn');
        return sendError(reply, 429, 'rate_limited', 'Too many sign-in attempts from this computer. Wait a few minutes and try again.');
      }
      const account = await findAccountByEmail(db, address);
      // Locked for this person from this address only: a stranger's guesses elsewhere lock nobody out.
      if (account && (await lockedUntil(db, account.personId, request.ip, now))) {
        await verifyPassword(undefined, request.body.password);
        audit(request, 'auth.sign_in_locked', { email: address, personId: account.personId }, 'warn');
        return sendError(reply, 423, 'account_locked', `Sign-in from this computer is locked after repeated wrong passwords. Try again in ${LOCK_MINUTES} minutes or ask an administrator to unlock it.`);
      }
      const isValid = await verifyPassword(account?.passwordHash, request.body.password);
      if (!account || !isValid) {
        const isLocked = account ? await recordFailure(db, account.personId, request.ip, now) : false;
        audit(request, 'auth.sign_in_failed', { email: address, reason: account ? 'wrong password' : 'unknown email', isLocked }, 'warn');
        return sendError(reply, 401, 'unauthenticated', 'That email and password do not match an account on this server.');
      }
      const person = await loadPerson(db, account.personId, clock());
      if (!person?.isActive) {
        audit(request, 'auth.sign_in_refused', { email: address, personId: account.personId, reason: 'deactivated' }, 'warn');
        return sendError(reply, 403, 'forbidden', 'This account is deactivated. Ask an administrator to reactivate it.');
      }
      await recordSuccess(db, account.personId, request.ip);
      audit(request, 'auth.signed_in', { personId: person.id });
      return sessionFor(person);
    },
  );

  app.post<{ Body: { refreshToken: string } }>('/auth/refresh', { schema: { body: refreshBody } }, async (request, reply) => {
    const outcome = await services.refreshTokens.rotate(request.body.refreshToken, clock());
    if (!outcome.ok) {
      audit(request, outcome.reason === 'reused' ? 'auth.refresh_token_reused' : 'auth.refresh_refused', { reason: outcome.reason }, 'warn');
      return sendError(reply, 401, 'unauthenticated', 'The sign-in on this PC has ended. Sign in to the sync server again.');
    }
    const person = await loadPerson(db, outcome.personId, clock());
    if (!person?.isActive) {
      await services.refreshTokens.revokeAllOf(outcome.personId, clock());
      audit(request, 'auth.refresh_refused', { personId: outcome.personId, reason: 'deactivated' }, 'warn');
      return sendError(reply, 401, 'unauthenticated', 'This account is deactivated.');
    }
    const access = await services.accessTokens.issue(person.id, outcome.familyId, clock());
    audit(request, 'auth.refreshed', { personId: person.id, ...(outcome.isRetry ? { isRetryAfterLostAnswer: true } : {}) });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken: outcome.token,
      person: { id: person.id, name: person.name, email: person.email, roles: person.roles },
    } satisfies SessionTokens;
  });

  app.post<{ Body: { refreshToken: string } }>('/auth/sign-out', { schema: { body: refreshBody } }, async (request, reply) => {
    const now = clock();
    const personId = await services.refreshTokens.revokeFamilyOf(request.body.refreshToken, now, services.accessTokens.expiryOf(now));
    audit(request, 'auth.signed_out', { personId });
    return reply.code(204).send();
  });

  app.post<{ Body: { setupToken: string; id?: string; name: string; email: string; password: string } }>(
    '/auth/setup',
    {
      schema: {
        body: {
          type: 'object',
          required: ['setupToken', 'name', 'email', 'password'],
          additionalProperties: false,
          properties: { setupToken: { type: 'string', minLength: 8, maxLength: 200 }, id: { type: 'string', pattern: '^[0-9A-Za-z_-]{1,40}$' }, name: { type: 'string', minLength: 1, maxLength: 200 }, email, password: { type: 'string', minLength: 10, maxLength: 200 } },
        },
      },
    },
    async (request, reply) => {
      if (!services.signInLimiter.tryAttempt(request.ip, clock().getTime())) return sendError(reply, 429, 'rate_limited', 'Too many attempts. Wait a few minutes.');
      if (!(await isSetupTokenValid(db, request.body.setupToken))) {
        audit(request, 'auth.setup_refused', { reason: 'bad setup token' }, 'warn');
        return sendError(reply, 403, 'forbidden', 'That set-up token is not valid. Use the token the sync server printed when it started.');
      }
      const id = request.body.id ?? services.newId();
      const outcome = await createAdministrator(db, { id, name: request.body.name, email: request.body.email, passwordHash: await hashPassword(request.body.password) }, clock());
      if (outcome === 'exists') {
        audit(request, 'auth.setup_refused', { reason: 'already set up' }, 'warn');
        return sendError(reply, 409, 'invalid_state', 'This server already has an administrator. Sign in instead.');
      }
      const person = await loadPerson(db, id, clock());
      if (!person) throw new Error('administrator not found after set-up');
      audit(request, 'auth.administrator_created', { personId: id });
      return reply.code(201).send(await sessionFor(person));
    },
  );

  app.get('/auth/me', { preHandler: authenticate }, async (request) => request.person);

  // Settings → People & roles → Unlock sign-in: an administrator ends every lock on a person's sign-in.
  app.post<{ Body: { personId: string } }>(
    '/auth/unlock',
    { preHandler: authenticate, schema: { body: { type: 'object', required: ['personId'], additionalProperties: false, properties: { personId: { type: 'string', pattern: '^[0-9A-Za-z_-]{1,40}$' } } } } },
    async (request, reply) => {
      const admin = request.person!;
      if (!isSyncAdmin(admin)) {
        audit(request, 'authz.refused', { action: 'unlock', personId: admin.id, target: request.body.personId }, 'warn');
        return sendError(reply, 403, 'forbidden', 'Only an administrator can unlock someone’s sign-in.');
      }
      const unlocked = await unlockPerson(db, request.body.personId, clock());
      audit(request, 'auth.unlocked', { personId: request.body.personId, byId: admin.id, locks: unlocked });
      return { unlocked };
    },
  );
}
