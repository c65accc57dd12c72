import { Paper, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { VariableText } from './form-value-text';

/** The instance's variables as they stand now (the timeline shows how they changed). */
export function VariablesTable({ variables, text }: { variables: Record<string, unknown>; text: VariableText }) {
  const entries = Object.entries(variables);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Variables">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>Variables</Typography>
      {entries.length === 0 ? (
        <Typography variant="body2" color="text.secondary">No variables yet. Data given when starting or acting on a step is kept here.</Typography>
      ) : (
        <Table size="small" aria-label="Variables">
          <TableBody>
            {entries.map(([key, value]) => (
              <TableRow key={key}>
                <TableCell sx={{ ...(text.labelOf(key) ? {} : { fontFamily: 'monospace' }), color: 'text.secondary', width: '45%' }}>{text.labelOf(key) ?? key}</TableCell>
                <TableCell>{text.textOf(key, value)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
