import type { PipelineCard } from '../../src-shared/crm/crm-contract';
import type { PipelineStage } from '../../src-shared/crm/pipeline-stages';

export interface StageColumn {
  stage: PipelineStage;
  cards: PipelineCard[];
  /** The column's value, one sum per currency (never converted). */
  totals: { amountMinor: number; currency: string }[];
}

/**
 * The board's columns: the open opportunities by stage, a card that is being moved (`pending`,
 * card id → stage id) already in its new column; a card whose stage is no longer in the pipeline
 * shows in the first column, so it can still be dragged somewhere.
 */
export function stageTotals(stages: readonly PipelineStage[], cards: readonly PipelineCard[], pending: ReadonlyMap<string, string>): StageColumn[] {
  const columns = stages.map((stage) => ({ stage, cards: [] as PipelineCard[], totals: [] as { amountMinor: number; currency: string }[] }));
  const byId = new Map(columns.map((c) => [c.stage.id, c]));
  for (const card of cards) {
    const column = byId.get(pending.get(card.id) ?? card.stageId) ?? columns[0];
    if (!column) continue;
    column.cards.push(card);
    const total = column.totals.find((t) => t.currency === card.value.currency);
    if (total) total.amountMinor += card.value.amountMinor;
    else column.totals.push({ ...card.value });
  }
  return columns;
}
