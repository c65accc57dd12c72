import { useEffect, useState } from 'react';
import type { SearchHit } from '../../src-shared/records/record-contract';
import { useBridge } from '../bridge/BridgeProvider';

export interface SearchState {
  hits: SearchHit[];
  /** The words the hits answer (they lag the typing by a round trip). */
  answered: string;
  isSearching: boolean;
}

/**
 * Records, projects, tasks and people matching the words (`records/search`, live), nothing while
 * no word is typed. Each change of words asks again; the last answer stays until the next arrives.
 */
export function useSearch(text: string, limit = 20): SearchState {
  const client = useBridge();
  const words = text.trim();
  const [state, setState] = useState<SearchState>({ hits: [], answered: '', isSearching: false });
  useEffect(() => {
    if (!words) {
      setState({ hits: [], answered: '', isSearching: false });
      return;
    }
    setState((s) => ({ ...s, isSearching: true }));
    return client.subscribe('records/search', { text: words, limit }, (result) => setState({ hits: result.ok ? result.value : [], answered: words, isSearching: false }));
  }, [client, words, limit]);
  return state;
}
