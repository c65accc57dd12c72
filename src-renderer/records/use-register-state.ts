import { useCallback } from 'react';
import { create } from 'zustand';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { initialRegisterState, type RegisterState } from './register-state';

interface RegisterStates {
  byKind: Record<string, RegisterState>;
  put(kind: string, state: RegisterState): void;
}

/** Each register's state while the app runs (not across reloads: saved views are for keeping). */
const useRegisterStates = create<RegisterStates>((set) => ({
  byKind: {},
  put: (kind, state) => set((s) => ({ byKind: { ...s.byKind, [kind]: state } })),
}));

/** The register state of `kind` and a setter taking the next state from the current one. */
export function useRegisterState(kind: AnyRecordKind): [RegisterState, (change: (state: RegisterState) => RegisterState) => void] {
  const state = useRegisterStates((s) => s.byKind[kind.kind]) ?? initialRegisterState(kind);
  const put = useRegisterStates((s) => s.put);
  const update = useCallback(
    (change: (state: RegisterState) => RegisterState) => put(kind.kind, change(useRegisterStates.getState().byKind[kind.kind] ?? initialRegisterState(kind))),
    [kind, put],
  );
  return [state, update];
}
