import { z } from 'zod';

/**
 * The opportunity pipeline's stages, each with the default probability an opportunity takes when it
 * enters the stage. Configurable by sales managers (sales-settings-kind.ts); won (100 %) and lost
 * (0 %) are an opportunity's outcomes — its status — not stages. Pure.
 */
export const pipelineStageSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lower-case letters, digits and _ for a stage id.'),
  label: z.string().trim().min(1, 'Name the stage.').max(60),
  probabilityPercent: z.number().int('Whole percent.').min(0, 'At least 0 %.').max(100, 'At most 100 %.'),
});
export type PipelineStage = z.infer<typeof pipelineStageSchema>;

export const defaultPipelineStages: readonly PipelineStage[] = [
  { id: 'qualification', label: 'Qualification', probabilityPercent: 10 },
  { id: 'needs_analysis', label: 'Needs analysis', probabilityPercent: 25 },
  { id: 'proposal', label: 'Proposal', probabilityPercent: 50 },
  { id: 'negotiation', label: 'Negotiation', probabilityPercent: 75 },
];

/** What is wrong with a stage list, for the settings form (empty when it is fine). */
export function stageListProblems(stages: readonly PipelineStage[]): string[] {
  const problems: string[] = [];
  if (stages.length === 0) problems.push('The pipeline needs at least one stage.');
  const seen = new Set<string>();
  for (const stage of stages) {
    if (seen.has(stage.id)) problems.push(`Two stages are called "${stage.id}"; give each its own id.`);
    seen.add(stage.id);
  }
  const labels = stages.map((s) => s.label.toLowerCase());
  if (new Set(labels).size !== labels.length) problems.push('Two stages have the same name.');
  return problems;
}

/** The probability an opportunity takes on entering a stage; undefined for a stage that is not (any longer) in the pipeline. */
export const defaultProbabilityOf = (stages: readonly PipelineStage[], stageId: string): number | undefined =>
  stages.find((s) => s.id === stageId)?.probabilityPercent;

/**
 * Why the new list of stages cannot replace the old one: a removed stage that open opportunities
 * are still in (they would drop off the board). Null when nothing open is stranded. Pure; the sales
 * settings' invariant runs it on the host and the sync server.
 */
export function removedStageProblem(before: readonly PipelineStage[], after: readonly PipelineStage[], open: readonly { data?: unknown }[]): string | null {
  const kept = new Set(after.map((s) => s.id));
  const stranded = before
    .filter((s) => !kept.has(s.id))
    .map((s) => ({ label: s.label, count: open.filter((o) => (o.data as { stageId?: unknown } | undefined)?.stageId === s.id).length }))
    .filter((s) => s.count > 0);
  if (stranded.length === 0) return null;
  const [first, ...rest] = stranded.map((s, i) => (i === 0 ? `${s.count} open ${s.count === 1 ? 'opportunity is' : 'opportunities are'} in ${s.label}` : `${s.count} in ${s.label}`));
  const what = rest.length === 0 ? first! : `${[first, ...rest.slice(0, -1)].join(', ')} and ${rest[rest.length - 1]}`;
  return `${what}. Move ${stranded.length === 1 && stranded[0]!.count === 1 ? 'it' : 'them'} to another stage, or close ${stranded.length === 1 && stranded[0]!.count === 1 ? 'it' : 'them'}, before removing the stage.`;
}
