import CloseIcon from '@mui/icons-material/Close';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import NotificationsNoneIcon from '@mui/icons-material/NotificationsNone';
import {
  Alert, Box, Breadcrumbs, Button, Chip, Divider, Drawer, IconButton, LinearProgress, Link, Stack, Tooltip, Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { PrintDocumentButton } from '../documents/PrintDocumentButton';
import { AttachmentsPanel } from '../files/AttachmentsPanel';
import { RecordConflictNotice } from '../sync/RecordConflictNotice';
import { ChecklistSection } from './ChecklistSection';
import { CommentSection } from './CommentSection';
import { DependencySection } from './DependencySection';
import { SubtaskSection } from './SubtaskSection';
import { TaskFieldsSection } from './TaskFieldsSection';
import { TimeSection } from './TimeSection';
import { useTaskDrawer } from './task-drawer-store';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="overline" color="text.secondary">{title}</Typography>
      <Box sx={{ mt: 0.5 }}>{children}</Box>
    </Box>
  );
}

/** The task drawer: every field, subtasks to any depth, checklist, dependencies, comments and time. */
export function TaskDrawer() {
  const { taskId, open, close } = useTaskDrawer();
  const auth = useLiveQuery('auth/status', {});
  const personId = auth.data?.session?.person.id ?? '';
  return (
    <Drawer anchor="right" open={taskId !== null} onClose={close} sx={{ zIndex: (t) => t.zIndex.modal }} slotProps={{ paper: { sx: { width: { xs: '100%', md: 640 } } } }}>
      {taskId && <TaskDetailPanel key={taskId} taskId={taskId} personId={personId} onOpen={open} onClose={close} />}
    </Drawer>
  );
}

function TaskDetailPanel({ taskId, personId, onOpen, onClose }: { taskId: string; personId: string; onOpen: (id: string) => void; onClose: () => void }) {
  const detail = useLiveQuery('tasks/detail', { id: taskId });
  const people = useLiveQuery('people/list', { includeInactive: true });
  const watch = useCommand('tasks/watch');
  const remove = useCommand('tasks/remove');
  const [isConfirming, setIsConfirming] = useState(false);
  const d = detail.data;
  const isWatching = d?.task.watcherIds.includes(personId) ?? false;
  return (
    <Box sx={{ p: 3 }} role="dialog" aria-label={d ? `Task ${d.task.title}` : 'Task'} data-testid="task-drawer">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', mb: 1 }}>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          {d && (
            <Breadcrumbs sx={{ fontSize: 13 }}>
              <Typography variant="caption" color="text.secondary">{d.project.code}</Typography>
              {d.ancestors.map((a) => <Link key={a.id} component="button" variant="caption" onClick={() => onOpen(a.id)}>{a.title}</Link>)}
            </Breadcrumbs>
          )}
          <Typography variant="h6" component="h2" noWrap>{d?.task.title ?? 'Task'}</Typography>
        </Box>
        {d && (
          <Tooltip title={isWatching ? 'Stop watching' : 'Watch this task'}>
            <IconButton aria-label={isWatching ? 'Stop watching' : 'Watch'} onClick={() => void watch.run({ id: d.task.id, isWatching: !isWatching })}>
              {isWatching ? <NotificationsActiveIcon color="primary" /> : <NotificationsNoneIcon />}
            </IconButton>
          </Tooltip>
        )}
        {d && <PrintDocumentButton subjectType="tasks" subjectId={d.task.id} />}
        {d?.canEdit && (
          <Tooltip title="Remove task"><IconButton aria-label="Remove task" onClick={() => setIsConfirming(true)}><DeleteOutlinedIcon /></IconButton></Tooltip>
        )}
        <IconButton aria-label="Close task" onClick={onClose}><CloseIcon /></IconButton>
      </Stack>
      {isConfirming && d && (
        <Alert severity="warning" sx={{ mb: 2 }} action={
          <>
            <Button color="inherit" size="small" onClick={() => setIsConfirming(false)}>Keep</Button>
            <Button color="error" size="small" onClick={async () => { const r = await remove.run({ id: d.task.id }); setIsConfirming(false); if (r.ok) onClose(); }}>Remove</Button>
          </>
        }>Remove “{d.task.title}”? Tasks waiting for it stop waiting.</Alert>
      )}
      {remove.error && <Alert severity="error" sx={{ mb: 2 }} onClose={remove.clearError}>{errorText(remove.error)}</Alert>}
      <RecordConflictNotice collection="tasks" recordId={taskId} disablePortal sx={{ mb: 2 }} />
      {detail.isLoading && <LinearProgress />}
      {detail.error && <Alert severity="error">{errorText(detail.error)}</Alert>}
      {d && (
        <Stack spacing={3} divider={<Divider flexItem />}>
          {!d.canEdit && <Alert severity="info">You can read this task. The assignee, watchers and the project team can change it.</Alert>}
          {d.milestones.length > 0 && (
            <Stack direction="row" spacing={1}>{d.milestones.map((m) => <Chip key={m.id} size="small" variant="outlined" label={`Milestone: ${m.title}`} />)}</Stack>
          )}
          <TaskFieldsSection detail={d} people={people.data ?? []} />
          <Section title={`Subtasks (${d.subtasks.length})`}><SubtaskSection detail={d} /></Section>
          <Section title="Checklist"><ChecklistSection detail={d} /></Section>
          <Section title="Dependencies"><DependencySection detail={d} /></Section>
          <Section title="Time"><TimeSection detail={d} /></Section>
          <Section title="Files"><AttachmentsPanel subjectType="tasks" subjectId={d.task.id} /></Section>
          <Section title={`Comments (${d.comments.length})`}><CommentSection detail={d} people={people.data ?? []} /></Section>
        </Stack>
      )}
    </Box>
  );
}
