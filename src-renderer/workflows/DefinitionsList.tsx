import AccountTreeIcon from '@mui/icons-material/AccountTree';
import AddIcon from '@mui/icons-material/Add';
import DownloadIcon from '@mui/icons-material/Download';
import EditIcon from '@mui/icons-material/Edit';
import PublishIcon from '@mui/icons-material/Publish';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import VisibilityIcon from '@mui/icons-material/Visibility';
import BlockIcon from '@mui/icons-material/Block';
import MoveDownIcon from '@mui/icons-material/MoveDown';
import {
  Alert, Box, Button, Chip, FormControlLabel, IconButton, LinearProgress, Paper, Snackbar, Stack, Switch, Table, TableBody, TableCell, TableContainer,
  TableHead, TableRow, Tooltip, Typography,
} from '@mui/material';
import { Fragment, useRef, useState } from 'react';
import type { AppError } from '../../src-shared/core/result';
import type { DefinitionSummaryView } from '../../src-shared/workflows/workflow-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { newCommandId } from './command-id';
import { ConfirmDialog } from './ConfirmDialog';
import { LocalTime } from './LocalTime';
import { TemplateDialog } from './TemplateDialog';
import { useDefinitionFiles } from './use-definition-files';
import { useWorkflowNav } from './use-workflow-nav';
import { definitionStatusLabel } from './workflow-labels';

const statusColor = { draft: 'default', published: 'success', retired: 'warning' } as const;

/** Keeps each action in its column when a row lacks one. */
const ActionGap = () => <Box component="span" sx={{ display: 'inline-block', width: 40 }} />;

const problemCount = (error: AppError) => (Array.isArray(error.details) ? error.details.length : 0);

