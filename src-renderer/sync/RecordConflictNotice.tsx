import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import { Alert, Button, Stack, Typography, type SxProps, type Theme } from '@mui/material';
import { useId, useState } from 'react';
import type { CollectionName } from '../../src-shared/db/schemas';
import { errorText } from '../errors/error-text';
import { ConflictDetailsDialog } from './ConflictDetailsDialog';
import { conflictSentence, refusalSentence, restoreLabel } from './conflict-text';
import { useRecordConflicts } from './use-record-conflicts';

/** The newest conflicts shown on the record; Settings → Team sync lists every one. */
const MAX_SHOWN = 3;

interface Props {
  collection: CollectionName;
  recordId: string;
  /** Inside a modal drawer: keep the Details dialog in the drawer's tree (see ConflictDetailsDialog). */
  disablePortal?: boolean;
  sx?: SxProps<Theme>;
}

/**
 * On a record: a short notice for each team-sync conflict not yet looked at ("Changed on two PCs at
 * once: …") with Details, "Use my version" and Dismiss, and for each of this PC's refused writes to it.
 * Renders nothing while loading and when there is nothing to say, so records without conflicts never
 * flash. Polite status semantics: the notice is news about the record, not an error in what the person is doing.
 */
export function RecordConflictNotice({ collection, recordId, disablePortal, sx }: Props) {
  const conflicts = useRecordConflicts(collection, recordId);
  const [detailsId, setDetailsId] = useState<string | null>(null);
  const baseId = useId();
  const { open, refused, busyId, failure } = conflicts;
  if (open.length === 0 && refused.length === 0) return null;
  const details = open.find((c) => c.id === detailsId) ?? null;

  return (
    <Stack spacing={1} sx={sx} data-testid="record-conflicts">
      {open.slice(0, MAX_SHOWN).map((c, i) => {
        const textId = `${baseId}-c${i}`;
        return (
          <Alert key={c.id} severity="warning" variant="outlined" role="status" icon={<SyncProblemIcon fontSize="inherit" />} data-testid="conflict-notice">
            <Typography variant="body2" id={textId}>{conflictSentence(c)}</Typography>
            <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap' }} useFlexGap>
              <Button size="small" color="inherit" aria-describedby={textId} onClick={() => { conflicts.clearFailure(); setDetailsId(c.id); }}>Details</Button>
              {c.restore.length > 0 && (
                <Button size="small" color="warning" variant="outlined" aria-describedby={textId} disabled={busyId === c.id} onClick={() => void conflicts.restore(c)}>{restoreLabel(c.by)}</Button>
              )}
              <Button size="small" color="inherit" aria-describedby={textId} disabled={busyId === c.id} onClick={() => void conflicts.dismiss(c.id)}>Dismiss</Button>
            </Stack>
            {failure?.id === c.id && detailsId === null && <Typography variant="body2" role="alert" sx={{ mt: 0.5, color: 'error.main' }}>{errorText(failure.error)}</Typography>}
          </Alert>
        );
      })}
      {open.length > MAX_SHOWN && (
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>{open.length - MAX_SHOWN} earlier conflicts on this record are listed in Settings → Team sync.</Typography>
      )}
      {refused.map((r, i) => {
        const textId = `${baseId}-r${i}`;
        return (
          <Alert key={r.key} severity="error" variant="outlined" role="status" data-testid="refused-notice">
            <Typography variant="body2" id={textId}>{refusalSentence(r.message, r.at)}</Typography>
            <Button size="small" color="inherit" sx={{ mt: 0.5 }} aria-describedby={textId} disabled={busyId === r.key} onClick={() => void conflicts.dismiss(r.key)}>Dismiss</Button>
            {failure?.id === r.key && <Typography variant="body2" role="alert" sx={{ mt: 0.5, color: 'error.main' }}>{errorText(failure.error)}</Typography>}
          </Alert>
        );
      })}
      <ConflictDetailsDialog
        conflict={details}
        isBusy={busyId !== null}
        error={failure?.id === detailsId ? failure?.error : undefined}
        onClose={() => setDetailsId(null)}
        onRestore={(c) => void conflicts.restore(c).then((isDone) => isDone && setDetailsId(null))}
        onDismiss={(c) => void conflicts.dismiss(c.id).then((isDone) => isDone && setDetailsId(null))}
        disablePortal={disablePortal}
      />
    </Stack>
  );
}
