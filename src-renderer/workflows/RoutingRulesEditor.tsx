import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Button, IconButton, MenuItem, Paper, Stack, TextField, Tooltip, Typography } from '@mui/material';
import type { StepDefinition } from '../../src-shared/workflows/definition-schema';
import { comparisonOps, type Comparison, type Routing } from '../../src-shared/workflows/routing-rules';
import { flatComparisons, formatValue, fromComparisons, opLabel, parseValue } from './routing-values';
import { StepTargetSelect } from './StepTargetSelect';

interface Props {
  step: StepDefinition;
  steps: readonly StepDefinition[];
  onChange: (routing: Routing | undefined) => void;
  errorAt: (suffix: string) => string | undefined;
}

/** Data-based routing: ordered rules over instance variables (first match wins) and a default branch. */
export function RoutingRulesEditor({ step, steps, onChange, errorAt }: Props) {
  const routing = step.routing;
  if (!routing) {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle2" sx={{ flexGrow: 1 }}>Routing rules</Typography>
        <Button size="small" startIcon={<AddIcon />} onClick={() => onChange({ rules: [] })}>Route by variables</Button>
      </Stack>
    );
  }
  const setRules = (rules: Routing['rules']) => onChange({ ...routing, rules });
  const setComparisons = (index: number, list: Comparison[]) =>
    setRules(routing.rules.map((r, i) => (i === index ? { ...r, when: fromComparisons(list) } : r)));
  return (
    <Stack spacing={1}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle2" sx={{ flexGrow: 1 }}>Routing rules <Typography component="span" variant="caption" color="text.secondary">— the first rule that holds wins</Typography></Typography>
        <Button size="small" color="inherit" onClick={() => onChange(undefined)}>Remove routing</Button>
      </Stack>
      {routing.rules.map((rule, index) => {
        const list = flatComparisons(rule.when);
        return (
          <Paper key={index} variant="outlined" sx={{ p: 1.5 }} data-testid="routing-rule">
            <Stack spacing={1}>
              <Stack direction="row" sx={{ alignItems: 'center' }}>
                <Typography variant="caption" sx={{ flexGrow: 1, fontWeight: 600 }}>Rule {index + 1}: when all of these hold</Typography>
                <Tooltip title="Remove rule"><IconButton size="small" aria-label={`Remove rule ${index + 1}`} onClick={() => setRules(routing.rules.filter((_r, i) => i !== index))}><DeleteIcon fontSize="small" /></IconButton></Tooltip>
              </Stack>
              {list === null && <Alert severity="info">This rule nests “any” or “not” conditions; edit it in the JSON view.</Alert>}
              {list?.map((c, ci) => (
                <Stack key={`${ci}-${JSON.stringify(c.value)}`} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                  <TextField size="small" label="Variable" defaultValue={c.var} sx={{ flex: 2 }} error={Boolean(errorAt(`.routing.rules[${index}].when`))}
                    onBlur={(e) => setComparisons(index, list.map((x, j) => (j === ci ? { ...x, var: e.target.value.trim() } : x)))} />
                  <TextField select size="small" label="Is" value={c.op} sx={{ width: 120 }}
                    onChange={(e) => setComparisons(index, list.map((x, j) => (j === ci ? { ...x, op: e.target.value as Comparison['op'] } : x)))}>
                    {comparisonOps.map((op) => <MenuItem key={op} value={op}>{opLabel[op]}</MenuItem>)}
                  </TextField>
                  <TextField size="small" label={c.op === 'in' || c.op === 'nin' ? 'Values (a, b, c)' : 'Value'} defaultValue={formatValue(c.value)} sx={{ flex: 2 }}
                    disabled={c.op === 'exists'}
                    onBlur={(e) => setComparisons(index, list.map((x, j) => {
                      if (j !== ci) return x;
                      const value = parseValue(x.op, e.target.value);
                      const { value: _old, ...rest } = x;
                      return value === undefined ? rest : { ...rest, value };
                    }))} />
                  <IconButton size="small" aria-label="Remove condition" disabled={list.length === 1}
                    onClick={() => setComparisons(index, list.filter((_x, j) => j !== ci))}><DeleteIcon fontSize="small" /></IconButton>
                </Stack>
              ))}
              {list && <div><Button size="small" onClick={() => setComparisons(index, [...list, { var: 'amount', op: 'gt', value: 0 }])}>And another condition</Button></div>}
              <StepTargetSelect label="Then go to" steps={steps} value={rule.go} excludeStepId={step.step_id}
                onChange={(go) => setRules(routing.rules.map((r, i) => (i === index ? { ...r, go } : r)))} error={errorAt(`.routing.rules[${index}].go`)} />
            </Stack>
          </Paper>
        );
      })}
      <div>
        <Button size="small" startIcon={<AddIcon />} onClick={() => setRules([...routing.rules, { when: { var: 'estimated_cost', op: 'gt', value: 10000 }, go: steps.find((s) => s.step_id !== step.step_id)?.step_id ?? '' }])}>
          Add rule
        </Button>
      </div>
      <StepTargetSelect label="Otherwise (default branch)" steps={steps} value={routing.default ?? ''} excludeStepId={step.step_id} noneLabel="No default"
        onChange={(target) => { const { default: _d, ...rest } = routing; onChange(target ? { ...rest, default: target } : rest); }} error={errorAt('.routing.default')} />
    </Stack>
  );
}
