import { isAdmin } from '../people/roles';
import { fail, ok, type Result } from '../core/result';
import type { WorkflowDefinition } from './definition-schema';
import { stepOf } from './definition-graph';
import { Run, type EngineResult } from './engine-run';
import { checkRepeat, stampOf } from './command-fingerprint';
import { checkCanChange, diffVariables, unchanged } from './guards';
import { openIncidents, type Actor, type EngineOptions, type WorkflowInstance } from './instance';

export interface ResolveIncidentCommand {
  commandId: string;
  /** Which open incident, by its step id or token; the oldest open one when absent. */
  incident?: string;
  /** Where the stuck line of work goes on; the step where it stopped (a retry) when absent. */
  goTo?: string;
  /** Variables to correct first (e.g. the value a routing rule needed). */
  data?: Record<string, unknown>;
  comments?: string;
}

/**
 * Lets an administrator move an instance out of an incident: optionally correct variables, then
 * retry the step where it stopped or send it to another step. The stopped step is left (its votes,
 * if it was an approval, are not carried over) and the target is entered afresh.
 */
export function resolveIncident(
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
  command: ResolveIncidentCommand,
  actor: Actor,
  now: string,
  options: EngineOptions = {},
): Result<EngineResult> {
  const stamp = stampOf('resolve_incident', command, actor);
  const seen = checkRepeat(instance, stamp);
  if (!seen.ok) return seen;
  if (seen.value === 'repeat') return unchanged(instance);
  const allowed = checkCanChange(definition, instance);
  if (!allowed.ok) return allowed;
  const open = openIncidents(instance);
  if (instance.status !== 'incident' || open.length === 0) return fail('invalid_state', 'This instance has no incident to resolve.');
  const incident = command.incident === undefined ? open[0] : open.find((i) => i.token === command.incident || i.stepId === command.incident);
  if (!incident) return fail('invalid_input', `"${command.incident}" has no open incident; open ones are at ${open.map((i) => i.stepId).join(', ')}.`, { field: 'incident' });
  if (!isAdmin(actor.roles)) return fail('forbidden', 'Only an administrator can resolve an incident.');
  const goTo = command.goTo ?? incident.stepId;
  if (!stepOf(definition, goTo)) return fail('invalid_input', `The definition has no step "${goTo}".`, { field: 'goTo' });
  const changes = diffVariables(instance.variables, command.data);
  if (!changes.ok) return changes;
  const run = new Run(definition, instance, instance.id, now, actor, stamp, options);
  run.emit({
    type: 'incident_resolved',
    token: incident.token,
    stepId: incident.stepId,
    toSteps: [goTo],
    ...(command.comments === undefined ? {} : { comments: command.comments }),
    ...(changes.value === undefined ? {} : { dataChanges: changes.value }),
  });
  const stuck = run.activeStep(incident.token);
  const forks = stuck?.forks ?? [];
  if (stuck) {
    run.emit({ type: 'step_completed', token: stuck.token, stepId: stuck.stepId, action: 'incident_resolved', toSteps: [goTo] });
    run.cancelDeadlines(stuck);
  }
  run.enter([{ stepId: goTo, forks }]);
  return ok(run.result());
}
