import FilterListIcon from '@mui/icons-material/FilterList';
import SearchIcon from '@mui/icons-material/Search';
import { Button, Checkbox, Chip, InputAdornment, ListItemText, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { PersonView } from '../../src-shared/people/person';
import type { RegisterFilter } from '../../src-shared/records/record-contract';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { FilterDialog } from './FilterDialog';
import { describeFilter } from './register-filters';

interface Props {
  kind: AnyRecordKind;
  text: string;
  filters: readonly RegisterFilter[];
  people: readonly PersonView[];
  nameOf: (id: string) => string | undefined;
  onText: (text: string) => void;
  onFilters: (filters: RegisterFilter[]) => void;
}

const isStatusFilter = (f: RegisterFilter) => f.field === 'status' && f.op === 'in';

/**
 * The register's search words, its status filter (the one everyone uses) and any other filters as
 * chips: click one to change it, its cross to remove it.
 */
export function RegisterFilterBar({ kind, text, filters, people, nameOf, onText, onFilters }: Props) {
  const [editing, setEditing] = useState<{ index: number | null } | null>(null);
  const statusFilter = filters.find(isStatusFilter);
  const statuses = Array.isArray(statusFilter?.value) ? statusFilter.value : [];
  const others = filters.map((f, index) => ({ f, index })).filter(({ f }) => !isStatusFilter(f));

  const setStatuses = (chosen: string[]) => {
    const rest = filters.filter((f) => !isStatusFilter(f));
    onFilters(chosen.length > 0 ? [{ field: 'status', op: 'in', value: chosen }, ...rest] : rest);
  };
  const apply = (filter: RegisterFilter) => {
    const index = editing?.index ?? null;
    onFilters(index === null ? [...filters, filter] : filters.map((f, i) => (i === index ? filter : f)));
    setEditing(null);
  };

  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <TextField size="small" placeholder="Search number, title, words…" value={text} onChange={(e) => onText(e.target.value)} sx={{ width: 260 }}
        slotProps={{ htmlInput: { 'aria-label': `Search ${kind.pluralLabel.toLowerCase()}` }, input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> } }} />
      <TextField select size="small" label="Status" value={statuses} sx={{ minWidth: 160 }} onChange={(e) => setStatuses(e.target.value as unknown as string[])}
        slotProps={{ select: { multiple: true, renderValue: (v) => ((v as string[]).length === 0 ? 'Any' : (v as string[]).map((s) => kind.statuses.find((x) => x.id === s)?.label ?? s).join(', ')), displayEmpty: true }, inputLabel: { shrink: true } }}>
        {kind.statuses.map((s) => (
          <MenuItem key={s.id} value={s.id}>
            <Checkbox size="small" checked={statuses.includes(s.id)} />
            <ListItemText primary={s.label} />
          </MenuItem>
        ))}
      </TextField>
      {others.map(({ f, index }) => (
        <Chip key={index} label={describeFilter(kind, f, { personName: nameOf })} onClick={() => setEditing({ index })} onDelete={() => onFilters(filters.filter((_x, i) => i !== index))} data-testid="filter-chip" />
      ))}
      <Button size="small" startIcon={<FilterListIcon />} onClick={() => setEditing({ index: null })}>Add filter</Button>
      <FilterDialog kind={kind} isOpen={editing !== null} editing={editing && editing.index !== null ? (filters[editing.index] ?? null) : null} people={people}
        onClose={() => setEditing(null)} onApply={apply} />
    </Stack>
  );
}
