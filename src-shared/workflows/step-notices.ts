/**
 * Which "Waiting for you" and SLA notices a workflow change settles. A step's notices carry the
 * step's token in their key (`workflow_step_entered:<token>:<person>`, `workflow_sla:<token>:…`,
 * see src-shared/scheduler/workflow-reminders.ts); once the token has left the instance's active
 * steps (done, signed, rejected, cancelled, or moved on by an escalation) nobody is waiting any more.
 */

const STEP_NOTICE_PREFIXES = ['workflow_step_entered:', 'workflow_sla:'] as const;

/** The active steps' tokens of an instance before and after a change (null: it did not exist). */
interface ActiveTokens {
  activeSteps: readonly { token: string }[];
}

/** Tokens active before the change and not after it. */
export function endedStepTokens(before: ActiveTokens | null, after: ActiveTokens): string[] {
  if (!before) return [];
  const still = new Set(after.activeSteps.map((step) => step.token));
  return before.activeSteps.map((step) => step.token).filter((token) => !still.has(token));
}

/** The step token a notice key is about, or null for a key that is not a step's notice. */
export function stepTokenOfNoticeKey(key: string | undefined): string | null {
  if (!key) return null;
  const prefix = STEP_NOTICE_PREFIXES.find((p) => key.startsWith(p));
  if (!prefix) return null;
  const token = key.slice(prefix.length).split(':')[0];
  return token ? token : null;
}

/** True when a notice with this key is about one of the ended steps. */
export function isSettledBy(key: string | undefined, endedTokens: ReadonlySet<string>): boolean {
  const token = stepTokenOfNoticeKey(key);
  return token !== null && endedTokens.has(token);
}
