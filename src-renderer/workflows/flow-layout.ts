import type { StepDefinition, StepType, WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import type { RoutingRule } from '../../src-shared/workflows/routing-rules';
import { flatComparisons, formatValue, opLabel } from './routing-values';

/**
 * A layered layout of a definition's flow graph for the SVG diagram: each step sits in the row of
 * its shortest distance from the initial step, rows run top to bottom, and steps keep their order
 * in the definition inside a row. Routes that end the instance (`reject: []`, a task with nowhere
 * to go) get a small terminal node of their own so the diagram shows where a flow stops.
 */

export const NODE_W = 156;
export const NODE_H = 46;
const GAP_X = 28;
const GAP_Y = 64;
const MARGIN = 16;
/** Room on the right for edges that go back up or sideways. */
const RETURN_LANE = 56;

export interface LayoutNode {
  id: string;
  stepId: string | null;
  name: string;
  type: StepType | 'terminal';
  layer: number;
  x: number;
  y: number;
  isReachable: boolean;
}

export interface LayoutEdge {
  id: string;
  from: string;
  to: string;
  label: string;
  isBack: boolean;
}

export interface FlowLayout {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  width: number;
  height: number;
}

interface RawEdge {
  to: string | null;
  label: string;
}

/** A one-comparison rule reads as itself (`amount > 5000`); anything longer as its number. */
function ruleLabel(rule: RoutingRule, index: number): string {
  const list = flatComparisons(rule.when);
  const only = list?.length === 1 ? list[0] : undefined;
  if (!only) return `rule ${index + 1}`;
  const text = `${only.var} ${opLabel[only.op]}${only.op === 'exists' ? '' : ` ${formatValue(only.value)}`}`;
  return text.length > 24 ? `rule ${index + 1}` : text;
}

/** Outgoing routes of one step; `to: null` ends the instance. Same-target routes are merged. */
function routesOf(step: StepDefinition): RawEdge[] {
  const out: RawEdge[] = [];
  const add = (to: string | null, label: string) => {
    const same = out.find((e) => e.to === to && to !== null);
    if (same) {
      if (label && !same.label.split(', ').includes(label)) same.label = same.label ? `${same.label}, ${label}` : label;
    } else out.push({ to, label });
  };
  const conditions = step.conditions ?? {};
  for (const [action, targets] of Object.entries(conditions)) {
    if (targets.length === 0) add(null, action);
    for (const target of targets) add(target, action);
  }
  (step.routing?.rules ?? []).forEach((rule, i) => add(rule.go, ruleLabel(rule, i)));
  if (step.routing?.default !== undefined) add(step.routing.default, 'otherwise');
  if (step.boundary_timer) add(step.boundary_timer.go, `after ${step.boundary_timer.after_hours} ${step.boundary_timer.working_hours ? 'working ' : ''}h`);
  const hasActionRoutes = Object.keys(conditions).length > 0;
  // next_steps carries the plain route only when no action or rule route names the same step.
  for (const target of step.next_steps ?? []) if (!out.some((e) => e.to === target)) add(target, hasActionRoutes ? 'complete' : '');
  const leadsSomewhere = out.length > 0;
  if (!leadsSomewhere && step.type !== 'end') add(null, '');
  return out;
}

const asString = (value: unknown, fallback: string) => (typeof value === 'string' && value ? value : fallback);

export function layoutFlow(definition: WorkflowDefinition): FlowLayout {
  const steps = (definition.steps ?? []).filter((s) => typeof s === 'object' && s !== null);
  const ids = new Set(steps.map((s) => s.step_id));
  const layer = new Map<string, number>();
  const queue: string[] = [];
  if (ids.has(definition.initial_step)) {
    layer.set(definition.initial_step, 0);
    queue.push(definition.initial_step);
  }
  const stepById = new Map(steps.map((s) => [s.step_id, s]));
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const step = stepById.get(id);
    if (!step) continue;
    for (const route of routesOf(step)) {
      if (route.to === null || !ids.has(route.to) || layer.has(route.to)) continue;
      layer.set(route.to, (layer.get(id) ?? 0) + 1);
      queue.push(route.to);
    }
  }
  const reachableDepth = Math.max(-1, ...layer.values());
  const nodes: LayoutNode[] = [];
  const seen = new Set<string>();
  for (const step of steps) {
    const id = asString(step.step_id, '?');
    if (seen.has(id)) continue;
    seen.add(id);
    const isReachable = layer.has(id);
    nodes.push({ id, stepId: id, name: asString(step.name, id), type: step.type, layer: isReachable ? (layer.get(id) as number) : reachableDepth + 1, x: 0, y: 0, isReachable });
  }
  const edges: LayoutEdge[] = [];
  for (const step of steps) {
    const fromNode = nodes.find((n) => n.id === step.step_id);
    if (!fromNode) continue;
    routesOf(step).forEach((route, i) => {
      if (route.to === null) {
        const id = `end:${step.step_id}:${i}`;
        const isRejection = route.label === 'reject';
        nodes.push({ id, stepId: null, name: isRejection ? 'Rejected' : 'End', type: 'terminal', layer: fromNode.layer + 1, x: 0, y: 0, isReachable: fromNode.isReachable });
        edges.push({ id: `${step.step_id}->${id}`, from: step.step_id, to: id, label: route.label, isBack: false });
      } else if (ids.has(route.to)) {
        const target = nodes.find((n) => n.id === route.to) as LayoutNode;
        edges.push({ id: `${step.step_id}->${route.to}`, from: step.step_id, to: route.to, label: route.label, isBack: target.layer <= fromNode.layer });
      }
    });
  }
  // Place rows; each row is centred on the widest one.
  const rows = new Map<number, LayoutNode[]>();
  for (const node of nodes) rows.set(node.layer, [...(rows.get(node.layer) ?? []), node]);
  const widest = Math.max(1, ...[...rows.values()].map((r) => r.length));
  const contentW = widest * NODE_W + (widest - 1) * GAP_X;
  for (const [index, row] of rows) {
    const rowW = row.length * NODE_W + (row.length - 1) * GAP_X;
    row.forEach((node, i) => {
      node.x = MARGIN + (contentW - rowW) / 2 + i * (NODE_W + GAP_X);
      node.y = MARGIN + index * (NODE_H + GAP_Y);
    });
  }
  const layers = Math.max(0, ...rows.keys()) + 1;
  const hasBack = edges.some((e) => e.isBack);
  return { nodes, edges, width: MARGIN * 2 + contentW + (hasBack ? RETURN_LANE : 0), height: MARGIN * 2 + layers * NODE_H + (layers - 1) * GAP_Y };
}
