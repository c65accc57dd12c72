import { Autocomplete, TextField } from '@mui/material';
import { findDepartment, type DepartmentView } from '../../src-shared/people/departments';

interface Option {
  value: string;
  label: string;
}

interface Props {
  departments: readonly DepartmentView[];
  /** The person's `departmentId`: a department's id, '' for none, or free text from before departments existed. */
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

export const departmentLabel = (d: DepartmentView) => `${d.name} (${d.code})`;

/**
 * The person dialog's department: active departments to choose from (type to filter, Escape or the
 * clear button for none). A value that names no active department stays visible as it is — a
 * deactivated department, or text typed before departments existed — so saving keeps it.
 */
export function DepartmentPicker({ departments, value, onChange, error }: Props) {
  const options: Option[] = departments.filter((d) => d.isActive).map((d) => ({ value: d.id, label: departmentLabel(d) }));
  const current = findDepartment(departments, value);
  let selected: Option | null = null;
  let note: string | undefined;
  if (current?.isActive) selected = options.find((o) => o.value === current.id) ?? null;
  else if (current) {
    selected = { value, label: `${departmentLabel(current)}, deactivated` };
    note = 'This department is deactivated; choose an active one to move the person.';
  } else if (value) {
    selected = { value, label: value };
    note = 'Typed before departments existed and matches none; choose a department to replace it.';
  }
  if (selected && !options.some((o) => o.value === selected.value)) options.unshift(selected);
  return (
    <Autocomplete
      // Inside the modal dialog, a list portalled to the body would be left out of the accessibility tree.
      disablePortal
      options={options}
      value={selected}
      isOptionEqualToValue={(a, b) => a.value === b.value}
      getOptionLabel={(o) => o.label}
      onChange={(_e, option) => onChange(option?.value ?? '')}
      noOptionsText="No departments match. Administrators add them in Settings → Departments."
      renderInput={(params) => <TextField {...params} label="Department" placeholder="No department" error={Boolean(error)} helperText={error ?? note} />}
    />
  );
}
