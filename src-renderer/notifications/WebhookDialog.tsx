import { Alert, Button, Checkbox, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormGroup, FormHelperText, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { AppError } from '../../src-shared/core/result';
import { eventLabels, notificationEvents, type NotificationEvent } from '../../src-shared/notifications/notification-events';
import type { WebhookView } from '../../src-shared/notifications/notification-views';
import { fieldError, formError } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

export interface WebhookValues {
  name: string;
  url: string;
  events: NotificationEvent[];
}

/** Create or edit a webhook subscription: name, address (http/https) and the events it receives. */
export function WebhookDialog(props: { isOpen: boolean; webhook: WebhookView | null; error: AppError | undefined; isRunning: boolean; onCancel(): void; onSubmit(values: WebhookValues): void }) {
  const { isOpen, webhook, error, isRunning, onCancel, onSubmit } = props;
  const [values, setValues] = useState<WebhookValues>({ name: '', url: '', events: [] });
  useEffect(() => {
    if (isOpen) setValues(webhook ? { name: webhook.name, url: webhook.url, events: webhook.events } : { name: '', url: 'https://', events: ['sla_violation'] });
  }, [isOpen, webhook]);
  const toggle = (event: NotificationEvent, isOn: boolean) =>
    setValues({ ...values, events: isOn ? [...values.events, event] : values.events.filter((e) => e !== event) });
  return (
    <FormDialog open={isOpen} onClose={onCancel} maxWidth="sm" fullWidth>
      <DialogTitle>{webhook ? `Edit ${webhook.name}` : 'Add webhook'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }} component="form" id="webhook-form" onSubmit={(e) => { e.preventDefault(); onSubmit(values); }}>
          <TextField label="Name" value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} error={Boolean(fieldError(error, 'name'))} helperText={fieldError(error, 'name')} />
          <TextField label="Address" value={values.url} onChange={(e) => setValues({ ...values, url: e.target.value })}
            error={Boolean(fieldError(error, 'url'))} helperText={fieldError(error, 'url') ?? 'LabFlow POSTs signed JSON here (http or https).'} />
          <Typography variant="subtitle2">Events</Typography>
          <FormGroup>
            {notificationEvents.map((e) => (
              <FormControlLabel key={e} control={<Checkbox size="small" checked={values.events.includes(e)} onChange={(ev) => toggle(e, ev.target.checked)} />} label={eventLabels[e]} />
            ))}
          </FormGroup>
          {fieldError(error, 'events') && <FormHelperText error>{fieldError(error, 'events')}</FormHelperText>}
          {formError(error, ['name', 'url', 'events']) && <Alert severity="error">{formError(error, ['name', 'url', 'events'])}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" form="webhook-form" variant="contained" disabled={isRunning}>{webhook ? 'Save' : 'Add webhook'}</Button>
      </DialogActions>
    </FormDialog>
  );
}
