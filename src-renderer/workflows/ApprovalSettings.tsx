import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, FormControlLabel, IconButton, Paper, Stack, Switch, TextField, Tooltip, Typography } from '@mui/material';
import type { ApprovalConfig, ApprovalLevel, StepDefinition } from '../../src-shared/workflows/definition-schema';
import { AssigneeFields } from './AssigneeFields';
import { QuorumFields, type Quorum } from './QuorumFields';

interface Props {
  step: StepDefinition;
  onChange: (patch: Partial<StepDefinition>) => void;
  errorAt: (suffix: string) => string | undefined;
}

const pickQuorum = (from: Quorum): Quorum => ({
  ...(from.quorum ? { quorum: from.quorum } : {}), ...(from.n !== undefined ? { n: from.n } : {}), ...(from.m !== undefined ? { m: from.m } : {}),
});

/** Approvers of an approval step: the step's own assignee with a quorum, or sequential levels (e.g. head, then finance). */
export function ApprovalSettings({ step, onChange, errorAt }: Props) {
  const config: ApprovalConfig = step.approval ?? {};
  const levels = config.levels;
  const setConfig = (next: ApprovalConfig) => onChange({ approval: Object.keys(next).length === 0 ? undefined : next } as Partial<StepDefinition>);
  const setLevels = (next: ApprovalLevel[] | undefined) => {
    const { levels: _old, ...rest } = config;
    setConfig(next ? { ...rest, levels: next } : rest);
  };
  const toggleLevels = (isOn: boolean) => {
    if (isOn) {
      // The step's approvers become the first level, so nothing typed so far is lost.
      const first: ApprovalLevel = { name: 'Level 1', assignee_type: step.assignee_type ?? 'role', assignee_value: step.assignee_value ?? 'department_head', ...pickQuorum(config) };
      const { quorum: _q, n: _n, m: _m, ...rest } = config;
      onChange({ assignee_type: undefined, assignee_value: undefined, approval: { ...rest, levels: [first] } } as Partial<StepDefinition>);
    } else {
      const first = levels?.[0];
      const { levels: _l, ...rest } = config;
      onChange({ assignee_type: first?.assignee_type, assignee_value: first?.assignee_value, approval: { ...rest, ...(first ? pickQuorum(first) : {}) } } as Partial<StepDefinition>);
    }
  };
  const setLevel = (index: number, level: ApprovalLevel) => setLevels((levels ?? []).map((l, i) => (i === index ? level : l)));
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle2" sx={{ flexGrow: 1 }}>Approvers</Typography>
        <FormControlLabel control={<Switch size="small" checked={Boolean(levels)} onChange={(e) => toggleLevels(e.target.checked)} />} label="Several levels" />
        <FormControlLabel control={<Switch size="small" checked={config.allow_self_approval === true}
          onChange={(e) => { const { allow_self_approval: _a, ...rest } = config; setConfig(e.target.checked ? { ...rest, allow_self_approval: true } : rest); }} />}
          label="Requester may approve" />
      </Stack>
      {!levels && <QuorumFields value={config} onChange={(q) => { const { quorum: _q, n: _n, m: _m, ...rest } = config; setConfig({ ...rest, ...pickQuorum(q) }); }} errorAt={(s) => errorAt(`.approval${s}`)} />}
      {levels?.map((level, index) => (
        <Paper key={index} variant="outlined" sx={{ p: 1.5 }}>
          <Stack spacing={1}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <TextField size="small" label={`Level ${index + 1} name`} value={level.name ?? ''} sx={{ flex: 1 }}
                onChange={(e) => { const { name: _n, ...rest } = level; setLevel(index, e.target.value ? { ...rest, name: e.target.value } : rest); }} />
              <Tooltip title="Remove level">
                <span><IconButton aria-label={`Remove level ${index + 1}`} disabled={levels.length === 1} onClick={() => setLevels(levels.filter((_l, i) => i !== index))}><DeleteIcon fontSize="small" /></IconButton></span>
              </Tooltip>
            </Stack>
            <AssigneeFields label="Approver" type={level.assignee_type} value={level.assignee_value}
              onChange={(type, value) => setLevel(index, { ...level, assignee_type: type ?? 'role', assignee_value: value ?? '' })}
              valueError={errorAt(`.approval.levels[${index}].assignee_value`)} />
            <QuorumFields value={level} onChange={(q) => { const { quorum: _q, n: _n, m: _m, ...rest } = level; setLevel(index, { ...rest, ...pickQuorum(q) }); }}
              errorAt={(s) => errorAt(`.approval.levels[${index}]${s}`)} />
          </Stack>
        </Paper>
      ))}
      {levels && levels.length < 10 && (
        <div><Button size="small" startIcon={<AddIcon />} onClick={() => setLevels([...levels, { name: `Level ${levels.length + 1}`, assignee_type: 'role', assignee_value: 'finance' }])}>Add level</Button></div>
      )}
    </Stack>
  );
}
