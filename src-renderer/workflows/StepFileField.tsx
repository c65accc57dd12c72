import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import { formatFileSize } from '../../src-shared/files/attachment-model';
import { formatDateTime } from '../../src-shared/format/display-format';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { AttachmentsPanel } from '../files/AttachmentsPanel';

interface Props {
  label: string;
  /** The chosen attachment's id; '' when none. */
  value: string;
  onChange: (attachmentId: string) => void;
  instanceId: string;
  /** The step the form belongs to: files attached here are filed under it. */
  stepId?: string;
  required?: boolean;
  error?: boolean;
  helperText?: string;
  isDisabled?: boolean;
}

/**
 * A step form's `file` field: one of the files attached to this workflow (at any of its steps),
 * and the workflow's files panel right below to attach a new one without leaving the form. The host
 * takes only a file of this very instance (src-shared/workflows/step-form-check.ts).
 */
export function StepFileField({ label, value, onChange, instanceId, stepId, required, error, helperText, isDisabled }: Props) {
  const files = useLiveQuery('attachments/list', { subjectType: 'workflow_instances', subjectId: instanceId });
  const items = files.data?.items ?? [];
  const isChosenGone = value !== '' && files.data !== undefined && !items.some((f) => f.id === value);
  const problem = files.error ? errorText(files.error) : isChosenGone ? 'That file is no longer attached; choose another.' : undefined;
  return (
    <Stack spacing={1}>
      <TextField select size="small" fullWidth label={label} value={isChosenGone ? '' : value} onChange={(e) => onChange(e.target.value)} disabled={isDisabled}
        error={Boolean(problem) || error} helperText={problem ?? helperText ?? (items.length === 0 ? 'Attach the file below first, then choose it here.' : undefined)}
        slotProps={{ select: { renderValue: (id) => items.find((f) => f.id === id)?.name ?? '' } }}>
        {!required && <MenuItem value=""><em>None</em></MenuItem>}
        {items.map((file) => (
          <MenuItem key={file.id} value={file.id}>
            <Stack>
              <span>{file.name}</span>
              <Typography variant="caption" color="text.secondary">{formatFileSize(file.size)} · {file.addedBy.name} · {formatDateTime(file.addedAt)}</Typography>
            </Stack>
          </MenuItem>
        ))}
      </TextField>
      <AttachmentsPanel subjectType="workflow_instances" subjectId={instanceId} {...(stepId ? { stepId } : {})} />
    </Stack>
  );
}
