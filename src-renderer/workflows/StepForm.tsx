import { Alert, Autocomplete, Divider, FormControlLabel, MenuItem, Stack, Switch, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import type { DefinitionProblem, StepDefinition, WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import { stepTypes } from '../../src-shared/workflows/definition-schema';
import { actionsOf } from '../../src-shared/workflows/definition-graph';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { dataFieldsOf } from '../../src-shared/workflows/validate-record-binding';
import { ActionRoutesEditor } from './ActionRoutesEditor';
import { FormFieldsEditor } from './FormFieldsEditor';
import { ReadyInstrumentSetting } from './ReadyInstrumentSetting';
import { RecordEffectsEditor } from './RecordEffectsEditor';
import { ApprovalSettings } from './ApprovalSettings';
import { AssigneeFields } from './AssigneeFields';
import { BoundaryTimerSettings } from './BoundaryTimerSettings';
import { patchStep, renameStep, setSla } from './definition-edit';
import { RoutingRulesEditor } from './RoutingRulesEditor';
import { SlaSettings } from './SlaSettings';
import { stepTypeLabel } from './workflow-labels';

interface Props {
  definition: WorkflowDefinition;
  index: number;
  problems: DefinitionProblem[];
  isReadOnly: boolean;
  onEdit: (next: WorkflowDefinition) => void;
}

/** Every setting of one step; each field shows the validator's problem at its path. */
export function StepForm({ definition, index, problems, isReadOnly, onEdit }: Props) {
  const step = definition.steps[index] as StepDefinition;
  const [stepId, setStepId] = useState(step.step_id);
  useEffect(() => setStepId(step.step_id), [step.step_id]);
  const at = `steps[${index}]`;
  const errorAt = (suffix: string) => problems.find((p) => p.path === at + suffix)?.message;
  const patch = (p: Partial<StepDefinition>) => onEdit(patchStep(definition, index, p));
  const others = definition.steps.filter((s) => s.step_id !== step.step_id);
  const isHuman = step.type === 'task' || step.type === 'approval';
  const hasAssignee = step.type === 'task' || step.type === 'notify' || (step.type === 'approval' && !step.approval?.levels);
  const kind = recordKindOf(definition.record_kind);
  const recordFields = kind ? dataFieldsOf(kind).map((field) => ({ field, label: kind.fields.find((f) => f.field === field)?.label ?? field })) : [];
  const stepProblems = problems.filter((p) => p.path === at || p.path.startsWith(`${at}.`) || (p.stepId === step.step_id && !p.path.startsWith('steps[')));
  // Renaming moves every reference along; done on leaving the field so half-typed ids never touch other steps.
  const commitId = () => {
    const next = stepId.trim();
    if (next && next !== step.step_id && !definition.steps.some((s) => s.step_id === next)) onEdit(renameStep(definition, step.step_id, next));
    else setStepId(step.step_id);
  };
  return (
    <Stack spacing={2} component="fieldset" disabled={isReadOnly} sx={{ border: 0, p: 0, m: 0, minWidth: 0 }} aria-label={`Step ${step.name}`} data-testid="step-form">
      {stepProblems.length > 0 && (
        <Alert severity="error" variant="outlined">
          {stepProblems.map((p, i) => <div key={i}>{p.message}</div>)}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField size="small" label="Step id" value={stepId} onChange={(e) => setStepId(e.target.value)} onBlur={commitId}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); commitId(); } }} sx={{ width: 170, '& input': { fontFamily: 'monospace' } }}
          error={Boolean(errorAt('.step_id'))} helperText={errorAt('.step_id')} />
        <TextField size="small" label="Name" value={step.name ?? ''} onChange={(e) => patch({ name: e.target.value })} sx={{ flex: 1 }}
          error={Boolean(errorAt('.name'))} helperText={errorAt('.name')} />
        <TextField select size="small" label="Type" value={step.type} onChange={(e) => patch({ type: e.target.value as StepDefinition['type'] })} sx={{ width: 150 }}>
          {stepTypes.map((t) => <MenuItem key={t} value={t}>{stepTypeLabel[t]}</MenuItem>)}
        </TextField>
      </Stack>
      <TextField size="small" label="Description" value={step.description ?? ''} multiline minRows={1}
        onChange={(e) => patch({ description: e.target.value || undefined } as Partial<StepDefinition>)} />
      {hasAssignee && (
        <AssigneeFields type={step.assignee_type} value={step.assignee_value}
          onChange={(type, value) => patch({ assignee_type: type, assignee_value: value } as Partial<StepDefinition>)}
          typeError={errorAt('.assignee_type')} valueError={errorAt('.assignee_value')} />
      )}
      {step.type === 'approval' && <ApprovalSettings step={step} onChange={patch} errorAt={errorAt} />}
      {step.type !== 'decision' && step.type !== 'end' && (
        <Autocomplete multiple size="small" options={others.map((s) => s.step_id)} value={step.next_steps ?? []}
          getOptionLabel={(id) => definition.steps.find((s) => s.step_id === id)?.name ?? `${id} (missing)`}
          onChange={(_e, list) => patch({ next_steps: list })} disabled={isReadOnly}
          renderInput={(params) => (
            <TextField {...params} label={step.type === 'parallel' ? 'Branches (next steps)' : 'Next step'} error={Boolean(errorAt('.next_steps'))}
              helperText={errorAt('.next_steps') ?? problems.find((p) => p.path.startsWith(`${at}.next_steps[`))?.message ?? (step.type === 'parallel' ? 'All branches start at once.' : 'Where the step goes when it is done.')} />
          )} />
      )}
      {isHuman && (
        <ActionRoutesEditor step={step} steps={definition.steps} onChange={(conditions) => patch({ conditions } as Partial<StepDefinition>)}
          errorAt={(s) => errorAt(s) ?? problems.find((p) => p.path.startsWith(`${at}${s}[`))?.message} />
      )}
      {isHuman && (
        <FormControlLabel control={<Switch size="small" checked={step.require_signature === true} onChange={(e) => patch({ require_signature: e.target.checked || undefined } as Partial<StepDefinition>)} />}
          label={step.type === 'approval' ? 'Every action needs an e-signature (approve and reject always do)' : 'Every action needs an e-signature'} />
      )}
      {isHuman && <ReadyInstrumentSetting step={step} onChange={patch} errorAt={errorAt} />}
      {step.type === 'timer' && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField size="small" type="number" label="Wait (hours)" value={step.timer?.after_hours ?? ''} sx={{ width: 150 }}
            onChange={(e) => patch({ timer: e.target.value === '' ? { ...(step.timer ?? {}), after_hours: undefined } : { after_hours: Number(e.target.value) } })}
            error={Boolean(errorAt('.timer'))} helperText={errorAt('.timer') ?? 'or'} />
          <TextField size="small" label="Until the date in variable" value={step.timer?.until_variable ?? ''} sx={{ flex: 1 }}
            onChange={(e) => patch({ timer: e.target.value === '' ? { ...(step.timer ?? {}), until_variable: undefined } : { until_variable: e.target.value } })} />
        </Stack>
      )}
      {step.type === 'notify' && (
        <TextField size="small" label="Message" value={step.message ?? ''} multiline minRows={2} onChange={(e) => patch({ message: e.target.value || undefined } as Partial<StepDefinition>)} />
      )}
      {step.type === 'end' && (
        <TextField select size="small" label="Outcome" value={step.outcome ?? 'completed'} sx={{ width: 200 }} onChange={(e) => patch({ outcome: e.target.value as 'completed' | 'rejected' })}>
          <MenuItem value="completed">Completed</MenuItem>
          <MenuItem value="rejected">Rejected</MenuItem>
        </TextField>
      )}
      {step.type !== 'parallel' && step.type !== 'end' && (
        <RoutingRulesEditor step={step} steps={definition.steps} onChange={(routing) => patch({ routing } as Partial<StepDefinition>)}
          errorAt={(s) => errorAt(s) ?? problems.find((p) => p.path.startsWith(`${at}${s}`))?.message} />
      )}
      {isHuman && (
        <>
          <Divider />
          <FormFieldsEditor step={step} recordFields={recordFields} onChange={(form) => patch({ form } as Partial<StepDefinition>)} errorAt={errorAt} />
          {kind && <RecordEffectsEditor step={step} kind={kind} onChange={(effects) => patch({ record_effects: effects } as Partial<StepDefinition>)} errorAt={errorAt} />}
          <Divider />
          <BoundaryTimerSettings step={step} steps={others} hasCalendar={definition.working_calendar !== undefined}
            onChange={(boundary_timer) => patch({ boundary_timer } as Partial<StepDefinition>)} errorAt={errorAt} />
          <Divider />
          <SlaSettings entry={definition.sla_config?.[step.step_id]} actions={actionsOf(step)} onChange={(entry) => onEdit(setSla(definition, step.step_id, entry))}
            errorAt={(s) => problems.find((p) => p.path === `sla_config.${step.step_id}${s}`)?.message} />
        </>
      )}
    </Stack>
  );
}
