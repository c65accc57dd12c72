import { Alert, Button, Stack } from '@mui/material';
import { useState } from 'react';
import type { RecordView } from '../../src-shared/records/record-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { ReasonDialog } from './ReasonDialog';

/**
 * The status moves the person may make on a record now (the host says which), as buttons; a move
 * that needs a reason asks for it first. `hidden` leaves out moves a screen offers its own way.
 */
export function TransitionButtons({ record, hidden = [] }: { record: Pick<RecordView, 'id' | 'transitions'>; hidden?: readonly string[] }) {
  const transition = useCommand('records/transition');
  const [asking, setAsking] = useState<{ to: string; label: string } | null>(null);
  const moves = record.transitions.filter((t) => !hidden.includes(t.to));
  if (moves.length === 0 && !transition.error) return null;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
        {moves.map((t) => (
          <Button key={t.to} size="small" variant="outlined" disabled={transition.isRunning}
            onClick={() => (t.needsReason ? setAsking(t) : void transition.run({ id: record.id, to: t.to }))}>{t.label}</Button>
        ))}
      </Stack>
      {transition.error && !asking && <Alert severity="error">{errorText(transition.error)}</Alert>}
      {asking && (
        <ReasonDialog title={asking.label} isRunning={transition.isRunning} error={transition.error} onCancel={() => { transition.clearError(); setAsking(null); }}
          onConfirm={async (reason) => { if ((await transition.run({ id: record.id, to: asking.to, reason })).ok) setAsking(null); }} />
      )}
    </Stack>
  );
}
