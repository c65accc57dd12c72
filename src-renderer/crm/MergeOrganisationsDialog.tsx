import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormLabel, List, ListItem, MenuItem, Radio, RadioGroup, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { mergeableFields, type MergeableField, type MergeChoices } from '../../src-shared/crm/organisation-merge';
import type { DuplicateGroup } from '../../src-shared/crm/organisation-merge-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { usePeople } from '../records/use-people';

type Data = Record<string, unknown>;

const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const isSame = (a: unknown, b: unknown) => JSON.stringify(a ?? '') === JSON.stringify(b ?? '');

/** The fields whose values differ, each defaulting to the survivor's unless it is blank (as the merge fills blanks). */
function differingFields(survivor: Data, loser: Data): { field: MergeableField; label: string; initial: 'survivor' | 'loser' }[] {
  return mergeableFields
    .filter(({ field }) => !isBlank(loser[field]) && !isSame(survivor[field], loser[field]))
    .map(({ field, label }) => ({ field, label, initial: isBlank(survivor[field]) ? 'loser' : 'survivor' }));
}

/**
 * Merging duplicate organisations: pick the one to keep and the duplicate, choose field by field
 * which details the kept one has, see what moves (and what stops the merge), then merge. Everything
 * is re-linked by the host in one command; the duplicate stays as Merged, pointing to the kept one.
 */
export function MergeOrganisationsDialog({ group, onClose, onMerged }: { group: DuplicateGroup; onClose: () => void; onMerged: (text: string) => void }) {
  const organisations = [...group.organisations].sort((a, b) => b.linkedCount - a.linkedCount);
  const [survivorId, setSurvivorId] = useState(organisations[0]!.id);
  const others = organisations.filter((o) => o.id !== survivorId);
  const [loserChoice, setLoserChoice] = useState('');
  const loserId = others.some((o) => o.id === loserChoice) ? loserChoice : others[0]!.id;
  const survivor = useLiveQuery('records/get', { id: survivorId });
  const loser = useLiveQuery('records/get', { id: loserId });
  const preview = useLiveQuery('crm/organisations/merge-preview', { survivorId, loserId });
  const merge = useCommand('crm/organisations/merge');
  const { nameOf } = usePeople();
  const [choices, setChoices] = useState<MergeChoices>({});
  const nameById = (id: string) => organisations.find((o) => o.id === id)!;

  const shown = (field: MergeableField, v: unknown): string => {
    if (isBlank(v)) return 'Empty';
    if (field === 'addresses' && Array.isArray(v)) return `${v.length} address${v.length === 1 ? '' : 'es'}`;
    if (field === 'ownerId') return nameOf(String(v)) ?? 'Unknown person';
    if (field === 'paymentTermsDays') return `${String(v)} days`;
    return String(v);
  };
  const fields = survivor.data && loser.data ? differingFields(survivor.data.data, loser.data.data) : [];
  const sideOf = (f: (typeof fields)[number]) => choices[f.field] ?? f.initial;
  const blocked = !preview.data || preview.data.problem !== null || preview.data.blockers.length > 0;

  const submit = async () => {
    const chosen = Object.fromEntries(fields.map((f) => [f.field, sideOf(f)])) as MergeChoices;
    const result = await merge.run({ survivorId, loserId, choices: chosen });
    if (result.ok) onMerged(`${nameById(loserId).number} ${nameById(loserId).name} was merged into ${result.value.survivor.number} ${result.value.survivor.title}; ${result.value.moved} linked record${result.value.moved === 1 ? '' : 's'} moved.`);
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="merge-title">
      <DialogTitle id="merge-title">Merge duplicate organisations</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <FormControl>
            <FormLabel id="merge-keep">Keep</FormLabel>
            <RadioGroup aria-labelledby="merge-keep" value={survivorId} onChange={(e) => { setSurvivorId(e.target.value); setChoices({}); }}>
              {organisations.map((o) => <FormControlLabel key={o.id} value={o.id} control={<Radio />} label={`${o.number} ${o.name} (${o.linkedCount} linked)`} />)}
            </RadioGroup>
          </FormControl>
          <TextField select label="Merge into it and retire" value={loserId} onChange={(e) => { setLoserChoice(e.target.value); setChoices({}); }} disabled={others.length === 1}>
            {others.map((o) => <MenuItem key={o.id} value={o.id}>{o.number} {o.name}</MenuItem>)}
          </TextField>
          <Typography variant="subtitle2">Details of the kept organisation</Typography>
          {fields.length === 0 ? (
            <Typography variant="body2" color="text.secondary">{survivor.data && loser.data ? 'The duplicate has no details the kept organisation lacks. Roles are joined.' : 'Reading both organisations…'}</Typography>
          ) : (
            <Table size="small" aria-label="Details to keep">
              <TableHead>
                <TableRow><TableCell>Field</TableCell><TableCell>{nameById(survivorId).number} (kept)</TableCell><TableCell>{nameById(loserId).number} (retired)</TableCell></TableRow>
              </TableHead>
              <TableBody>
                {fields.map((f) => (
                  <TableRow key={f.field}>
                    <TableCell>{f.label}</TableCell>
                    {(['survivor', 'loser'] as const).map((side) => (
                      <TableCell key={side}>
                        <FormControlLabel
                          control={<Radio checked={sideOf(f) === side} onChange={() => setChoices((c) => ({ ...c, [f.field]: side }))} slotProps={{ input: { 'aria-label': `${f.label}: ${side === 'survivor' ? 'keep' : 'take the duplicate’s'}` } }} />}
                          label={shown(f.field, (side === 'survivor' ? survivor.data : loser.data)?.data[f.field])}
                        />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Typography variant="subtitle2">What moves to {nameById(survivorId).name}</Typography>
          {preview.data && preview.data.problem === null && (
            preview.data.moves.length === 0 ? (
              <Typography variant="body2" color="text.secondary">Nothing is linked to the duplicate.</Typography>
            ) : (
              <List dense aria-label="What moves" disablePadding>
                {preview.data.moves.map((m) => <ListItem key={m.kind} disableGutters>{m.label}: {m.count}</ListItem>)}
              </List>
            )
          )}
          {preview.data?.problem && <Alert severity="warning">{preview.data.problem}</Alert>}
          {preview.data && preview.data.blockers.length > 0 && (
            <Alert severity="warning">
              These records cannot move, so the merge cannot be made: {preview.data.blockers.join(' ')} Keep {nameById(loserId).name} instead.
            </Alert>
          )}
          {merge.error && <Alert severity="error">{errorText(merge.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" color="warning" disabled={blocked || merge.isRunning} onClick={() => void submit()}>Merge</Button>
      </DialogActions>
    </Dialog>
  );
}
