import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material';
import type { StepDefinition } from '../../src-shared/workflows/definition-schema';
import { END_TARGET, StepTargetSelect } from './StepTargetSelect';

type Conditions = Record<string, string[]>;

interface Props {
  step: StepDefinition;
  steps: readonly StepDefinition[];
  onChange: (conditions: Conditions | undefined) => void;
  /** Problem text per path suffix, e.g. `.conditions.reject`. */
  errorAt: (suffix: string) => string | undefined;
}

const fixedActions = (step: StepDefinition) => (step.type === 'approval' ? ['approve', 'reject'] : []);

/** Action-based routing: which step each action leads to (`[]` ends the workflow; as rejected for reject). */
export function ActionRoutesEditor({ step, steps, onChange, errorAt }: Props) {
  const conditions: Conditions = step.conditions ?? {};
  const fixed = fixedActions(step);
  const rows = [...fixed.map((a) => [a, conditions[a]] as const), ...Object.entries(conditions).filter(([a]) => !fixed.includes(a))];
  const write = (next: Conditions) => onChange(Object.keys(next).length === 0 ? undefined : next);
  const setTarget = (action: string, target: string) => {
    const next = { ...conditions };
    if (target === '') delete next[action];
    else next[action] = target === END_TARGET ? [] : [target];
    write(next);
  };
  const rename = (from: string, to: string) => write(Object.fromEntries(Object.entries(conditions).map(([a, t]) => [a === from ? to : a, t])));
  const remove = (action: string) => {
    const { [action]: _gone, ...rest } = conditions;
    write(rest);
  };
  const addAction = () => {
    let n = 1;
    while (`action_${n}` in conditions) n += 1;
    write({ ...conditions, [`action_${n}`]: [] });
  };
  const targetOf = (targets: readonly string[] | undefined) => (targets === undefined ? '' : targets.length === 0 ? END_TARGET : (targets[0] as string));
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2">Action routes</Typography>
      {rows.map(([action, targets]) => (
        <Stack key={action} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          {fixed.includes(action) ? (
            <TextField size="small" label="Action" value={action} sx={{ width: 160 }} slotProps={{ input: { readOnly: true } }} />
          ) : (
            <TextField size="small" label="Action" defaultValue={action} sx={{ width: 160 }}
              onBlur={(e) => { const to = e.target.value.trim(); if (to && to !== action && !(to in conditions)) rename(action, to); }} />
          )}
          <StepTargetSelect label={`“${action}” goes to`} steps={steps} value={targetOf(targets)} excludeStepId={step.step_id}
            onChange={(target) => setTarget(action, target)} endLabel={action === 'reject' ? 'End as rejected' : 'End the workflow'}
            noneLabel={action === 'reject' ? undefined : 'Use next steps / routing'} error={errorAt(`.conditions.${action}`)} />
          {!fixed.includes(action) && (
            <Tooltip title="Remove action"><IconButton aria-label={`Remove action ${action}`} onClick={() => remove(action)}><DeleteIcon fontSize="small" /></IconButton></Tooltip>
          )}
        </Stack>
      ))}
      <div><Button size="small" startIcon={<AddIcon />} onClick={addAction}>Add action</Button></div>
    </Stack>
  );
}
