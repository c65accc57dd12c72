import { Alert, Breadcrumbs, Button, Link, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { RecordView } from '../../src-shared/records/record-contract';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { useCommand } from '../bridge/BridgeProvider';
import { PrintDocumentButton } from '../documents/PrintDocumentButton';
import { errorText } from '../errors/error-text';
import { RecordNumber } from './RecordNumber';
import { StatusChip } from './StatusChip';
import { TransitionDialog } from './TransitionDialog';

/**
 * The top of every record page: where it belongs (its register), its number ("Provisional" until
 * the team's number arrives), title and status, the status changes this person may make now —
 * never the ones only a workflow makes (approvals) — and "Print / PDF" (its documents, to save or
 * keep with its files).
 */
export function RecordHeader({ record, kind }: { record: RecordView; kind: AnyRecordKind | undefined }) {
  const move = useCommand('records/transition');
  const [asking, setAsking] = useState<RecordView['transitions'][number] | null>(null);
  const run = (transition: RecordView['transitions'][number]) => {
    if (transition.needsReason) setAsking(transition);
    else void move.run({ id: record.id, to: transition.to });
  };
  return (
    <Stack spacing={1}>
      <Breadcrumbs aria-label="Where this record belongs">
        {kind ? <Link underline="hover" color="inherit" href={`#/${kind.module}/${kind.kind}`}>{kind.pluralLabel}</Link> : <Typography color="text.secondary">{record.kindLabel}</Typography>}
        <RecordNumber number={record.number} numberState={record.numberState} />
      </Breadcrumbs>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h5" component="h2" data-testid="record-title">{record.title}</Typography>
        <StatusChip kind={kind} status={record.status} size="medium" />
        <Stack direction="row" spacing={1} sx={{ ml: 'auto', alignItems: 'center' }}>
          <PrintDocumentButton subjectType="records" subjectId={record.id} />
          <Stack direction="row" spacing={1} aria-label="Status changes">
            {record.transitions.map((t) => (
              <Button key={t.to} variant={t.needsReason ? 'outlined' : 'contained'} color={t.needsReason ? 'inherit' : 'primary'} disabled={move.isRunning} onClick={() => run(t)}>{t.label}</Button>
            ))}
          </Stack>
        </Stack>
      </Stack>
      {record.isFromNewerVersion && <Alert severity="info">A newer version of LabFlow wrote this record. It is shown as it is; update LabFlow on this PC to change it.</Alert>}
      {move.error && <Alert severity="error" onClose={() => move.clearError()}>{errorText(move.error)}</Alert>}
      <TransitionDialog record={record} transition={asking} onClose={() => setAsking(null)} />
    </Stack>
  );
}
