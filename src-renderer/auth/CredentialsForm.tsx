import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { AppError } from '../../src-shared/core/result';
import { fieldError, formError } from '../errors/error-text';

export interface CredentialsField {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
}

interface Props {
  title: string;
  intro: ReactNode;
  fields: CredentialsField[];
  submitLabel: string;
  isRunning: boolean;
  error: AppError | undefined;
  onSubmit: (values: Record<string, string>) => void;
  /** Another way out under the main button (the lock screen's "Switch person"). */
  secondary?: ReactNode;
}

/** The centred card used by first-run set-up, sign-in and the lock screen. */
export function CredentialsForm({ title, intro, fields, submitLabel, isRunning, error, onSubmit, secondary }: Props) {
  const [values, setValues] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  const general = formError(error, fields.map((f) => f.name));
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
      <Paper component="form" onSubmit={submit} sx={{ p: 4, width: 420, maxWidth: '100%' }} elevation={3} noValidate aria-label={title}>
        <Stack spacing={2}>
          <Typography variant="h5" component="h1">{title}</Typography>
          <Typography variant="body2" color="text.secondary">{intro}</Typography>
          {fields.map((field, index) => (
            <TextField
              key={field.name}
              label={field.label}
              type={field.type ?? 'text'}
              autoComplete={field.autoComplete}
              autoFocus={index === 0}
              value={values[field.name] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
              error={Boolean(fieldError(error, field.name))}
              helperText={fieldError(error, field.name)}
              fullWidth
            />
          ))}
          {general && <Alert severity="error">{general}</Alert>}
          <Button type="submit" variant="contained" size="large" disabled={isRunning}>
            {isRunning ? 'Please wait…' : submitLabel}
          </Button>
          {secondary}
        </Stack>
      </Paper>
    </Box>
  );
}
