import { Chip, Stack, Tooltip, Typography } from '@mui/material';
import type { RecordView } from '../../src-shared/records/record-contract';

/** A record's number, marked "Provisional" while the sync server has not given the team's number yet. */
export function RecordNumber({ number, numberState, variant = 'body2' }: Pick<RecordView, 'number' | 'numberState'> & { variant?: 'body2' | 'subtitle1' }) {
  if (!number) return <Typography variant={variant} color="text.secondary" component="span">No number yet</Typography>;
  return (
    <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', display: 'inline-flex' }} component="span">
      <Typography variant={variant} component="span" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{number}</Typography>
      {numberState === 'provisional' && (
        <Tooltip title="Given on this PC while offline from the team; the sync server gives the final number when this record reaches it.">
          <Chip size="small" label="Provisional" variant="outlined" color="warning" />
        </Tooltip>
      )}
    </Stack>
  );
}
