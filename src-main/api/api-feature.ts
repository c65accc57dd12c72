import type { HostFeature } from '../host/feature';
import { apiSettingsHandlers } from './api-settings-handlers';
import { apiTokenCommandHandlers, apiTokenQueryHandlers } from './api-token-handlers';

/**
 * The public API's side in the host: API tokens and the API's settings. The HTTP adapter itself
 * (api-plugin.ts) is mounted by the composition root: serve mode with `--api`, the desktop app's
 * listener when Settings → API turns it on (desktop-api.ts).
 */
export function createApiFeature(): HostFeature {
  const settings = apiSettingsHandlers();
  return {
    name: 'api',
    commands: { ...apiTokenCommandHandlers, ...settings.commands },
    queries: { ...apiTokenQueryHandlers, ...settings.queries },
  };
}

export const apiFeature = createApiFeature();
