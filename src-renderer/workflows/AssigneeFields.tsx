import { Autocomplete, MenuItem, Stack, TextField } from '@mui/material';
import type { AssigneeType } from '../../src-shared/workflows/definition-schema';
import { assigneeTypes } from '../../src-shared/workflows/definition-schema';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { roleLabel } from '../../src-shared/people/role-label';

interface Props {
  type: AssigneeType | undefined;
  value: string | string[] | undefined;
  onChange: (type: AssigneeType | undefined, value: string | string[] | undefined) => void;
  label?: string;
  typeError?: string | undefined;
  valueError?: string | undefined;
}

const typeLabel: Record<AssigneeType, string> = { role: 'Role', user: 'People', variable: 'Variable' };

const asList = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
/** One value is written as a string (the spec's form); several as a list. */
const fromList = (list: string[]) => (list.length === 0 ? undefined : list.length === 1 ? list[0] : list);

/** Who a step (or an approval level, or an escalation) goes to: roles from the directory, named people, or a variable. */
export function AssigneeFields({ type, value, onChange, label = 'Assignee', typeError, valueError }: Props) {
  const roles = useLiveQuery('roles/list', {});
  const people = useLiveQuery('people/list', { includeInactive: false });
  const roleName = (code: string) => roleLabel(code, roles.data);
  const personName = (id: string) => people.data?.find((p) => p.id === id)?.name ?? id;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField select size="small" label={`${label} type`} value={type ?? ''} sx={{ width: 150, flexShrink: 0 }}
        onChange={(e) => onChange((e.target.value || undefined) as AssigneeType | undefined, undefined)}
        error={Boolean(typeError)} helperText={typeError}>
        <MenuItem value=""><em>None</em></MenuItem>
        {assigneeTypes.map((t) => <MenuItem key={t} value={t}>{typeLabel[t]}</MenuItem>)}
      </TextField>
      {type === 'role' && (
        <Autocomplete multiple size="small" sx={{ flex: 1 }} options={(roles.data ?? []).map((r) => r.code)} getOptionLabel={roleName}
          value={asList(value)} onChange={(_e, list) => onChange(type, fromList(list))}
          renderInput={(params) => <TextField {...params} label={`${label} role`} error={Boolean(valueError)} helperText={valueError} />} />
      )}
      {type === 'user' && (
        <Autocomplete multiple size="small" sx={{ flex: 1 }} options={(people.data ?? []).map((p) => p.id)} getOptionLabel={personName}
          value={asList(value)} onChange={(_e, list) => onChange(type, fromList(list))}
          renderInput={(params) => <TextField {...params} label={`${label} people`} error={Boolean(valueError)} helperText={valueError} />} />
      )}
      {type === 'variable' && (
        <TextField size="small" sx={{ flex: 1 }} label="Variable name" placeholder="requester_department_head" value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(type, e.target.value || undefined)} error={Boolean(valueError)} helperText={valueError ?? 'An instance variable holding a person id.'} />
      )}
    </Stack>
  );
}