/** Every workflow by code with its versions; administrators create, import, publish and retire here. */
export function DefinitionsList({ isAdmin }: { isAdmin: boolean }) {
  const [includeRetired, setIncludeRetired] = useState(false);
  const definitions = useLiveQuery('workflows/definitions/list', { includeRetired });
  const publish = useCommand('workflows/definitions/publish');
  const retire = useCommand('workflows/definitions/retire');
  const files = useDefinitionFiles();
  const nav = useWorkflowNav();
  const fileInput = useRef<HTMLInputElement>(null);
  const [isTemplateOpen, setTemplateOpen] = useState(false);
  const [retiring, setRetiring] = useState<DefinitionSummaryView | null>(null);
  const [rowError, setRowError] = useState<{ code: string; error: AppError } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = definitions.data ?? [];

  const doPublish = async (d: DefinitionSummaryView) => {
    setRowError(null);
    const result = await publish.run({ commandId: newCommandId(), code: d.code });
    if (result.ok) setNotice(`Published ${d.name}, version ${result.value.definition.version}.`);
    else setRowError({ code: d.code, error: result.error });
  };
  const doExport = async (d: DefinitionSummaryView) => {
    setRowError(null);
    const error = await files.exportCode(d.code);
    if (error) setRowError({ code: d.code, error });
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>Workflow definitions</Typography>
        <FormControlLabel control={<Switch checked={includeRetired} onChange={(e) => setIncludeRetired(e.target.checked)} />} label="Show retired" />
        {isAdmin && (
          <>
            <input ref={fileInput} type="file" accept="application/json,.json" hidden aria-label="Definition file"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                const code = await files.importFile(file);
                if (code) setNotice(`Imported ${file.name} as a draft of ${code}.`);
              }} />
            <Button variant="outlined" startIcon={<UploadFileIcon />} disabled={files.isImporting} onClick={() => { files.clear(); fileInput.current?.click(); }}>Import JSON</Button>
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setTemplateOpen(true)}>New from template</Button>
          </>
        )}
      </Stack>
      {files.importError && (
        <Alert severity="error" onClose={files.clear}>
          {errorText(files.importError)}{problemCount(files.importError) > 1 ? ` (and ${problemCount(files.importError) - 1} more problems)` : ''}
        </Alert>
      )}
      {definitions.isLoading && <LinearProgress aria-label="Loading definitions" />}
      {definitions.error && <Alert severity="error">{errorText(definitions.error)}</Alert>}
      {!definitions.isLoading && !definitions.error && list.length === 0 && (
        <EmptySection icon={<AccountTreeIcon />} title="No workflow definitions yet"
          text={isAdmin
            ? 'A definition describes a process — its steps, who does each, approvals and deadlines. Copy a template such as equipment procurement, or import a JSON file.'
            : 'Workflow definitions — procurement, budget, leave, CAPA and others — will be listed here once an administrator publishes them.'}
          action={isAdmin ? <Button variant="outlined" onClick={() => setTemplateOpen(true)}>Start from a template</Button> : undefined} />
      )}
      {list.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Workflow definitions">
            <TableHead>
              <TableRow>
                <TableCell>Code</TableCell><TableCell>Name</TableCell><TableCell>Category</TableCell><TableCell>Version</TableCell>
                <TableCell>Status</TableCell><TableCell>Updated</TableCell><TableCell align="right">Actions</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((d) => (
                <Fragment key={d.code}>
                  <TableRow hover data-testid="definition-row">
                    <TableCell sx={{ fontFamily: 'monospace' }}>{d.code}</TableCell>
                    <TableCell>
                      <Typography variant="body2" sx={{ fontWeight: 500 }}>{d.name}</Typography>
                      <Typography variant="caption" color="text.secondary">{d.stepCount} steps</Typography>
                    </TableCell>
                    <TableCell>{d.category ?? '—'}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {d.publishedVersion !== null && `v${d.publishedVersion}`}
                      {d.draftVersion !== null && <Chip size="small" label={`draft v${d.draftVersion}`} variant="outlined" sx={{ ml: d.publishedVersion !== null ? 1 : 0 }} />}
                    </TableCell>
                    <TableCell><Chip size="small" label={definitionStatusLabel[d.status]} color={statusColor[d.status]} /></TableCell>
                    <TableCell><LocalTime iso={d.updatedAt} /></TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Tooltip title={isAdmin ? 'Edit' : 'View'}>
                        <IconButton aria-label={`${isAdmin ? 'Edit' : 'View'} ${d.name}`} onClick={() => nav.openEditor(d.code)}>{isAdmin ? <EditIcon /> : <VisibilityIcon />}</IconButton>
                      </Tooltip>
                      {isAdmin && (d.draftVersion !== null ? (
                        <Tooltip title="Publish the draft">
                          <span><IconButton aria-label={`Publish ${d.name}`} disabled={publish.isRunning} onClick={() => void doPublish(d)}><PublishIcon /></IconButton></span>
                        </Tooltip>
                      ) : <ActionGap />)}
                      <Tooltip title="Export JSON"><IconButton aria-label={`Export ${d.name}`} onClick={() => void doExport(d)}><DownloadIcon /></IconButton></Tooltip>
                      {/* Only a published version can be retired; a draft that never ran has nothing to stop. */}
                      {isAdmin && d.status !== 'retired' && d.publishedVersion !== null && (
                        <Tooltip title="Retire"><IconButton aria-label={`Retire ${d.name}`} onClick={() => { retire.clearError(); setRetiring(d); }}><BlockIcon /></IconButton></Tooltip>
                      )}
                      {isAdmin && (d.status === 'retired' || d.publishedVersion === null) && <ActionGap />}
                      {isAdmin && (d.publishedVersion !== null ? (
                        <Tooltip title="Move running instances to another version">
                          <IconButton aria-label={`Move running instances of ${d.name}`} onClick={() => nav.openMigration(d.code)}><MoveDownIcon /></IconButton>
                        </Tooltip>
                      ) : <ActionGap />)}
                    </TableCell>
                  </TableRow>
                  {rowError?.code === d.code && (
                    <TableRow>
                      <TableCell colSpan={7} sx={{ py: 1 }}>
                        <Alert severity="error" onClose={() => setRowError(null)}
                          action={rowError.error.code === 'invalid_definition' ? <Button color="inherit" size="small" onClick={() => nav.openEditor(d.code)}>Open editor</Button> : undefined}>
                          {errorText(rowError.error)}{problemCount(rowError.error) > 1 ? ` (${problemCount(rowError.error)} problems in all)` : ''}
                        </Alert>
                      </TableCell>
                    </TableRow>
                  )}
                </Fragment>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <TemplateDialog isOpen={isTemplateOpen} onClose={() => setTemplateOpen(false)} onCreated={(code) => { setTemplateOpen(false); nav.openEditor(code); }} />
      <ConfirmDialog
        isOpen={retiring !== null}
        title={`Retire ${retiring?.name ?? ''}?`}
        text="A retired workflow starts no new instances. Instances already running go on to their end with the version they started with."
        confirmLabel="Retire"
        isDanger
        isRunning={retire.isRunning}
        error={retire.error ? errorText(retire.error) : undefined}
        onCancel={() => setRetiring(null)}
        onConfirm={async () => {
          if (!retiring) return;
          const result = await retire.run({ commandId: newCommandId(), code: retiring.code });
          if (result.ok) {
            setNotice(`Retired ${retiring.name}.`);
            setRetiring(null);
          }
        }}
      />
      <Snackbar open={notice !== null} autoHideDuration={6000} onClose={() => setNotice(null)} message={notice ?? ''} />
    </Stack>
  );
}
