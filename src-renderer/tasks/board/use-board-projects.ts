import { useMemo } from 'react';
import { useLiveQuery } from '../../bridge/BridgeProvider';

/** Projects for the board's project picker; null when the board is fixed to one project (no picker). */
export function useBoardProjects(isPicker: boolean): Array<{ id: string; code: string; name: string }> | null {
  const projects = useLiveQuery('projects/list', { includeArchived: false });
  const list = projects.data;
  return useMemo(() => (isPicker ? (list?.map((p) => ({ id: p.id, code: p.code, name: p.name })) ?? []) : null), [isPicker, list]);
}
