import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import CloudSyncIcon from '@mui/icons-material/CloudSync';
import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import { Chip, Tooltip } from '@mui/material';
import type { SyncPhase } from '../../src-shared/sync/sync-status';
import { useNavigation } from '../shell/navigation';
import { countText, phaseText } from './sync-text';
import { useSyncStatus } from './useSyncStatus';

const icons: Record<SyncPhase, JSX.Element> = {
  standalone: <CloudOffIcon />,
  offline: <CloudOffIcon />,
  connecting: <CloudSyncIcon />,
  syncing: <CloudSyncIcon />,
  up_to_date: <CloudDoneIcon />,
  error: <SyncProblemIcon />,
};

/**
 * The status-area chip: this PC's team-sync phase; while syncing, how many documents are left to
 * send and receive, and otherwise the changes waiting to be sent; opens Settings → Team sync. The
 * host changes the status at most once a second (sync-status-tracker.ts), so the chip does not flicker.
 */
export function SyncStatusChip() {
  const { data } = useSyncStatus();
  const go = useNavigation((s) => s.go);
  const phase = data?.phase ?? 'standalone';
  const text = phaseText[phase];
  const label = text.label + (data ? countText(data.phase, data.pendingChanges, data.toReceive) : '');
  return (
    <Tooltip title={data?.error ?? text.hint}>
      <Chip size="small" icon={icons[phase]} label={label} color={text.color} variant="outlined" data-testid="sync-status" onClick={() => go('settings', ['sync'])} aria-label={`Team sync: ${label}`} />
    </Tooltip>
  );
}
