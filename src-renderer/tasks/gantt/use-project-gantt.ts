import { useCallback, useRef, useState } from 'react';
import type { ExportView } from '../../../src-shared/projects/plan-views';
import type { AppError, Result } from '../../../src-shared/core/result';
import { useBridge, useCommand, useLiveQuery } from '../../bridge/BridgeProvider';

/**
 * A project's Gantt data, live, and the commands the chart sends: a bar dragged or resized becomes
 * `tasks/reschedule` (the host pushes successors later to keep finish-to-start order), a progress
 * handle `tasks/set-progress`. A refusal is kept so the chart can say why the bar went back.
 */
export function useProjectGantt(projectId: string) {
  const client = useBridge();
  const gantt = useLiveQuery('projects/gantt', { projectId });
  const reschedule = useCommand('tasks/reschedule');
  const setProgress = useCommand('tasks/set-progress');
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // gantt-task-react can register its drop listener twice when the pointer moves right after the
  // press (its "is moving" flag lands a render late), and then reports the same drop twice: the
  // same change asked for again while the first is on its way is that first one.
  const inFlight = useRef(new Map<string, Promise<boolean>>());
  const once = (key: string, run: () => Promise<boolean>): Promise<boolean> => {
    const pending = inFlight.current.get(key);
    if (pending) return pending;
    const started = run().finally(() => inFlight.current.delete(key));
    inFlight.current.set(key, started);
    return started;
  };

  const onReschedule = (id: string, startDate: string, dueDate: string): Promise<boolean> =>
    once(`dates|${id}|${startDate}|${dueDate}`, async () => {
      const result = await reschedule.run({ id, startDate, dueDate });
      if (!result.ok) {
        setRefusal(result.error);
        return false;
      }
      const pushed = result.value.changed.length - 1;
      setNotice(pushed > 0 ? `Moved, and ${pushed} later task${pushed === 1 ? '' : 's'} pushed back to keep their order.` : null);
      return true;
    });

  const onProgress = (id: string, progress: number): Promise<boolean> =>
    once(`progress|${id}|${progress}`, async () => {
      const result = await setProgress.run({ id, progress });
      if (!result.ok) setRefusal(result.error);
      return result.ok;
    });

  /** The export as the host renders it now (a live query read once). */
  const exportPlan = useCallback(
    (format: 'mermaid' | 'csv') =>
      new Promise<Result<ExportView>>((resolve) => {
        let stop: (() => void) | null = null;
        let isDone = false;
        stop = client.subscribe('projects/export', { projectId, format }, (result) => {
          isDone = true;
          stop?.();
          resolve(result);
        });
        if (isDone) stop();
      }),
    [client, projectId],
  );

  return {
    view: gantt.data,
    error: gantt.error,
    isLoading: gantt.isLoading,
    onReschedule,
    onProgress,
    exportPlan,
    refusal,
    clearRefusal: () => setRefusal(null),
    notice,
    clearNotice: () => setNotice(null),
  };
}
