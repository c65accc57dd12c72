import { Box, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { InstanceSummaryView } from '../../src-shared/workflows/workflow-contract';
import { InstanceStatusChip } from './InstanceStatusChip';
import { LocalTime } from './LocalTime';
import { SlaChip } from './SlaChip';
import { useRoleNames } from './use-role-names';
import { aboutText } from './workflow-labels';
import { recordKindLabel } from '../../src-shared/records/record-labels';

/**
 * Workflow instances as a table (the Instances tab, a record page's Workflows tab): where each
 * stands, who it waits for, its SLA. `showAbout` adds the record column — its number, title and
 * status when the person may read it (left out on a record's own page). Enter or a click opens the instance.
 */
export function InstanceTable({ instances, onOpen, showAbout = true }: { instances: readonly InstanceSummaryView[]; onOpen: (id: string) => void; showAbout?: boolean }) {
  const roleName = useRoleNames();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Instances">
        <TableHead>
          <TableRow>
            <TableCell>Workflow</TableCell>{showAbout && <TableCell>About</TableCell>}<TableCell>Status</TableCell><TableCell>Current steps</TableCell>
            <TableCell>SLA</TableCell><TableCell>Started</TableCell><TableCell>Updated</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {instances.map((i) => (
            <TableRow key={i.id} hover data-testid="instance-row" sx={{ cursor: 'pointer' }} onClick={() => onOpen(i.id)}
              tabIndex={0} onKeyDown={(e) => { if (e.key === 'Enter') onOpen(i.id); }}>
              <TableCell>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>{i.workflowName}</Typography>
                <Typography variant="caption" color="text.secondary">{i.code} v{i.definitionVersion}</Typography>
              </TableCell>
              {showAbout && (
                <TableCell sx={i.record ? {} : { whiteSpace: 'nowrap' }}>{i.record ? `${aboutText(i)} · ${i.record.statusLabel}` : `${recordKindLabel(i.entityType)} ${i.entityId}`}</TableCell>
              )}
              <TableCell><InstanceStatusChip status={i.status} /></TableCell>
              <TableCell>
                {i.activeSteps.length === 0 ? '—' : i.activeSteps.map((s) => (
                  <Box key={s.token}>{s.stepName}<Typography component="span" variant="caption" color="text.secondary">{' · '}{[...s.assignees.users.map((u) => u.name), ...s.assignees.roles.map(roleName)].join(', ')}</Typography></Box>
                ))}
              </TableCell>
              <TableCell><SlaChip state={i.slaState} /></TableCell>
              <TableCell><LocalTime iso={i.startedAt} /><Typography variant="caption" color="text.secondary" component="div">{i.startedBy.name}</Typography></TableCell>
              <TableCell><LocalTime iso={i.updatedAt} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
