import { Paper, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { showValue } from './variable-rows';

/** The instance's variables as they stand now (the timeline shows how they changed). */
export function VariablesTable({ variables }: { variables: Record<string, unknown> }) {
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
                <TableCell sx={{ fontFamily: 'monospace', color: 'text.secondary', width: '45%' }}>{key}</TableCell>
                <TableCell>{showValue(value)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
