import { map } from 'rxjs';
import { buildApiRoutes } from '../../src-shared/api/api-routes';
import type { ApiSettingsView } from '../../src-shared/api/api-token-model';
import { fail, ok } from '../../src-shared/core/result';
import { isAdmin } from '../../src-shared/people/roles';
import type { CommandHandlers, QueryHandlers } from '../host/handler-types';
import { findPerson } from '../people/people-store';
import { apiPlace$, saveApiSettings, type ApiListenerState, type ApiSettings } from './api-settings-store';

/** Settings → API: whether the desktop app serves the API, where, and the modules a token can be scoped to. */

/** Modules whose name is no word a lab person would pick from a list. */
const moduleLabels: Readonly<Record<string, string>> = {
  hr: 'HR',
  crm: 'CRM and quotations',
  records: 'Records (search, views, comments)',
  sync: 'Team sync',
  platform: 'Organisation profile record',
  attachments: 'Attachments (lists)',
  documents: 'Printed documents',
};

const labelOf = (module: string): string => moduleLabels[module] ?? module.charAt(0).toUpperCase() + module.slice(1).replace(/[-_]/g, ' ');

/** Every module some route belongs to, in the order the routes come (workflows, projects, … records). */
const tokenModules = (): ApiSettingsView['modules'] => [...new Set(buildApiRoutes().map((r) => r.module))].map((module) => ({ module, label: labelOf(module) }));

const viewOf = (settings: ApiSettings, listener: ApiListenerState, modules: ApiSettingsView['modules']): ApiSettingsView => ({
  ...settings,
  address: listener.address,
  problem: listener.problem,
  controlledBy: listener.controlledBy,
  modules,
});

export function apiSettingsHandlers(): { commands: CommandHandlers<'api/set-settings'>; queries: QueryHandlers<'api/settings'> } {
  let modules: ApiSettingsView['modules'] | undefined;
  const modulesOnce = () => (modules ??= tokenModules());
  return {
    commands: {
      async 'api/set-settings'(input, context) {
        const person = await findPerson(context.db, context.actor.id);
        if (!person?.isActive || !isAdmin(person.roles)) return fail('forbidden', 'Only an administrator can turn the API on or off.');
        await saveApiSettings(context.db, input);
        context.log.info('api settings changed', { ...input, by: context.actor.id });
        return ok(viewOf(input, { controlledBy: 'settings', address: null, problem: null }, modulesOnce()));
      },
    },
    queries: {
      'api/settings': (_input, context) => apiPlace$(context.db).pipe(map(([settings, listener]) => ok(viewOf(settings, listener, modulesOnce())))),
    },
  };
}
