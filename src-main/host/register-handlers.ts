import { contract } from '../../src-shared/bridge/contract';
import type { CommandBatches, CommandHandlers, QueryHandlers } from './handler-types';
import type { HostFeature } from './feature';

/**
 * Merges the features' handlers and checks them against the contract: a name registered twice, a
 * handler for a name the contract does not declare, or a contract entry without a handler is a
 * programming error, reported at start-up rather than when a person first clicks.
 */
export function registerHandlers(features: HostFeature[]): { commands: CommandHandlers; queries: QueryHandlers; batches: Partial<CommandBatches> } {
  const commands: Record<string, unknown> = {};
  const queries: Record<string, unknown> = {};
  const owner = new Map<string, string>();
  for (const feature of features) {
    for (const [table, handlers, kind] of [[commands, feature.commands, 'command'], [queries, feature.queries, 'query']] as const) {
      for (const [name, handler] of Object.entries(handlers ?? {})) {
        if (owner.has(name)) throw new Error(`Duplicate handler for ${name} in ${feature.name} (already registered by ${owner.get(name)})`);
        const spec = (contract as Record<string, { kind: string }>)[name];
        if (!spec || spec.kind !== kind) throw new Error(`${feature.name} registers ${kind} ${name}, which the contract does not declare`);
        owner.set(name, feature.name);
        table[name] = handler;
      }
    }
  }
  const missing = Object.entries(contract as Record<string, { kind: string }>)
    .filter(([name, spec]) => !(spec.kind === 'command' ? commands : queries)[name])
    .map(([name]) => name);
  if (missing.length) throw new Error(`No handler for: ${missing.join(', ')}`);
  // A batch form stands beside its feature's own single handler, never in place of it.
  const batches: Record<string, unknown> = {};
  for (const feature of features) {
    for (const [name, batch] of Object.entries(feature.batches ?? {})) {
      if (owner.get(name) !== feature.name || !commands[name]) throw new Error(`${feature.name} has a batch form of ${name}, which is not its own command`);
      batches[name] = batch;
    }
  }
  return { commands: commands as CommandHandlers, queries: queries as QueryHandlers, batches: batches as Partial<CommandBatches> };
}
