import type { z } from 'zod';

type Doc = Record<string, unknown>;

/**
 * A rule that ties fields of one stored document together: a done task is 100% complete, a period
 * ends after it starts. Declared beside its model and checked by the model's schema (so commands
 * keep it) and by the sync server's merge (src-shared/sync/merge-rules.ts), so two versions that
 * each keep it never merge into one that breaks it.
 */
export interface DocumentRule {
  /** The field paths the rule reads (`status`, `data.periodStart`): a merge that breaks it is undone on these. */
  fields: readonly string[];
  /** The field a form shows the message next to: one of `fields`. */
  path: string;
  message: string;
  holds(doc: Doc): boolean;
}

/** Dates (or date-times) in order when both are given. */
export const isInOrder = (start: unknown, end: unknown): boolean => typeof start !== 'string' || typeof end !== 'string' || start <= end;

/** Reports each broken rule on its path: a model schema's `superRefine`. */
export function checkRules(rules: readonly DocumentRule[], doc: Doc, ctx: z.RefinementCtx): void {
  for (const rule of rules) {
    if (!rule.holds(doc)) ctx.addIssue({ code: 'custom', message: rule.message, path: rule.path.split('.') });
  }
}
