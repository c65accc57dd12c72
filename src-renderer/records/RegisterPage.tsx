import AddIcon from '@mui/icons-material/Add';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useDeferredValue, useMemo, useState } from 'react';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import type { CellLookups } from '../../src-shared/records/register-cells';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { ColumnsMenu } from './ColumnsMenu';
import { CreateRecordDialog } from './CreateRecordDialog';
import { RegisterExportMenu } from './RegisterExportMenu';
import { RegisterFilterBar } from './RegisterFilterBar';
import { RegisterGrid } from './RegisterGrid';
import { useRecordNav } from './record-routes';
import { initialRegisterState, registerQueryOf, withSettings, withView } from './register-state';
import { SavedViewsMenu } from './SavedViewsMenu';
import { usePeople } from './use-people';
import { useRegisterState } from './use-register-state';

/**
 * The register of one record kind: search, status and field filters, columns, saved views, export,
 * and the grid of records the person may read; "New …" opens the kind's create dialog.
 */
export function RegisterPage({ kind }: { kind: AnyRecordKind }) {
  const [state, setState] = useRegisterState(kind);
  const { people, nameOf } = usePeople();
  const nav = useRecordNav();
  const [isCreating, setCreating] = useState(false);
  // Typing re-asks the host per keystroke otherwise; the deferred words follow as React has time.
  const text = useDeferredValue(state.settings.text);
  const query = useMemo(() => registerQueryOf(kind, { ...state, settings: { ...state.settings, text } }), [kind, state, text]);
  const page = useLiveQuery('records/register', query);
  const lookups = useMemo((): CellLookups => ({ personName: nameOf, recordTitle: (id) => page.data?.titles?.[id] }), [nameOf, page.data]);
  const { offset: _offset, limit: _limit, ...whole } = query;
  const total = page.data?.total ?? 0;
  const isFiltered = state.settings.filters.length > 0 || state.settings.text.trim() !== '';

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2">{kind.pluralLabel}</Typography>
        <Typography variant="body2" color="text.secondary" data-testid="register-total" sx={{ flexGrow: 1, pl: 1 }}>
          {page.data ? `${total.toLocaleString()} ${isFiltered ? 'matching' : total === 1 ? 'record' : 'records'}` : ''}
        </Typography>
        <ColumnsMenu kind={kind} columns={state.settings.columns} onChange={(columns) => setState((s) => ({ ...s, settings: { ...s.settings, columns } }))} />
        <SavedViewsMenu kind={kind} settings={state.settings} viewId={state.viewId}
          onApply={(view) => setState((s) => withView(kind, s, view))}
          onReset={() => setState(() => initialRegisterState(kind))}
          onSaved={(view) => setState((s) => ({ ...s, viewId: view.id }))} />
        <RegisterExportMenu query={whole} columns={state.settings.columns} total={total} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} sx={{ whiteSpace: 'nowrap' }}>New {kind.label.toLowerCase()}</Button>
      </Stack>
      <RegisterFilterBar kind={kind} text={state.settings.text} filters={state.settings.filters} people={people} nameOf={nameOf}
        onText={(t) => setState((s) => withSettings(s, { text: t }))} onFilters={(filters) => setState((s) => withSettings(s, { filters }))} />
      {page.error && <Alert severity="error">{errorText(page.error)}</Alert>}
      <RegisterGrid
        kind={kind}
        page={page.data}
        isLoading={page.isLoading}
        columns={state.settings.columns}
        sort={state.settings.sort}
        pageIndex={state.page}
        pageSize={state.pageSize}
        lookups={lookups}
        queryKey={page.answers ?? ''}
        emptyText={isFiltered ? 'No record matches these words and filters.' : `No ${kind.pluralLabel.toLowerCase()} yet. Use “New ${kind.label.toLowerCase()}” to file the first.`}
        onSort={(sort) => setState((s) => withSettings(s, { sort }))}
        onPage={(pageIndex, pageSize) => setState((s) => ({ ...s, page: pageSize === s.pageSize ? pageIndex : 0, pageSize }))}
        onColumns={(columns) => setState((s) => ({ ...s, settings: { ...s.settings, columns } }))}
        onOpen={(id) => nav.openRecord(id)}
      />
      <CreateRecordDialog kind={kind} isOpen={isCreating} onClose={() => setCreating(false)} onCreated={(id) => { setCreating(false); nav.openRecord(id); }} />
    </Stack>
  );
}
