import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import EditIcon from '@mui/icons-material/Edit';
import { Alert, Box, Button, Chip, IconButton, LinearProgress, MenuItem, Stack, Tab, Tabs, TextField, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { projectStatuses, type ProjectStatus } from '../../src-shared/projects/project-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useNavigation } from '../shell/navigation';
import { PrintDocumentButton } from '../documents/PrintDocumentButton';
import { AttachmentsPanel } from '../files/AttachmentsPanel';
import { RecordConflictNotice } from '../sync/RecordConflictNotice';
import { TaskBoard } from '../tasks/board/TaskBoard';
import { ProjectGantt } from '../tasks/gantt/ProjectGantt';
import { TaskDrawer } from '../tasks/TaskDrawer';
import { useTaskDrawer } from '../tasks/task-drawer-store';
import { TaskListPanel } from '../tasks/TaskListPanel';
import { formatDay } from '../tasks/task-labels';
import { BudgetTab } from './BudgetTab';
import { DeliverablesTab } from './DeliverablesTab';
import { ExportMenu } from './ExportMenu';
import { MilestonesTab } from './MilestonesTab';
import { ProjectEditDialog } from './ProjectEditDialog';
import { ProjectOverview } from './ProjectOverview';
import { ResourcesTab } from './ResourcesTab';
import type { HeatmapCellRef } from './RiskHeatmap';
import { RisksTab } from './RisksTab';
import { TemplateDialog } from './TemplateDialog';
import { projectStatusColor, projectStatusLabel } from './project-labels';

const TABS = [
  ['overview', 'Overview'], ['tasks', 'Tasks'], ['board', 'Board'], ['gantt', 'Gantt'], ['milestones', 'Milestones'],
  ['deliverables', 'Deliverables'], ['risks', 'Risks'], ['resources', 'Resources'], ['budget', 'Budget'], ['files', 'Files'],
] as const;
type TabId = (typeof TABS)[number][0];

/** One project: its dashboard and a tab per part of the plan (`#/projects/<id>/<tab>`). */
export function ProjectPage({ projectId, tab }: { projectId: string; tab: string | undefined }) {
  const { go } = useNavigation();
  const dashboard = useLiveQuery('projects/dashboard', { id: projectId });
  const setStatus = useCommand('projects/set-status');
  const openTask = useTaskDrawer((s) => s.open);
  const [riskCell, setRiskCell] = useState<HeatmapCellRef | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'template' | null>(null);
  const current: TabId = TABS.some(([id]) => id === tab) ? (tab as TabId) : 'overview';
  const show = (id: TabId) => go('projects', [projectId, id]);
  const d = dashboard.data;

  if (dashboard.error) return <Alert severity="error" action={<Button onClick={() => go('projects')}>Back to projects</Button>}>{errorText(dashboard.error)}</Alert>;
  if (!d) return <LinearProgress aria-label="Loading project" />;
  const { project, canManage } = d;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Tooltip title="All projects"><IconButton aria-label="Back to projects" onClick={() => go('projects')}><ArrowBackIcon /></IconButton></Tooltip>
        <Chip label={project.code} variant="outlined" sx={{ fontFamily: 'monospace', fontWeight: 600 }} />
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h5" component="h2" noWrap>{project.name}</Typography>
          <Typography variant="caption" color="text.secondary">
            {[
              project.startDate || project.endDate ? `${formatDay(project.startDate)} – ${formatDay(project.endDate)}` : 'No dates set',
              `Owner ${d.owner?.name ?? '—'}`,
              d.team.length > 0 ? `Team ${d.team.map((p) => p.name).join(', ')}` : 'No team yet',
            ].join(' · ')}
          </Typography>
        </Box>
        {canManage ? (
          <TextField select size="small" label="Status" value={project.status} onChange={(e) => void setStatus.run({ id: project.id, status: e.target.value as ProjectStatus })} sx={{ minWidth: 140 }}>
            {projectStatuses.map((s) => <MenuItem key={s} value={s}>{projectStatusLabel[s]}</MenuItem>)}
          </TextField>
        ) : <Chip label={projectStatusLabel[project.status]} color={projectStatusColor[project.status]} />}
        <ExportMenu projectId={project.id} />
        <PrintDocumentButton subjectType="projects" subjectId={project.id} />
        <Button startIcon={<ContentCopyIcon />} onClick={() => setDialog('template')}>Use as template</Button>
        {canManage && <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setDialog('edit')}>Edit</Button>}
      </Stack>
      {setStatus.error && <Alert severity="error">{errorText(setStatus.error)}</Alert>}
      <RecordConflictNotice collection="projects" recordId={project.id} />
      <Tabs value={current} onChange={(_e, id: TabId) => show(id)} variant="scrollable" aria-label="Project views" sx={{ borderBottom: 1, borderColor: 'divider' }}>
        {TABS.map(([id, text]) => <Tab key={id} value={id} label={text} />)}
      </Tabs>
      {current === 'overview' && <ProjectOverview dashboard={d} onRiskCell={(cell) => { setRiskCell(cell); show('risks'); }} />}
      {current === 'tasks' && <TaskListPanel base={{ projectId }} canCreate />}
      {current === 'board' && <TaskBoard key={projectId} projectId={projectId} onOpenTask={openTask} />}
      {current === 'gantt' && <ProjectGantt key={projectId} projectId={projectId} onOpenTask={openTask} />}
      {current === 'milestones' && <MilestonesTab projectId={projectId} canManage={canManage} />}
      {current === 'deliverables' && <DeliverablesTab projectId={projectId} canManage={canManage} />}
      {current === 'risks' && <RisksTab projectId={projectId} canManage={canManage} cell={riskCell} onCell={setRiskCell} />}
      {current === 'resources' && <ResourcesTab project={project} canManage={canManage} />}
      {current === 'budget' && <BudgetTab project={project} canManage={canManage} />}
      {current === 'files' && <AttachmentsPanel subjectType="projects" subjectId={project.id} />}
      <ProjectEditDialog project={project} isOpen={dialog === 'edit'} onClose={() => setDialog(null)} />
      <TemplateDialog template={project} isOpen={dialog === 'template'} onClose={() => setDialog(null)} onCreated={(id) => { setDialog(null); go('projects', [id]); }} />
      <TaskDrawer />
    </Stack>
  );
}
