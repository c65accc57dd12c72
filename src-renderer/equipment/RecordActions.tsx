import { Stack } from '@mui/material';
import type { ReactNode } from 'react';
import type { RecordView } from '../../src-shared/records/record-contract';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { TransitionButtons } from './TransitionButtons';

/** What the person may do to one record of a list: its status moves, and the screen's own actions for it. */
export function RecordActions({ id, hidden, children }: { id: string; hidden?: readonly string[]; children?: (record: RecordView) => ReactNode }) {
  const record = useLiveQuery('records/get', { id });
  if (!record.data) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }} useFlexGap>
      {children?.(record.data)}
      <TransitionButtons record={record.data} {...(hidden ? { hidden } : {})} />
    </Stack>
  );
}
