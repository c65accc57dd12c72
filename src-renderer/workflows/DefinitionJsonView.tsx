import { Alert, Stack, TextField } from '@mui/material';

interface Props {
  text: string;
  jsonError: string | null;
  isReadOnly: boolean;
  onChange: (text: string) => void;
}

/** The definition as JSON in the spec's format; edits here show in the form and the diagram as soon as they parse. */
export function DefinitionJsonView({ text, jsonError, isReadOnly, onChange }: Props) {
  return (
    <Stack spacing={1}>
      {jsonError && <Alert severity="warning" data-testid="json-error">{jsonError}</Alert>}
      <TextField value={text} onChange={(e) => onChange(e.target.value)} multiline minRows={24} maxRows={40} fullWidth
        slotProps={{ htmlInput: { 'aria-label': 'Definition JSON', spellCheck: false, readOnly: isReadOnly, style: { fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace', fontSize: 13, lineHeight: 1.45 } } }} />
    </Stack>
  );
}
