import { Alert, Button, LinearProgress, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { QualificationData } from '../../src-shared/equipment/qualification-kind';
import { meaningLabels, type QualificationMeaning } from '../../src-shared/equipment/qualification-rules';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { formatDateTime, resultText } from './equipment-labels';
import { SignQualificationDialog } from './SignQualificationDialog';
import { StatusChip } from './StatusChip';

const nextSignature: Record<string, QualificationMeaning | undefined> = { planned: 'executed', executed: 'reviewed', reviewed: 'approved' };

/** One qualification: its steps with results and comments (a failed step raises a deviation), and its signatures. */
export function QualificationPanel({ qualificationId }: { qualificationId: string }) {
  const record = useLiveQuery('records/get', { id: qualificationId });
  const step = useCommand('equipment/qualification/record-step');
  const [drafts, setDrafts] = useState<Record<string, { result: string; comment: string }>>({});
  const [isSigning, setIsSigning] = useState(false);
  if (record.error) return <Alert severity="error">{errorText(record.error)}</Alert>;
  if (!record.data) return <LinearProgress aria-label="Loading the qualification" />;
  const q = record.data;
  const data = q.data as QualificationData;
  // editableFields lists only the kind's register fields, and steps are not one: whoever may sign
  // the execution (the kind's `executor`) is whoever may record the steps.
  const canExecute = q.status === 'planned' && q.transitions.some((t) => t.to === 'executed');
  const meaning = nextSignature[q.status];
  const draftOf = (id: string) => drafts[id] ?? { result: data.steps.find((s) => s.id === id)?.result ?? '', comment: data.steps.find((s) => s.id === id)?.comment ?? '' };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-label={`Qualification ${q.number}`}>
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>{q.number} · {data.stage}: {data.protocolTitle}</Typography>
          <StatusChip kind="qualification" status={q.status} />
          {meaning && q.transitions.some((t) => t.to === ({ executed: 'executed', reviewed: 'reviewed', approved: 'approved' } as const)[meaning]) && (
            <Button variant="contained" onClick={() => setIsSigning(true)}>Sign: {meaningLabels[meaning].replace(' by', '')}</Button>
          )}
        </Stack>
        <Table size="small" aria-label="Test steps">
          <TableHead><TableRow><TableCell>Step</TableCell><TableCell>Acceptance criteria</TableCell><TableCell>Result</TableCell><TableCell>Comment</TableCell>{canExecute && <TableCell />}</TableRow></TableHead>
          <TableBody>
            {data.steps.map((s, i) => (
              <TableRow key={s.id} data-testid="qualification-step">
                <TableCell>{i + 1}. {s.text}</TableCell>
                <TableCell>{s.acceptanceCriteria}</TableCell>
                {canExecute ? (
                  <>
                    <TableCell>
                      <TextField select size="small" label={`Result of step ${i + 1}`} value={draftOf(s.id).result} onChange={(e) => setDrafts((d) => ({ ...d, [s.id]: { ...draftOf(s.id), result: e.target.value } }))} sx={{ width: 170 }}>
                        {(['pass', 'fail', 'na'] as const).map((r) => <MenuItem key={r} value={r}>{resultText[r]}</MenuItem>)}
                      </TextField>
                    </TableCell>
                    <TableCell><TextField size="small" label={`Comment on step ${i + 1}`} value={draftOf(s.id).comment} onChange={(e) => setDrafts((d) => ({ ...d, [s.id]: { ...draftOf(s.id), comment: e.target.value } }))} fullWidth /></TableCell>
                    <TableCell><Button size="small" disabled={!draftOf(s.id).result || step.isRunning} onClick={() => void step.run({ id: q.id, stepId: s.id, result: draftOf(s.id).result as 'pass' | 'fail' | 'na', comment: draftOf(s.id).comment })}>Save step {i + 1}</Button></TableCell>
                  </>
                ) : (
                  <>
                    <TableCell>{s.result ? resultText[s.result] : '—'}{s.deviationId ? ' (deviation raised)' : ''}</TableCell>
                    <TableCell>{s.comment || '—'}</TableCell>
                  </>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {step.error && <Alert severity="error">{errorText(step.error)}</Alert>}
        <Stack spacing={0.5}>
          <Typography variant="subtitle2">Signatures</Typography>
          {data.signatures.length === 0 && <Typography variant="body2" color="text.secondary">Not signed yet.</Typography>}
          {data.signatures.map((s) => <Typography key={`${s.meaning}${s.at}`} variant="body2" data-testid="signature">{meaningLabels[s.meaning]} {s.name}, {formatDateTime(s.at)}</Typography>)}
        </Stack>
        {isSigning && meaning && <SignQualificationDialog qualificationId={q.id} meaning={meaning} subject={`${q.number} ${data.stage}: ${data.protocolTitle}`} onClose={() => setIsSigning(false)} />}
      </Stack>
    </Paper>
  );
}
