import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography, LinearProgress } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import type { LeadImportProgress } from '../../src-shared/crm/crm-contract';
import { parseCsv, type CsvTable } from '../../src-shared/crm/csv-parse';
import { guessMapping, importableLeadFields, previewLeadImport, type ColumnMapping, type ImportableLeadField } from '../../src-shared/crm/lead-import';
import { leadKind } from '../../src-shared/crm/lead-kind';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { CsvFileChooser } from '../import/CsvFileChooser';

const fieldLabel = (field: string) => leadKind.fields.find((f) => f.field === field)?.label ?? field;
const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the person is told when an import ends (a failed one stays in the dialog with its problem). */
function outcomeText({ state, imported, total, skipped }: LeadImportProgress): string {
  const skippedText = skipped ? `; ${counted(skipped, 'row with errors was', 'rows with errors were')} skipped` : '';
  if (state === 'cancelled') return `Import cancelled: ${imported} of ${counted(total, 'lead', 'leads')} imported${skippedText}.`;
  return `${counted(imported, 'lead', 'leads')} imported${skippedText}.`;
}

/**
 * An import larger than a batch, followed live: "n of N leads imported" and Cancel, which stops it
 * after the batch being written (the host writes each batch whole or not at all).
 */
function ImportRunning({ importId, onEnded }: { importId: string; onEnded: (progress: LeadImportProgress) => void }) {
  const progress = useLiveQuery('crm/leads/import-progress', { importId });
  const cancel = useCommand('crm/leads/cancel-import');
  const view = progress.data;
  useEffect(() => {
    if (view && view.state !== 'running') onEnded(view);
  }, [view, onEnded]);
  if (!view) return progress.error ? <Alert severity="error">{errorText(progress.error)}</Alert> : <LinearProgress aria-label="Starting the import" />;
  return (
    <Stack spacing={1} data-testid="import-progress">
      <LinearProgress variant="determinate" value={(100 * view.imported) / view.total} aria-label="Leads imported" />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" sx={{ flex: 1 }}>{view.imported} of {counted(view.total, 'lead', 'leads')} imported</Typography>
        <Button variant="outlined" color="warning" disabled={cancel.isRunning || view.state !== 'running'} onClick={() => void cancel.run({ importId })}>Cancel import</Button>
      </Stack>
      {cancel.error && <Alert severity="error">{errorText(cancel.error)}</Alert>}
    </Stack>
  );
}
/** Errors shown in the preview; the count says how many more there are. */
const SHOWN_ERRORS = 50;

/**
 * Importing leads from a CSV file: the columns mapped to lead fields (guessed from the headers),
 * every row checked as the host will check it (lead-import.ts) with each error's line and field
 * shown before anything is written; rows with errors are skipped.
 */
export function LeadImportDialog({ onClose, onImported }: { onClose: () => void; onImported: (text: string) => void }) {
  const importLeads = useCommand('crm/leads/import');
  const [file, setFile] = useState<{ name: string; text: string; table: CsvTable } | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const preview = useMemo(() => (file ? previewLeadImport(file.table, mapping, {}) : null), [file, mapping]);
  const [runningId, setRunningId] = useState<string | null>(null);
  const [failed, setFailed] = useState<LeadImportProgress | null>(null);
  const onEnded = useMemo(
    () => (ended: LeadImportProgress) => {
      setRunningId(null);
      if (ended.state === 'failed') setFailed(ended);
      else onImported(outcomeText(ended));
    },
    [onImported],
  );

  const choose = async (chosen: File) => {
    const text = await chosen.text();
    const table = parseCsv(text);
    setFile({ name: chosen.name, text, table });
    setMapping(guessMapping(table.headers));
    importLeads.clearError();
  };
  const mapColumn = (index: number, field: ImportableLeadField | '') =>
    setMapping((m) => {
      const next: ColumnMapping = Object.fromEntries(Object.entries(m).filter(([i, f]) => Number(i) !== index && f !== field));
      if (field) next[index] = field;
      return next;
    });
  const submit = async () => {
    if (!file) return;
    const result = await importLeads.run({ csv: file.text, mapping: Object.fromEntries(Object.entries(mapping).map(([i, f]) => [i, f as ImportableLeadField])) });
    if (!result.ok) return;
    if (result.value.state === 'running') setRunningId(result.value.importId);
    else onImported(outcomeText(result.value));
  };
  const isBusy = importLeads.isRunning || runningId !== null;
  return (
    <Dialog open onClose={isBusy ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby="lead-import-title">
      <DialogTitle id="lead-import-title">Import leads from CSV</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <CsvFileChooser inputLabel="CSV file" chosen={file ? `${file.name}: ${file.table.rows.length} rows` : null} hint="A header line, then one lead per line (comma or semicolon separated)." onChoose={(chosen) => void choose(chosen)} />
          {file && (
            <Table size="small" aria-label="Column mapping">
              <TableHead><TableRow><TableCell>Column in the file</TableCell><TableCell>Lead field</TableCell><TableCell>First row</TableCell></TableRow></TableHead>
              <TableBody>
                {file.table.headers.map((header, index) => (
                  <TableRow key={`${index}-${header}`}>
                    <TableCell>{header || `Column ${index + 1}`}</TableCell>
                    <TableCell sx={{ width: 260 }}>
                      <TextField select size="small" fullWidth value={mapping[index] ?? ''} onChange={(e) => mapColumn(index, e.target.value as ImportableLeadField | '')} slotProps={{ htmlInput: { 'aria-label': `Field for ${header || `column ${index + 1}`}` } }}>
                        <MenuItem value="">Not imported</MenuItem>
                        {importableLeadFields.map((f) => <MenuItem key={f} value={f}>{fieldLabel(f)}</MenuItem>)}
                      </TextField>
                    </TableCell>
                    <TableCell>{file.table.rows[0]?.cells[index] ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {preview && (
            <Alert severity={preview.errors.length ? 'warning' : 'success'} data-testid="import-summary">
              {preview.valid.length} {preview.valid.length === 1 ? 'row' : 'rows'} ready to import{preview.invalidRows ? `; ${preview.invalidRows} with errors will be skipped` : ''}.
            </Alert>
          )}
          {preview && preview.errors.length > 0 && (
            <Table size="small" aria-label="Import errors">
              <TableHead><TableRow><TableCell>Line</TableCell><TableCell>Field</TableCell><TableCell>Problem</TableCell></TableRow></TableHead>
              <TableBody>
                {preview.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                  <TableRow key={`${e.line}-${e.field}-${i}`} data-testid="import-error"><TableCell>{e.line}</TableCell><TableCell>{fieldLabel(e.field)}</TableCell><TableCell>{e.message}</TableCell></TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {preview && preview.errors.length > SHOWN_ERRORS && <Typography variant="body2" color="text.secondary">… and {preview.errors.length - SHOWN_ERRORS} more.</Typography>}
          {importLeads.error && <Alert severity="error">{errorText(importLeads.error)}</Alert>}
          {runningId && <ImportRunning importId={runningId} onEnded={onEnded} />}
          {failed && (
            <Alert severity="error" data-testid="import-failed">
              {failed.problem} {failed.imported} of {counted(failed.total, 'lead', 'leads')} imported.
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={isBusy}>{failed ? 'Close' : 'Cancel'}</Button>
        <Button variant="contained" disabled={!preview || preview.valid.length === 0 || isBusy || failed !== null} onClick={() => void submit()}>
          {preview ? `Import ${preview.valid.length} leads` : 'Import'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
