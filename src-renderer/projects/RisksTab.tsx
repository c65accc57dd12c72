import AddIcon from '@mui/icons-material/Add';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import {
  Alert, Box, Button, Chip, IconButton, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography,
} from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { useState } from 'react';
import type { Risk } from '../../src-shared/projects/plan-item-model';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { formatDay } from '../tasks/task-labels';
import { label } from './project-labels';
import { RiskDialog } from './RiskDialog';
import { RiskHeatmap, levelColor, ratingLabel, type HeatmapCellRef } from './RiskHeatmap';

/** The risk register with its heatmap; clicking a cell shows only that cell's risks. */
export function RisksTab({ projectId, canManage, cell, onCell }: { projectId: string; canManage: boolean; cell: HeatmapCellRef | null; onCell: (cell: HeatmapCellRef | null) => void }) {
  const register = useLiveQuery('risks/list', { projectId, ...(cell ?? {}) });
  const [editing, setEditing] = useState<{ risk: Risk | null } | null>(null);
  const data = register.data;
  return (
    <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} sx={{ alignItems: 'flex-start' }}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>Heatmap of open risks</Typography>
        {data && <RiskHeatmap heatmap={data.heatmap} selected={cell} onSelect={onCell} />}
      </Paper>
      <Stack spacing={2} sx={{ flexGrow: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>Risk register</Typography>
          {cell && <Chip label={`Probability ${ratingLabel[cell.probability]} × impact ${ratingLabel[cell.impact]}`} onDelete={() => onCell(null)} data-testid="risk-cell-filter" />}
          {canManage && <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing({ risk: null })}>New risk</Button>}
        </Stack>
        {register.error && <Alert severity="error">{errorText(register.error)}</Alert>}
        {data && data.risks.length === 0 && <EmptySection icon={<ReportProblemIcon />} title={cell ? 'No risks in this cell' : 'No risks yet'} text="Identify risks early: what could delay, overspend or spoil the work." />}
        {data && data.risks.length > 0 && (
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label="Risk register">
              <TableHead><TableRow><TableCell sx={{ minWidth: 180 }}>Risk</TableCell><TableCell>Level</TableCell><TableCell>P × I</TableCell><TableCell>Owner</TableCell><TableCell sx={{ minWidth: 200 }}>Mitigation / contingency</TableCell><TableCell>Status</TableCell><TableCell>Next review</TableCell><TableCell /></TableRow></TableHead>
              <TableBody>
                {data.risks.map(({ risk, level, owner, isReviewDue }) => (
                  <TableRow key={risk.id} data-testid="risk-row">
                    <TableCell><Typography variant="body2" sx={{ fontWeight: 500 }}>{risk.title}</Typography><Typography variant="caption" color="text.secondary">{label(risk.data.category)}</Typography></TableCell>
                    <TableCell><Chip size="small" label={ratingLabel[level]} sx={{ bgcolor: levelColor[level], color: '#fff', fontWeight: 600 }} /></TableCell>
                    <TableCell>{ratingLabel[risk.data.probability]} × {ratingLabel[risk.data.impact]}</TableCell>
                    <TableCell>{owner?.name ?? '—'}</TableCell>
                    <TableCell sx={{ maxWidth: 320 }}>
                      <Typography variant="body2">{risk.data.mitigation || '—'}</Typography>
                      {risk.data.contingency && <Typography variant="caption" color="text.secondary">If it happens: {risk.data.contingency}</Typography>}
                    </TableCell>
                    <TableCell>{label(risk.data.status)}</TableCell>
                    <TableCell sx={{ color: isReviewDue ? 'error.main' : undefined }}>{formatDay(risk.data.reviewDate)}{isReviewDue && ' · due'}</TableCell>
                    <TableCell padding="none">{canManage && <Tooltip title="Edit"><IconButton size="small" aria-label={`Edit ${risk.title}`} onClick={() => setEditing({ risk })}><EditIcon fontSize="small" /></IconButton></Tooltip>}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        <Box />
      </Stack>
      <RiskDialog projectId={projectId} risk={editing?.risk ?? null} isOpen={editing !== null} onClose={() => setEditing(null)} />
    </Stack>
  );
}
