import { Stack, Tab, Tabs } from '@mui/material';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { kindsOfModule, registerKindOf, useRecordNav, type RecordModule } from './record-routes';
import { RegisterPage } from './RegisterPage';

/**
 * A module's section (Equipment, CRM, HR, Finance …): the registers of its record kinds, one tab
 * each, the open one named in the address (`#/equipment/purchase_request`).
 */
export function ModuleRegisters({ module, path }: { module: RecordModule; path: readonly string[] }) {
  const kinds = kindsOfModule(module);
  const kind = registerKindOf(module, path) as AnyRecordKind;
  const nav = useRecordNav();
  return (
    <Stack spacing={2}>
      {kinds.length > 1 && (
        <Tabs variant="scrollable" scrollButtons="auto" value={kind.kind} onChange={(_e, name: string) => nav.openRegister(kinds.find((k) => k.kind === name) as AnyRecordKind)} aria-label="Registers">
          {kinds.map((k) => <Tab key={k.kind} value={k.kind} label={k.pluralLabel} />)}
        </Tabs>
      )}
      <RegisterPage key={kind.kind} kind={kind} />
    </Stack>
  );
}
