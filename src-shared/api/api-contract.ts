import { z } from 'zod';
import { command, query } from '../bridge/define';
import { tokenLifetimeDaysSchema, tokenNameSchema, tokenScopeSchema, type ApiSettingsView, type ApiTokenView } from './api-token-model';

const id = z.string().min(1).max(40);

/**
 * Settings → API tokens and Settings → API. Everyone signed in makes and revokes their own tokens;
 * administrators also see and revoke everyone's (someone leaves, a key leaks). The secret is in the
 * answer to `api-tokens/create` only. None of these can be called with a token.
 */
export const apiContract = {
  'api-tokens/create': command<{ token: ApiTokenView; secret: string }>()(
    z.object({
      name: tokenNameSchema,
      scopes: z.array(tokenScopeSchema).min(1, 'Choose at least one scope.').max(100),
      lifetimeDays: tokenLifetimeDaysSchema.default(90),
    }),
  ),
  /** Stops the token at once; it stays listed as revoked. */
  'api-tokens/revoke': command<ApiTokenView>()(z.object({ id })),
  /** The signed-in person's tokens, newest first; an administrator's `everyone` lists all people's. */
  'api-tokens/list': query<ApiTokenView[]>()(z.object({ everyone: z.boolean().default(false) })),
  'api/settings': query<ApiSettingsView>()(z.object({})),
  /** Administrators, desktop app: turns the API on or off, its port, and whether other computers may reach it. */
  'api/set-settings': command<ApiSettingsView>()(
    z.object({
      isEnabled: z.boolean(),
      port: z.number().int().min(1024, 'Use a port from 1024 to 65535.').max(65535, 'Use a port from 1024 to 65535.').default(4790),
      allowRemote: z.boolean().default(false),
    }),
  ),
};
