import type { AnyRecordKind, RecordKind } from '../../src-shared/records/record-kind';
import { recordKindOf, recordKinds } from '../../src-shared/records/record-kinds';
import { create } from 'zustand';
import { useNavigation } from '../shell/navigation';

/**
 * Where records live in the app's address: a register is `#/<module>/<kind>` (the module's
 * section, e.g. `#/equipment/purchase_request`), a record `#/records/<id>/<tab>`, which is also
 * what notifications link to (`{ section: 'records', itemId }`). Reloads keep the place.
 */
export type RecordModule = RecordKind['module'];

export const RECORD_SECTION = 'records';

/** The kinds listed in a module's section, in the order they are declared. */
export const kindsOfModule = (module: RecordModule): AnyRecordKind[] => recordKinds.filter((k) => k.module === module);

/** The kind a module section's path names, or its first kind. */
export function registerKindOf(module: RecordModule, path: readonly string[]): AnyRecordKind | undefined {
  const kinds = kindsOfModule(module);
  const named = recordKindOf(path[0]);
  return named && named.module === module ? named : kinds[0];
}

/** Moves between registers and records (through the shared navigation, so leave guards apply). */
export function useRecordNav() {
  const go = useNavigation((s) => s.go);
  return {
    openRegister: (kind: AnyRecordKind) => go(kind.module, [kind.kind]),
    openRecord: (id: string, tab?: string) => go(RECORD_SECTION, tab ? [id, tab] : [id]),
  };
}

/** The module of the record page on screen, so the navigation rail can show where it belongs. */
export const useOpenRecordModule = create<{ module: RecordModule | null; set: (module: RecordModule | null) => void }>((set) => ({
  module: null,
  set: (module) => set({ module }),
}));
