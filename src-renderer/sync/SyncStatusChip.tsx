import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import CloudSyncIcon from '@mui/icons-material/CloudSync';
import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import { Chip, Tooltip } from '@mui/material';
import type { SyncPhase } from '../../src-shared/sync/sync-status';
import { useNavigation } from '../shell/navigation';
import { phaseText } from './sync-text';
import { useSyncStatus } from './useSyncStatus';

const icons: Record<SyncPhase, JSX.Element> = {
  standalone: <CloudOffIcon />,
  offline: <CloudOffIcon />,
  connecting: <CloudSyncIcon />,
  syncing: <CloudSyncIcon />,
  up_to_date: <CloudDoneIcon />,
  error: <SyncProblemIcon />,
};

/** The status-area chip: this PC's team-sync phase, with pending changes when there are any; opens Settings → Team sync. */
export function SyncStatusChip() {
  const { data } = useSyncStatus();
  const go = useNavigation((s) => s.go);
  const phase = data?.phase ?? 'standalone';
  const text = phaseText[phase];
  const pending = data && data.pendingChanges > 0 && phase !== 'standalone' ? ` · ${data.pendingChanges} pending` : '';
  return (
    <Tooltip title={data?.error ?? text.hint}>
      <Chip size="small" icon={icons[phase]} label={text.label + pending} color={text.color} variant="outlined" data-testid="sync-status" onClick={() => go('settings', ['sync'])} aria-label={`Team sync: ${text.label + pending}`} />
    </Tooltip>
  );
}
