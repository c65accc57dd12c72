import { FormControl, FormControlLabel, InputLabel, MenuItem, Select, Stack, Switch, Typography } from '@mui/material';
import { memo } from 'react';
import type { PersonRef } from '../../../src-shared/tasks/task-views';

const EVERYONE = '__everyone__';

interface Props {
  projects: ReadonlyArray<{ id: string; code: string; name: string }> | null;
  projectId: string;
  onProject?: (projectId: string) => void;
  people: readonly PersonRef[];
  assigneeId: string | null;
  onAssignee: (assigneeId: string | null) => void;
  swimlanes: boolean;
  onSwimlanes: (isOn: boolean) => void;
  summary: string;
}

/** The spec's generate_kanban_board(project_id, assigned_to_id) as filters, plus lanes by assignee (memoised: pushes leave it alone). */
export const BoardFilters = memo(function BoardFilters(props: Props) {
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
      {props.projects && props.onProject && (
        <FormControl size="small" sx={{ minWidth: 220 }}>
          <InputLabel id="board-project">Project</InputLabel>
          <Select labelId="board-project" label="Project" value={props.projectId} onChange={(e) => props.onProject?.(e.target.value)}>
            {props.projects.map((p) => <MenuItem key={p.id} value={p.id}>{p.code} · {p.name}</MenuItem>)}
          </Select>
        </FormControl>
      )}
      <FormControl size="small" sx={{ minWidth: 200 }}>
        <InputLabel id="board-assignee">Assignee</InputLabel>
        <Select labelId="board-assignee" label="Assignee" value={props.assigneeId ?? EVERYONE} onChange={(e) => props.onAssignee(e.target.value === EVERYONE ? null : e.target.value)}>
          <MenuItem value={EVERYONE}>Everyone</MenuItem>
          {props.people.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
        </Select>
      </FormControl>
      <FormControlLabel control={<Switch size="small" checked={props.swimlanes} onChange={(e) => props.onSwimlanes(e.target.checked)} />}
        label={<Typography variant="body2">Swimlanes by assignee</Typography>} />
      <Typography variant="caption" color="text.secondary" sx={{ flexGrow: 1, textAlign: 'right' }} data-testid="board-summary">{props.summary}</Typography>
    </Stack>
  );
});
