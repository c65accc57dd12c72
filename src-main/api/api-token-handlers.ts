import { combineLatest, map } from 'rxjs';
import { tokenPrefixOf, tokenStateOf, type ApiTokenView } from '../../src-shared/api/api-token-model';
import { fail, ok } from '../../src-shared/core/result';
import type { PersonDocument } from '../../src-shared/people/person';
import { isAdmin } from '../../src-shared/people/roles';
import type { CommandHandlers, QueryHandlers } from '../host/handler-types';
import { people$ } from '../tasks/live-sources';
import { findPerson } from '../people/people-store';
import { apiTokenStoreOf, type StoredApiToken } from './api-token-store';

/**
 * Settings → API tokens. A person makes tokens for themselves only (a token acts as its person);
 * administrators may revoke anyone's. Tokens are host-local documents, not audited records: making
 * and revoking one is written to the host's log instead (who, which token, never the secret).
 */

const DAY_MS = 86_400_000;

const viewOf = (token: StoredApiToken, personName: string, nowIso: string): ApiTokenView => ({
  id: token.id,
  name: token.name,
  personId: token.personId,
  personName,
  scopes: token.scopes,
  prefix: tokenPrefixOf(token.id),
  createdAt: token.createdAt,
  expiresAt: token.expiresAt,
  revokedAt: token.revokedAt,
  lastUsedAt: token.lastUsedAt,
  state: tokenStateOf(token, nowIso),
});

export const apiTokenCommandHandlers: CommandHandlers<'api-tokens/create' | 'api-tokens/revoke'> = {
  async 'api-tokens/create'(input, context) {
    const person = await findPerson(context.db, context.actor.id);
    if (!person?.isActive) return fail('forbidden', 'Your account is not active.');
    const now = context.clock();
    const tokens = apiTokenStoreOf(context.db);
    if ((await tokens.all()).some((t) => t.personId === person.id && t.name === input.name && !t.revokedAt)) {
      return fail('already_exists', `You already have a token named “${input.name}”. Revoke it or choose another name.`, { field: 'name' });
    }
    const { token, text } = await tokens.create({
      name: input.name,
      personId: person.id,
      scopes: [...new Set(input.scopes)].sort(),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + input.lifetimeDays * DAY_MS).toISOString(),
    });
    context.log.info('api token created', { tokenId: token.id, personId: person.id, name: token.name, scopes: token.scopes, expiresAt: token.expiresAt });
    return ok({ token: viewOf(token, person.name, now.toISOString()), secret: text });
  },

  async 'api-tokens/revoke'(input, context) {
    const tokens = apiTokenStoreOf(context.db);
    const token = (await tokens.all()).find((t) => t.id === input.id);
    const asker = await findPerson(context.db, context.actor.id);
    const mayRevoke = token && asker?.isActive && (token.personId === asker.id || isAdmin(asker.roles));
    if (!token || !mayRevoke) return fail('not_found', 'There is no such token of yours.');
    const now = context.clock().toISOString();
    const revoked = (await tokens.revoke(token.id, now)) ?? token;
    context.log.info('api token revoked', { tokenId: token.id, personId: token.personId, revokedBy: context.actor.id });
    const owner = await findPerson(context.db, token.personId);
    return ok(viewOf(revoked, owner?.name ?? token.personId, now));
  },
};

export const apiTokenQueryHandlers: QueryHandlers<'api-tokens/list'> = {
  'api-tokens/list': (input, context) =>
    combineLatest([apiTokenStoreOf(context.db).all$(), people$(context.db), context.db.people.findOne(context.actor.id).$]).pipe(
      map(([tokens, people, askerDoc]) => {
        const asker = askerDoc?.toJSON() as PersonDocument | undefined;
        if (input.everyone && !(asker?.isActive && isAdmin(asker.roles))) return fail('forbidden', 'Only an administrator can see everyone’s tokens.');
        const now = context.clock().toISOString();
        return ok(
          tokens
            .filter((t) => input.everyone || t.personId === asker?.id)
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
            .map((t) => viewOf(t, people.get(t.personId)?.name ?? t.personId, now)),
        );
      }),
    ),
};
