import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import type { FormEvent, ReactNode } from 'react';
import type { AppError } from '../../src-shared/core/result';
import { errorText } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

/** The frame every plan item editor shares: title, fields, the host's error, Cancel / Save. */
export function PlanItemDialog({ title, isOpen, isRunning, error, onCancel, onSubmit, children, shownFields = [] }: {
  title: string; isOpen: boolean; isRunning: boolean; error: AppError | undefined; onCancel: () => void; onSubmit: () => void; children: ReactNode; shownFields?: string[];
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const general = error && (!error.field || !shownFields.includes(error.field)) ? errorText(error) : undefined;
  return (
    <FormDialog open={isOpen} onClose={onCancel} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label={title}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {children}
            {general && <Alert severity="error">{general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isRunning}>Save</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

/** Props for a TextField showing the host's error when it names `field`. */
export const errorProps = (error: AppError | undefined, field: string, helper?: string) => ({
  error: error?.field === field,
  helperText: error?.field === field ? error.message : helper,
});
