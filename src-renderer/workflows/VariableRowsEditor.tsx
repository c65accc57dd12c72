import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { blankRow, type VariableKind, type VariableRow } from './variable-rows';

interface Props {
  rows: VariableRow[];
  onChange: (rows: VariableRow[]) => void;
  /** The row the last check refused, with why. */
  error?: { index: number; message: string } | null;
  title?: string;
}

/** Typed name/value rows: text, number or yes/no. */
export function VariableRowsEditor({ rows, onChange, error, title = 'Variables' }: Props) {
  const set = (index: number, patch: Partial<VariableRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2">{title}</Typography>
      {rows.map((row, index) => {
        const message = error?.index === index ? error.message : undefined;
        return (
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }} data-testid="variable-row">
            <TextField size="small" label="Name" value={row.key} onChange={(e) => set(index, { key: e.target.value })} sx={{ flex: 2 }}
              error={Boolean(message)} helperText={message} slotProps={{ htmlInput: { 'aria-label': `Variable ${index + 1} name` } }} />
            <TextField select size="small" label="Type" value={row.kind} sx={{ width: 120 }}
              onChange={(e) => { const kind = e.target.value as VariableKind; set(index, { kind, value: kind === 'boolean' ? 'true' : row.value }); }}
              slotProps={{ htmlInput: { 'aria-label': `Variable ${index + 1} type` } }}>
              <MenuItem value="text">Text</MenuItem>
              <MenuItem value="number">Number</MenuItem>
              <MenuItem value="boolean">Yes / no</MenuItem>
            </TextField>
            {row.kind === 'boolean' ? (
              <TextField select size="small" label="Value" value={row.value} onChange={(e) => set(index, { value: e.target.value })} sx={{ flex: 2 }}
                slotProps={{ htmlInput: { 'aria-label': `Variable ${index + 1} value` } }}>
                <MenuItem value="true">Yes</MenuItem>
                <MenuItem value="false">No</MenuItem>
              </TextField>
            ) : (
              <TextField size="small" label="Value" value={row.value} onChange={(e) => set(index, { value: e.target.value })} sx={{ flex: 2 }}
                type={row.kind === 'number' ? 'number' : 'text'} slotProps={{ htmlInput: { 'aria-label': `Variable ${index + 1} value` } }} />
            )}
            <IconButton aria-label={`Remove variable ${index + 1}`} onClick={() => onChange(rows.filter((_r, i) => i !== index))}><DeleteIcon fontSize="small" /></IconButton>
          </Stack>
        );
      })}
      <div><Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...rows, blankRow()])}>Add variable</Button></div>
    </Stack>
  );
}
