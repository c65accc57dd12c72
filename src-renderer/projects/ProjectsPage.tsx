import AddIcon from '@mui/icons-material/Add';
import ArchiveIcon from '@mui/icons-material/Archive';
import EditIcon from '@mui/icons-material/Edit';
import FolderIcon from '@mui/icons-material/Folder';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import {
  Alert, Button, Chip, FormControlLabel, IconButton, LinearProgress, Link, Paper, Snackbar, Stack, Switch, Table, TableBody, TableCell,
  TableContainer, TableHead, TableRow, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { useNavigation } from '../shell/navigation';
import { formatDay } from '../tasks/task-labels';
import { ProjectDialog } from './ProjectDialog';
import { ProjectPage } from './ProjectPage';
import { projectStatusColor, projectStatusLabel as statusLabel } from './project-labels';
import { formatDateTime } from '../../src-shared/format/display-format';

/** The Projects section: the list, or one project at `#/projects/<id>/<tab>`. */
export function ProjectsPage() {
  const { path } = useNavigation();
  return path[0] ? <ProjectPage key={path[0]} projectId={path[0]} tab={path[1]} /> : <ProjectList />;
}

function ProjectList() {
  const { go } = useNavigation();
  const [includeArchived, setIncludeArchived] = useState(false);
  const projects = useLiveQuery('projects/list', { includeArchived });
  const create = useCommand('projects/create');
  const rename = useCommand('projects/rename');
  const archive = useCommand('projects/set-archived');
  const [dialog, setDialog] = useState<{ mode: 'create' } | { mode: 'rename'; project: ProjectDocument } | null>(null);
  const [undo, setUndo] = useState<ProjectDocument | null>(null);

  const setArchived = async (project: ProjectDocument, isArchived: boolean) => {
    const result = await archive.run({ id: project.id, isArchived });
    if (result.ok && isArchived) setUndo(project);
  };

  const list = projects.data ?? [];
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>Projects</Typography>
        <FormControlLabel control={<Switch checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />} label="Show archived" />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => { create.clearError(); setDialog({ mode: 'create' }); }}>New project</Button>
      </Stack>
      {projects.isLoading && <LinearProgress aria-label="Loading projects" />}
      {projects.error && <Alert severity="error">{errorText(projects.error)}</Alert>}
      {archive.error && <Alert severity="error">{errorText(archive.error)}</Alert>}
      {!projects.isLoading && !projects.error && list.length === 0 && (
        <EmptySection icon={<FolderIcon />} title={includeArchived ? 'No projects yet' : 'No active projects'}
          text="A project gathers tasks, milestones, deliverables, risks, resources and budget. Create the first one to start planning."
          action={<Button variant="outlined" onClick={() => setDialog({ mode: 'create' })}>Create a project</Button>} />
      )}
      {list.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Projects">
            <TableHead>
              <TableRow><TableCell>Code</TableCell><TableCell>Name</TableCell><TableCell>Status</TableCell><TableCell>Dates</TableCell><TableCell>Updated</TableCell><TableCell align="right">Actions</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {list.map((p) => (
                <TableRow key={p.id} hover data-testid="project-row">
                  <TableCell sx={{ fontFamily: 'monospace' }}>{p.code}</TableCell>
                  <TableCell>
                    <Link component="button" variant="body2" onClick={() => go('projects', [p.id])} aria-label={`Open ${p.name}`} sx={{ fontWeight: 500 }}>{p.name}</Link>
                    {p.isArchived && <Chip size="small" label="Archived" sx={{ ml: 1 }} />}
                  </TableCell>
                  <TableCell><Chip size="small" variant="outlined" label={statusLabel[p.status]} color={projectStatusColor[p.status]} /></TableCell>
                  <TableCell>{p.startDate || p.endDate ? `${formatDay(p.startDate)} – ${formatDay(p.endDate)}` : '—'}</TableCell>
                  <TableCell>{formatDateTime(p.updatedAt)}</TableCell>
                  <TableCell align="right">
                    <Tooltip title="Rename"><IconButton aria-label={`Rename ${p.name}`} onClick={() => { rename.clearError(); setDialog({ mode: 'rename', project: p }); }}><EditIcon /></IconButton></Tooltip>
                    {p.isArchived ? (
                      <Tooltip title="Restore"><IconButton aria-label={`Restore ${p.name}`} onClick={() => void setArchived(p, false)}><UnarchiveIcon /></IconButton></Tooltip>
                    ) : (
                      <Tooltip title="Archive"><IconButton aria-label={`Archive ${p.name}`} onClick={() => void setArchived(p, true)}><ArchiveIcon /></IconButton></Tooltip>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <ProjectDialog
        isOpen={dialog !== null}
        mode={dialog?.mode ?? 'create'}
        initial={dialog?.mode === 'rename' ? { code: dialog.project.code, name: dialog.project.name, description: dialog.project.description } : { code: '', name: '', description: '' }}
        isRunning={create.isRunning || rename.isRunning}
        error={dialog?.mode === 'rename' ? rename.error : create.error}
        onCancel={() => setDialog(null)}
        onSubmit={async (values) => {
          if (dialog?.mode === 'rename') {
            const renamed = await rename.run({ id: dialog.project.id, name: values.name });
            if (renamed.ok) setDialog(null);
            return;
          }
          // A new project opens at once: planning it is what the person came to do.
          const created = await create.run(values);
          if (!created.ok) return;
          setDialog(null);
          go('projects', [created.value.id]);
        }}
      />
      <Snackbar open={undo !== null} autoHideDuration={8000} onClose={() => setUndo(null)} message={undo ? `Archived “${undo.name}”` : ''}
        action={<Button color="secondary" size="small" onClick={() => { if (undo) void setArchived(undo, false); setUndo(null); }}>Undo</Button>} />
    </Stack>
  );
}
