import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { Alert, Box, Chip, LinearProgress, List, ListItem, ListItemButton, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import type { ProjectDashboard } from '../../src-shared/projects/plan-views';
import type { TaskRow } from '../../src-shared/tasks/task-views';
import { TASK_STATUS_ORDER, formatDay, statusLabel } from '../tasks/task-labels';
import { useTaskDrawer } from '../tasks/task-drawer-store';
import { BudgetSummary } from './BudgetSummary';
import { DashboardCard } from './DashboardCard';
import { RiskHeatmap, type HeatmapCellRef } from './RiskHeatmap';

const milestoneIcon = { reached: <CheckCircleIcon color="success" />, pending: <ScheduleIcon color="action" />, missed: <ErrorIcon color="error" /> };

function TaskLines({ rows, empty, testId }: { rows: TaskRow[]; empty: string; testId: string }) {
  const open = useTaskDrawer((s) => s.open);
  if (rows.length === 0) return <Typography variant="body2" color="text.secondary">{empty}</Typography>;
  return (
    <List dense disablePadding data-testid={testId}>
      {rows.slice(0, 8).map((r) => (
        <ListItem key={r.task.id} disablePadding>
          <ListItemButton onClick={() => open(r.task.id)} sx={{ borderRadius: 1 }}>
            <ListItemText primary={r.task.title}
              secondary={r.blockedBy.length > 0 ? `Waits for ${r.blockedBy.join(', ')}` : `Due ${formatDay(r.task.dueDate)}${r.assignee ? ` · ${r.assignee.name}` : ''}`} />
          </ListItemButton>
        </ListItem>
      ))}
      {rows.length > 8 && <ListItem><Typography variant="caption" color="text.secondary">and {rows.length - 8} more</Typography></ListItem>}
    </List>
  );
}

/** The project dashboard: progress, budget vs actual, milestones, risk heatmap, overdue and blocked tasks. */
export function ProjectOverview({ dashboard, onRiskCell }: { dashboard: ProjectDashboard; onRiskCell: (cell: HeatmapCellRef | null) => void }) {
  const d = dashboard;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'repeat(3, 1fr)' }, gap: 2 }}>
      <DashboardCard title="Progress" testId="card-progress">
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
            <Typography variant="h3" component="p" sx={{ fontWeight: 600 }} data-testid="project-progress">{d.progress}%</Typography>
            <Typography variant="body2" color="text.secondary">of {d.totalTasks} task{d.totalTasks === 1 ? '' : 's'}</Typography>
          </Stack>
          <LinearProgress variant="determinate" value={d.progress} sx={{ height: 8, borderRadius: 4 }} aria-label="Project progress" />
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {TASK_STATUS_ORDER.filter((s) => d.taskCounts[s] > 0).map((s) => <Chip key={s} size="small" variant="outlined" label={`${statusLabel[s]} ${d.taskCounts[s]}`} />)}
          </Stack>
        </Stack>
      </DashboardCard>
      <DashboardCard title="Budget vs actual" testId="card-budget">
        <BudgetSummary report={d.budget.report} problem={d.budget.problem} />
      </DashboardCard>
      <DashboardCard title="Risks" testId="card-risks">
        <Stack spacing={1} sx={{ alignItems: 'center' }}>
          <RiskHeatmap heatmap={d.heatmap} size="small" onSelect={onRiskCell} />
          <Typography variant="caption" color="text.secondary">{d.heatmap.total} open · click a cell to see its risks</Typography>
        </Stack>
      </DashboardCard>
      <DashboardCard title="Milestones" testId="card-milestones">
        {d.milestones.length === 0 && <Typography variant="body2" color="text.secondary">No milestones yet.</Typography>}
        <List dense disablePadding>
          {d.milestones.map((m) => (
            <Stack key={m.milestone.id} direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.5 }} data-testid="dashboard-milestone">
              <ListItemIcon sx={{ minWidth: 32 }}>{milestoneIcon[m.evaluation.status]}</ListItemIcon>
              <ListItemText primary={m.milestone.title} secondary={`${formatDay(m.milestone.data.dueDate)} · ${m.evaluation.status === 'pending' ? (m.daysLeft >= 0 ? `${m.daysLeft} days left` : 'due') : m.evaluation.status}`} />
            </Stack>
          ))}
        </List>
      </DashboardCard>
      <DashboardCard title={`Overdue (${d.overdueTasks.length})`} testId="card-overdue">
        <TaskLines rows={d.overdueTasks} empty="Nothing overdue." testId="overdue-tasks" />
      </DashboardCard>
      <DashboardCard title={`Blocked (${d.blockedTasks.length})`} testId="card-blocked">
        <TaskLines rows={d.blockedTasks} empty="Nothing is waiting." testId="blocked-tasks" />
      </DashboardCard>
      {d.milestones.some((m) => m.evaluation.status === 'missed') && (
        <Alert severity="error" sx={{ gridColumn: '1 / -1' }}>A milestone was missed: review its open criteria and tasks.</Alert>
      )}
    </Box>
  );
}
