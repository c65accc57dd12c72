import { FormControlLabel, MenuItem, Stack, Switch, TextField } from '@mui/material';
import { auditAreas, type AuditArea } from '../../../src-shared/audit/audit-readable';
import { useLiveQuery } from '../../bridge/BridgeProvider';
import { DateField } from '../../format/DateField';

/** What the person chose to see; days are the person's own calendar days ('YYYY-MM-DD'). */
export interface AuditFilterChoice {
  personId: string;
  area: AuditArea | '';
  text: string;
  fromDay: string;
  toDay: string;
  isSignaturesOnly: boolean;
}

export const noFilter: AuditFilterChoice = { personId: '', area: '', text: '', fromDay: '', toDay: '', isSignaturesOnly: false };

/** The start of a local calendar day as a UTC instant, `days` later (1: the start of the next day). */
const dayStart = (day: string, days = 0): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + days).toISOString();
};

/** The filter as the host takes it: the "to" day is included, so the range ends at the next day's start. */
export const trailInput = (choice: AuditFilterChoice, limit: number) => ({
  limit,
  ...(choice.personId ? { personId: choice.personId } : {}),
  ...(choice.area ? { area: choice.area } : {}),
  ...(choice.text.trim() ? { text: choice.text.trim() } : {}),
  ...(choice.fromDay ? { fromAt: dayStart(choice.fromDay) } : {}),
  ...(choice.toDay ? { toAt: dayStart(choice.toDay, 1) } : {}),
  ...(choice.isSignaturesOnly ? { isSignaturesOnly: true } : {}),
});

/** A select whose empty choice ("Everyone", "All actions") is shown, not left blank under its label. */
const showEmpty = { select: { displayEmpty: true }, inputLabel: { shrink: true } } as const;

/** Person, area, words of the record or action, a date range, and signatures only. */
export function AuditFilterBar({ value, onChange }: { value: AuditFilterChoice; onChange: (next: AuditFilterChoice) => void }) {
  const people = useLiveQuery('people/list', { includeInactive: true });
  const set = (patch: Partial<AuditFilterChoice>) => onChange({ ...value, ...patch });
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }} role="search" aria-label="Filter the audit trail">
      <TextField select size="small" label="Person" value={value.personId} onChange={(e) => set({ personId: e.target.value })} sx={{ minWidth: 200 }} slotProps={showEmpty}>
        <MenuItem value="">Everyone</MenuItem>
        {(people.data ?? []).map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
      </TextField>
      <TextField select size="small" label="Action" value={value.area} onChange={(e) => set({ area: e.target.value as AuditArea | '' })} sx={{ minWidth: 200 }} slotProps={showEmpty}>
        <MenuItem value="">All actions</MenuItem>
        {(Object.entries(auditAreas) as [AuditArea, { label: string }][]).map(([area, { label }]) => <MenuItem key={area} value={area}>{label}</MenuItem>)}
      </TextField>
      <TextField size="small" label="Record" placeholder="Name or number" value={value.text} onChange={(e) => set({ text: e.target.value })} sx={{ minWidth: 200 }} />
      <DateField size="small" label="From" value={value.fromDay} onChange={(day) => set({ fromDay: day })} />
      <DateField size="small" label="To" value={value.toDay} onChange={(day) => set({ toDay: day })} />
      <FormControlLabel control={<Switch checked={value.isSignaturesOnly} onChange={(e) => set({ isSignaturesOnly: e.target.checked })} />} label="Signatures only" />
    </Stack>
  );
}
