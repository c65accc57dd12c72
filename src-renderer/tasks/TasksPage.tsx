import TimelineIcon from '@mui/icons-material/Timeline';
import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import { MenuItem, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { useNavigation } from '../shell/navigation';
import { ChooseProjectHint } from './ChooseProjectHint';
import { TaskBoard } from './board/TaskBoard';
import { ProjectGantt } from './gantt/ProjectGantt';
import { TaskDrawer } from './TaskDrawer';
import { TaskListPanel } from './TaskListPanel';
import { useTaskDrawer } from './task-drawer-store';

type View = 'mine' | 'watching' | 'all' | 'board' | 'gantt';

/** The Tasks section: my tasks across projects, tasks I watch, every task, and a project's board and Gantt chart. */
export function TasksPage() {
  const { path, go } = useNavigation();
  const { taskId, open } = useTaskDrawer();
  const [view, setView] = useState<View>('mine');
  const [projectId, setProjectId] = useState<string>('');
  const projects = useLiveQuery('projects/list', { includeArchived: false });

  // `#/tasks/<id>` (e.g. from a notification) opens that task; closing it returns to `#/tasks`.
  const linked = path[0];
  useEffect(() => {
    if (linked) open(linked);
  }, [linked, open]);
  // Only a drawer that was open and closed leaves the address; on arrival the drawer is not open yet.
  const openedTaskId = useRef<string | null>(null);
  useEffect(() => {
    if (taskId === null && openedTaskId.current !== null && linked) go('tasks');
    openedTaskId.current = taskId;
  }, [taskId]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the drawer closes

  const needsProject = view === 'board' || view === 'gantt';
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>Tasks</Typography>
        {needsProject && (
          <TextField select size="small" label="Project" value={projectId} onChange={(e) => setProjectId(e.target.value)} sx={{ minWidth: 240 }}>
            {(projects.data ?? []).map((p) => <MenuItem key={p.id} value={p.id}>{p.code} — {p.name}</MenuItem>)}
          </TextField>
        )}
      </Stack>
      <Tabs value={view} onChange={(_e, v: View) => setView(v)} aria-label="Task views" sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tab value="mine" label="My tasks" />
        <Tab value="watching" label="Watching" />
        <Tab value="all" label="All tasks" />
        <Tab value="board" label="Board" />
        <Tab value="gantt" label="Gantt" />
      </Tabs>
      {view === 'mine' && <TaskListPanel key="mine" base={{ isMine: true }} />}
      {view === 'watching' && <TaskListPanel key="watching" base={{ isWatching: true }} />}
      {view === 'all' && <TaskListPanel key="all" base={{}} />}
      {view === 'board' && (projectId ? <TaskBoard key={projectId} projectId={projectId} onOpenTask={open} /> : <ChooseProjectHint icon={<ViewKanbanIcon />} title="Kanban board" tab="Board" />)}
      {view === 'gantt' && (projectId ? <ProjectGantt key={projectId} projectId={projectId} onOpenTask={open} /> : <ChooseProjectHint icon={<TimelineIcon />} title="Gantt chart" tab="Gantt" />)}
      <TaskDrawer />
    </Stack>
  );
}
