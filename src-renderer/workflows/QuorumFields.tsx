import { MenuItem, Stack, TextField } from '@mui/material';
import { quorumKinds, type QuorumKind } from '../../src-shared/workflows/definition-schema';

export interface Quorum {
  quorum?: QuorumKind;
  n?: number;
  m?: number;
}

const quorumLabel: Record<QuorumKind, string> = { any: 'Any one approver', all: 'All approvers', n_of_m: 'n of m approvers' };

const toNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** How many approvals a level needs: any one, all, or n of m (m counts a role's approvers). */
export function QuorumFields({ value, onChange, errorAt }: { value: Quorum; onChange: (next: Quorum) => void; errorAt: (suffix: string) => string | undefined }) {
  const set = (patch: Partial<Record<keyof Quorum, unknown>>) => {
    const next: Record<string, unknown> = { ...value, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined || Number.isNaN(next[key])) delete next[key];
    onChange(next as Quorum);
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField select size="small" label="Quorum" value={value.quorum ?? 'any'} sx={{ width: 190 }} onChange={(e) => set({ quorum: e.target.value as QuorumKind })}>
        {quorumKinds.map((q) => <MenuItem key={q} value={q}>{quorumLabel[q]}</MenuItem>)}
      </TextField>
      {value.quorum === 'n_of_m' && (
        <TextField size="small" type="number" label="n (approvals)" value={value.n ?? ''} sx={{ width: 120 }}
          onChange={(e) => set({ n: toNumber(e.target.value) })} error={Boolean(errorAt('.n'))} helperText={errorAt('.n')} />
      )}
      {(value.quorum === 'n_of_m' || value.quorum === 'all') && (
        <TextField size="small" type="number" label="m (approvers)" value={value.m ?? ''} sx={{ width: 120 }}
          onChange={(e) => set({ m: toNumber(e.target.value) })} error={Boolean(errorAt('.m'))} helperText={errorAt('.m') ?? 'For a role'} />
      )}
    </Stack>
  );
}
