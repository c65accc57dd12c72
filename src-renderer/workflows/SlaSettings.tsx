import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, MenuItem, Paper, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { escalationActions, type EscalationRule, type SlaEntry } from '../../src-shared/workflows/definition-schema';
import { AssigneeFields } from './AssigneeFields';

interface Props {
  entry: SlaEntry | undefined;
  actions: string[];
  onChange: (entry: SlaEntry | undefined) => void;
  /** Problem text for a path under `sla_config.<step>`. */
  errorAt: (suffix: string) => string | undefined;
}

const actionLabel: Record<EscalationRule['action'], string> = { notify: 'Notify', reassign: 'Reassign', auto_act: 'Act automatically' };

const num = (text: string) => (text.trim() === '' ? undefined : Number(text));

const rulesOf = (entry: SlaEntry | undefined): EscalationRule[] => {
  const rules = entry?.escalation_rules;
  return !rules ? [] : Array.isArray(rules) ? rules : Object.values(rules);
};

/** A step's deadline (hours after it starts), when it counts as due soon, and what happens as it nears or passes. */
export function SlaSettings({ entry, actions, onChange, errorAt }: Props) {
  const rules = rulesOf(entry);
  const setRules = (next: EscalationRule[]) => entry && onChange({ ...entry, escalation_rules: next });
  const setRule = (index: number, rule: EscalationRule) => setRules(rules.map((r, i) => (i === index ? rule : r)));
  const clean = (rule: Record<string, unknown>) => {
    for (const key of Object.keys(rule)) if (rule[key] === undefined || rule[key] === '' || Number.isNaN(rule[key])) delete rule[key];
    return rule as unknown as EscalationRule;
  };
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2">Deadline (SLA)</Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField size="small" type="number" label="Due after (hours)" value={entry?.duration_hours ?? ''} sx={{ width: 170 }}
          onChange={(e) => {
            const hours = num(e.target.value);
            onChange(hours === undefined ? undefined : { ...(entry ?? { escalation_rules: [] }), duration_hours: hours });
          }}
          error={Boolean(errorAt('.duration_hours') ?? errorAt(''))} helperText={errorAt('.duration_hours') ?? errorAt('') ?? 'Empty: no deadline'} />
        {entry && (
          <TextField size="small" type="number" label="Due soon at (%)" value={entry.at_risk_percent ?? ''} placeholder="75" sx={{ width: 180 }}
            onChange={(e) => { const { at_risk_percent: _a, ...rest } = entry; const p = num(e.target.value); onChange(p === undefined ? rest : { ...rest, at_risk_percent: p }); }}
            error={Boolean(errorAt('.at_risk_percent'))} helperText={errorAt('.at_risk_percent') ?? 'Of the time; 75 when empty'} />
        )}
      </Stack>
      {entry && rules.map((rule, index) => {
        const at = `.escalation_rules[${index}]`;
        const trigger = rule.after_breach_hours !== undefined ? 'after' : 'percent';
        return (
          <Paper key={index} variant="outlined" sx={{ p: 1.5 }} data-testid="escalation-rule">
            <Stack spacing={1}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <TextField select size="small" label="When" value={trigger} sx={{ width: 190 }}
                  onChange={(e) => { const { at_percent: _p, after_breach_hours: _h, ...rest } = rule; setRule(index, e.target.value === 'after' ? { ...rest, after_breach_hours: 0 } : { ...rest, at_percent: 90 }); }}>
                  <MenuItem value="percent">At a share of the time</MenuItem>
                  <MenuItem value="after">After the deadline</MenuItem>
                </TextField>
                <TextField size="small" type="number" sx={{ width: 120 }} label={trigger === 'after' ? 'Hours after' : 'Percent'}
                  value={(trigger === 'after' ? rule.after_breach_hours : rule.at_percent) ?? ''}
                  onChange={(e) => setRule(index, clean({ ...rule, [trigger === 'after' ? 'after_breach_hours' : 'at_percent']: num(e.target.value) }))}
                  error={Boolean(errorAt(at))} helperText={errorAt(at)} />
                <TextField select size="small" label="Then" value={rule.action} sx={{ width: 170 }}
                  onChange={(e) => setRule(index, clean({ ...rule, action: e.target.value, auto_action: e.target.value === 'auto_act' ? actions[0] : undefined }))}>
                  {escalationActions.map((a) => <MenuItem key={a} value={a}>{actionLabel[a]}</MenuItem>)}
                </TextField>
                {rule.action === 'auto_act' && (
                  <TextField select size="small" label="Action" value={rule.auto_action ?? ''} sx={{ width: 130 }}
                    onChange={(e) => setRule(index, { ...rule, auto_action: e.target.value })} error={Boolean(errorAt(`${at}.auto_action`))} helperText={errorAt(`${at}.auto_action`)}>
                    {actions.map((a) => <MenuItem key={a} value={a}>{a}</MenuItem>)}
                  </TextField>
                )}
                <Tooltip title="Remove escalation"><IconButton aria-label={`Remove escalation ${index + 1}`} onClick={() => setRules(rules.filter((_r, i) => i !== index))}><DeleteIcon fontSize="small" /></IconButton></Tooltip>
              </Stack>
              {rule.action !== 'auto_act' && (
                <AssigneeFields label={rule.action === 'reassign' ? 'Hand to' : 'Tell'} type={rule.to_type} value={rule.to_value}
                  onChange={(type, value) => setRule(index, clean({ ...rule, to_type: type, to_value: value }))} valueError={errorAt(`${at}.to_value`)} />
              )}
            </Stack>
          </Paper>
        );
      })}
      {entry && (
        <div><Button size="small" startIcon={<AddIcon />} onClick={() => setRules([...rules, { at_percent: 90, action: 'notify' }])}>Add escalation</Button></div>
      )}
    </Stack>
  );
}
