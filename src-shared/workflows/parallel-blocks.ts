import type { DefinitionProblem, StepDefinition, WorkflowDefinition } from './definition-schema';
import { actionsOf, stepOf, successorsOf } from './definition-graph';

/**
 * Structure checks for parallel work. Every `parallel` split must have exactly one `join` where all
 * of its branches meet, branches may not end the flow on the way (except by a rejection, which ends
 * the whole instance), and nothing may jump into the middle of a split from outside it. These are
 * what make the engine's guarantee hold: a join waits for exactly the branches its split started.
 */

export interface ParallelBlock {
  split: string;
  join: string;
  /** Steps strictly between the split and its join (nested blocks included). */
  region: Set<string>;
}

/** Actions of a step that end the instance (their route is empty). */
export function endingActions(step: StepDefinition): string[] {
  if (step.type === 'end') return [step.outcome === 'rejected' ? 'reject' : 'end'];
  if (step.type !== 'task' && step.type !== 'approval') return [];
  return actionsOf(step).filter((action) => {
    const explicit = step.conditions?.[action];
    if (explicit) return explicit.length === 0;
    if (action === 'reject') return true;
    return !step.routing && (step.next_steps ?? []).length === 0;
  });
}

export function analyseParallelBlocks(definition: WorkflowDefinition): { blocks: ParallelBlock[]; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const indexOf = new Map(definition.steps.map((step, index) => [step.step_id, index]));
  const pathOf = (stepId: string) => `steps[${indexOf.get(stepId) ?? 0}]`;
  const report = (stepId: string, message: string, field = '') => problems.push({ path: pathOf(stepId) + field, stepId, message });
  const memo = new Map<string, ParallelBlock | null>();
  const inProgress = new Set<string>();
  /** Joins some split's branches reached, even when that split has other problems (reported there). */
  const joinsSeen = new Set<string>();

  const blockOf = (splitId: string): ParallelBlock | null => {
    if (memo.has(splitId)) return memo.get(splitId) ?? null;
    if (inProgress.has(splitId)) {
      report(splitId, 'This parallel split is reached again from inside its own branches; branches must join before looping back.');
      return null;
    }
    inProgress.add(splitId);
    const split = stepOf(definition, splitId) as StepDefinition;
    const joins = new Set<string>();
    const region = new Set<string>();
    const pending = [...(split.next_steps ?? [])];
    let isSound = true;
    while (pending.length > 0) {
      const id = pending.pop() as string;
      const step = stepOf(definition, id);
      if (!step || region.has(id)) continue;
      if (id === splitId) {
        report(splitId, 'A branch of this parallel split loops back to the split without passing its join.');
        isSound = false;
        continue;
      }
      if (step.type === 'join') {
        joins.add(id);
        joinsSeen.add(id);
        continue;
      }
      region.add(id);
      if (step.type === 'parallel') {
        const inner = blockOf(id);
        if (!inner) {
          isSound = false;
          continue;
        }
        for (const innerStep of inner.region) region.add(innerStep);
        region.add(inner.join);
        pending.push(...successorsOf(stepOf(definition, inner.join) as StepDefinition));
        continue;
      }
      const endings = endingActions(step).filter((action) => action !== 'reject');
      if (endings.length > 0) {
        report(id, `This step is inside the parallel split "${split.name}" but ends the flow (${endings.join(', ')}) before the branches join.`);
        isSound = false;
      }
      pending.push(...successorsOf(step));
    }
    inProgress.delete(splitId);
    let block: ParallelBlock | null = null;
    if (joins.size === 0) report(splitId, 'The branches of this parallel split never meet at a join.');
    else if (joins.size > 1) report(splitId, `The branches of this parallel split meet at different joins (${[...joins].join(', ')}); they must meet at one.`);
    else if (isSound) block = { split: splitId, join: [...joins][0] as string, region };
    memo.set(splitId, block);
    return block;
  };

  const blocks: ParallelBlock[] = [];
  for (const step of definition.steps) {
    if (step.type !== 'parallel') continue;
    const block = blockOf(step.step_id);
    if (block && !blocks.some((b) => b.split === block.split)) blocks.push(block);
  }

  const closedBy = new Map<string, string[]>();
  for (const block of blocks) closedBy.set(block.join, [...(closedBy.get(block.join) ?? []), block.split]);
  for (const step of definition.steps) {
    if (step.type !== 'join') continue;
    const splits = closedBy.get(step.step_id) ?? [];
    if (!joinsSeen.has(step.step_id)) {
      report(step.step_id, 'This join does not match any parallel split.');
    }
    if (splits.length > 1) report(step.step_id, `This join closes several parallel splits (${splits.join(', ')}); each split needs its own join.`);
  }

  checkEntries(definition, blocks, report);
  return { blocks, problems };
}

/** Nothing outside a split may lead into its branches or straight to its join. */
function checkEntries(definition: WorkflowDefinition, blocks: ParallelBlock[], report: (stepId: string, message: string) => void): void {
  const predecessors = new Map<string, string[]>();
  for (const step of definition.steps) {
    for (const next of successorsOf(step)) predecessors.set(next, [...(predecessors.get(next) ?? []), step.step_id]);
  }
  for (const block of blocks) {
    for (const inside of [...block.region, block.join]) {
      for (const from of predecessors.get(inside) ?? []) {
        if (from !== block.split && !block.region.has(from)) {
          report(from, `This step leads to "${inside}", inside the parallel split "${block.split}", without passing the split.`);
        }
      }
    }
  }
}
