import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import { Alert, Button, LinearProgress, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatDay } from '../../src-shared/format/display-format';
import type { OnboardingRow } from '../../src-shared/hr/onboarding-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useSignedInPerson } from '../records/use-people';
import { OnboardingTemplates } from './OnboardingTemplates';

/**
 * The Onboarding tab: each new hire's progress (their onboarding tasks, done of all), the employees
 * in onboarding whose tasks were not made yet (HR starts them here), and the checklist templates.
 */
export function OnboardingTab() {
  const view = useLiveQuery('hr/onboarding', {});
  const start = useCommand('hr/onboarding/start');
  const isHr = useSignedInPerson()?.roles.includes('hr') ?? false;
  const data = view.data;
  return (
    <Stack spacing={3}>
      {view.error && <Alert severity="error">{errorText(view.error)}</Alert>}
      <Stack spacing={1.5} component="section" aria-label="New hires">
        <Typography variant="h6" component="h3">New hires</Typography>
        {data && data.newHires.length === 0 && data.notStarted.length === 0 && <Typography color="text.secondary">Nobody is onboarding now.</Typography>}
        {start.error && <Alert severity="error" onClose={start.clearError}>{errorText(start.error)}</Alert>}
        {data?.notStarted.map((e) => (
          <Alert key={e.employeeId} severity="info" action={isHr ? <Button color="inherit" disabled={start.isRunning} onClick={() => void start.run({ employeeId: e.employeeId })}>Start onboarding</Button> : undefined}>
            {e.personName} starts on {formatDay(e.startDate)}; their onboarding tasks have not been made yet.
          </Alert>
        ))}
        {data?.newHires.map((row) => <NewHire key={row.employeeId} row={row} />)}
      </Stack>
      <Stack spacing={1.5} component="section" aria-label="Onboarding checklists">
        <Typography variant="h6" component="h3">Checklists</Typography>
        {data && <OnboardingTemplates templates={data.templates} canEdit={isHr} />}
      </Stack>
    </Stack>
  );
}

function NewHire({ row }: { row: OnboardingRow }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="onboarding-new-hire">
      <Stack spacing={1}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', justifyContent: 'space-between' }}>
          <Typography variant="subtitle1" component="h4">{row.personName} · {row.jobTitle}</Typography>
          <Typography variant="body2" color="text.secondary">Starts {formatDay(row.startDate)} · {row.done} of {row.total} done</Typography>
        </Stack>
        <LinearProgress variant="determinate" value={row.total ? (row.done / row.total) * 100 : 0} aria-label={`Onboarding of ${row.personName}`} />
        <Table size="small" aria-label={`Onboarding tasks of ${row.personName}`}>
          <TableHead><TableRow><TableCell /><TableCell>Task</TableCell><TableCell>Who</TableCell><TableCell>Due</TableCell></TableRow></TableHead>
          <TableBody>
            {row.tasks.map((t) => (
              <TableRow key={t.id}>
                <TableCell padding="checkbox">{t.isDone ? <CheckCircleIcon color="success" fontSize="small" titleAccess="Done" /> : <RadioButtonUncheckedIcon fontSize="small" titleAccess="Open" />}</TableCell>
                <TableCell>{t.title}</TableCell>
                <TableCell>{t.assigneeName}</TableCell>
                <TableCell>{t.dueDate ? formatDay(t.dueDate) : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Stack>
    </Paper>
  );
}
