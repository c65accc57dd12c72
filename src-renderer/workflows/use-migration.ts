import { useEffect, useMemo, useState } from 'react';
import type { AppError } from '../../src-shared/core/result';
import type { MigrationPlanView } from '../../src-shared/workflows/workflow-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { newCommandId } from './command-id';

/** Instances per migrate command, so a long run shows progress and the host's write queue stays responsive. */
const CHUNK = 50;

export type MigrationOutcome = { instanceId: string; label: string } & ({ isMoved: true } | { isMoved: false; message: string });

/**
 * The migration screen's state: the target version, the administrator's step choices (over the
 * host's same-id suggestions), the plan the host previews for them, the chosen instances, and a run
 * in chunks with its progress and the outcome per instance.
 */
export function useMigration(code: string, toVersion: number | undefined) {
  const planCommand = useCommand('workflows/definitions/plan-migration');
  const migrate = useCommand('workflows/definitions/migrate-instances');
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [plan, setPlan] = useState<MigrationPlanView | undefined>(undefined);
  const [planError, setPlanError] = useState<AppError | undefined>(undefined);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>(undefined);
  const [outcomes, setOutcomes] = useState<MigrationOutcome[] | undefined>(undefined);
  const [planRound, setPlanRound] = useState(0);

  useEffect(() => {
    if (toVersion === undefined) return;
    let isCurrent = true;
    void planCommand.run({ code, toVersion, stepMapping: choices, suggest: true }).then((result) => {
      if (!isCurrent) return;
      setPlan(result.ok ? result.value : undefined);
      setPlanError(result.ok ? undefined : result.error);
    });
    return () => void (isCurrent = false);
    // planCommand is a fresh object each render; the plan depends only on these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code, toVersion, choices, planRound]);

  const ids = useMemo(() => new Set(plan?.instances.map((i) => i.instanceId)), [plan]);
  const chosen = [...selected].filter((id) => ids.has(id));

  const run = async () => {
    if (!plan || toVersion === undefined || chosen.length === 0) return;
    const labels = new Map(plan.instances.map((i) => [i.instanceId, i.label]));
    const byVersion = new Map<number, string[]>();
    for (const item of plan.instances) if (selected.has(item.instanceId)) byVersion.set(item.fromVersion, [...(byVersion.get(item.fromVersion) ?? []), item.instanceId]);
    const results: MigrationOutcome[] = [];
    setOutcomes(undefined);
    setProgress({ done: 0, total: chosen.length });
    for (const [fromVersion, instanceIds] of byVersion) {
      for (let from = 0; from < instanceIds.length; from += CHUNK) {
        const chunk = instanceIds.slice(from, from + CHUNK);
        const result = await migrate.run({ commandId: newCommandId(), code, fromVersion, toVersion, stepMapping: plan.stepMapping, instanceIds: chunk });
        const label = (id: string) => labels.get(id) ?? id;
        if (result.ok) {
          results.push(...result.value.migrated.map((id) => ({ instanceId: id, label: label(id), isMoved: true as const })));
          results.push(...result.value.skipped.map((s) => ({ instanceId: s.instanceId, label: label(s.instanceId), isMoved: false as const, message: s.message })));
        } else {
          results.push(...chunk.map((id) => ({ instanceId: id, label: label(id), isMoved: false as const, message: result.error.message })));
        }
        setProgress((p) => (p ? { ...p, done: p.done + chunk.length } : p));
      }
    }
    setOutcomes(results);
    setProgress(undefined);
    setSelected(new Set());
    setPlanRound((n) => n + 1);
  };

  return {
    plan,
    planError,
    isPlanning: planCommand.isRunning,
    choices,
    choose: (stepId: string, to: string) => setChoices((c) => ({ ...c, [stepId]: to })),
    selected: chosen,
    setSelected: (next: readonly string[]) => setSelected(new Set(next)),
    run,
    isRunning: progress !== undefined,
    progress,
    outcomes,
    clearOutcomes: () => setOutcomes(undefined),
  };
}
