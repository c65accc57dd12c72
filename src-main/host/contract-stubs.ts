import { of } from 'rxjs';
import { fail } from '../../src-shared/core/result';
import type { CommandSpec, QuerySpec } from '../../src-shared/bridge/define';
import type { HostFeature } from './feature';

/**
 * Handlers for contract entries whose runtime has not landed yet, so the host starts (it refuses
 * a contract entry without a handler) and the UI can be built against the contract meanwhile.
 */
export function stubFeature(name: string, entries: Record<string, CommandSpec | QuerySpec>): HostFeature {
  const notYet = () => fail('internal', `${name}: this part of LabFlow is not built yet.`);
  const commands: Record<string, unknown> = {};
  const queries: Record<string, unknown> = {};
  for (const [entry, spec] of Object.entries(entries)) {
    if (spec.kind === 'command') commands[entry] = async () => notYet();
    else queries[entry] = () => of(notYet());
  }
  return { name, commands: commands as HostFeature['commands'], queries: queries as HostFeature['queries'] };
}
