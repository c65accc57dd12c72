import { useCallback } from 'react';
import { useLiveQuery } from '../bridge/BridgeProvider';

/** A person's name by id, from the directory (for clash warnings and pickers). */
export function useDirectoryNames() {
  const people = useLiveQuery('people/list', { includeInactive: true });
  const data = people.data;
  return useCallback((id: string) => data?.find((p) => p.id === id)?.name ?? 'Someone', [data]);
}

/** The active people of the directory, for pickers. */
export function useActivePeople() {
  return useLiveQuery('people/list', { includeInactive: false }).data ?? [];
}
