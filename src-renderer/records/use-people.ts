import { useMemo } from 'react';
import type { PersonView } from '../../src-shared/people/person';
import { useLiveQuery } from '../bridge/BridgeProvider';

/** Everyone in this PC's directory (former colleagues too, so old records still show names) and a name lookup. */
export function usePeople(): { people: PersonView[]; nameOf: (id: string) => string | undefined } {
  const list = useLiveQuery('people/list', { includeInactive: true });
  return useMemo(() => {
    const people = list.data ?? [];
    const names = new Map(people.map((p) => [p.id, p.name]));
    return { people, nameOf: (id: string) => names.get(id) };
  }, [list.data]);
}

/** The signed-in person. */
export function useSignedInPerson(): PersonView | undefined {
  return useLiveQuery('auth/status', {}).data?.session?.person;
}
