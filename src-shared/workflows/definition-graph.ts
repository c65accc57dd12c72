import type { AssigneeType, EscalationRule, QuorumKind, StepDefinition, WorkflowDefinition } from './definition-schema';
import { chooseRoute } from './routing-rules';

/**
 * Read-only questions about a definition's graph that both the validator and the engine ask:
 * which step has this id, where can a step lead, which actions does it take, where does an action go.
 */

const indexes = new WeakMap<WorkflowDefinition, Map<string, StepDefinition>>();

/** The step with this id (indexed once per definition object). */
export function stepOf(definition: WorkflowDefinition, stepId: string): StepDefinition | undefined {
  let index = indexes.get(definition);
  if (!index) {
    index = new Map();
    for (const step of definition.steps) if (!index.has(step.step_id)) index.set(step.step_id, step);
    indexes.set(definition, index);
  }
  return index.get(stepId);
}

/** The step's escalation rules as a list (the spec writes `{}`, LabFlow also takes named rules). */
export function escalationRulesOf(definition: WorkflowDefinition, stepId: string): EscalationRule[] {
  const rules = definition.sla_config?.[stepId]?.escalation_rules;
  if (!rules) return [];
  return Array.isArray(rules) ? rules : Object.values(rules);
}

/** Every step this step may lead to, by any action or rule, without duplicates. */
export function successorsOf(step: StepDefinition): string[] {
  const out = new Set<string>(step.next_steps ?? []);
  for (const targets of Object.values(step.conditions ?? {})) for (const target of targets) out.add(target);
  for (const rule of step.routing?.rules ?? []) out.add(rule.go);
  if (step.routing?.default !== undefined) out.add(step.routing.default);
  if (step.boundary_timer) out.add(step.boundary_timer.go);
  return [...out];
}

/** Actions a person may take on a human step. A task with its own `conditions` takes those (and `complete` only when it has somewhere to go). */
export function actionsOf(step: StepDefinition): string[] {
  const custom = Object.keys(step.conditions ?? {});
  if (step.type === 'approval') return [...new Set(['approve', 'reject', ...custom])];
  if (step.type !== 'task') return [];
  const hasPlainRoute = (step.next_steps?.length ?? 0) > 0 || step.routing !== undefined || custom.length === 0;
  return [...new Set([...(hasPlainRoute ? ['complete'] : []), ...custom])];
}

export type Route = { kind: 'go'; steps: string[]; rule?: number | 'default' } | { kind: 'no_route' };

/**
 * Where an action leads: its `conditions` entry when there is one, else the data routing, else
 * `next_steps`. A reject with no route of its own ends the instance rather than moving it forward.
 */
export function routeOf(step: StepDefinition, action: string, variables: Readonly<Record<string, unknown>>): Route {
  const explicit = step.conditions?.[action];
  if (explicit) return { kind: 'go', steps: explicit };
  if (action === 'reject') return { kind: 'go', steps: [] };
  if (step.routing) {
    const chosen = chooseRoute(step.routing, variables);
    return chosen ? { kind: 'go', steps: [chosen.go], rule: chosen.rule } : { kind: 'no_route' };
  }
  return { kind: 'go', steps: step.next_steps ?? [] };
}

export interface ResolvedLevel {
  name: string;
  assigneeType: AssigneeType;
  assigneeValue: string | string[];
  quorum: QuorumKind;
  n?: number;
  m?: number;
}

/** The approval levels of a step: its `approval.levels`, or one level made of the step's own assignee and quorum. */
export function approvalLevelsOf(step: StepDefinition): ResolvedLevel[] {
  const config = step.approval;
  if (config?.levels) {
    return config.levels.map((level, index) => ({
      name: level.name ?? `Level ${index + 1}`,
      assigneeType: level.assignee_type,
      assigneeValue: level.assignee_value,
      quorum: level.quorum ?? 'any',
      ...(level.n !== undefined ? { n: level.n } : {}),
      ...(level.m !== undefined ? { m: level.m } : {}),
    }));
  }
  return [
    {
      name: step.name,
      assigneeType: step.assignee_type ?? 'role',
      assigneeValue: step.assignee_value ?? [],
      quorum: config?.quorum ?? 'any',
      ...(config?.n !== undefined ? { n: config.n } : {}),
      ...(config?.m !== undefined ? { m: config.m } : {}),
    },
  ];
}

/** How many approvers a level has when that is known from the definition alone. */
export function knownApproverCount(level: ResolvedLevel): number | undefined {
  if (level.m !== undefined) return level.m;
  if (level.assigneeType === 'user') return Array.isArray(level.assigneeValue) ? level.assigneeValue.length : 1;
  return undefined;
}
