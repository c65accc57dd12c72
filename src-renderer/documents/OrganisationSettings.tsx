import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText, fieldError } from '../errors/error-text';
import { attachmentUrl, useFileKey } from '../files/file-urls';
import { uploadFile } from '../files/upload-file';

const empty = { name: '', address: '', taxId: '', defaultCurrency: 'EUR', email: '', phone: '', bankDetails: '' };

/** Settings → Organisation: the letterhead of every generated document. Administrators change it; everyone sees it. */
export function OrganisationSettings() {
  const organisation = useLiveQuery('organisation/get', {});
  const save = useCommand('organisation/save');
  const key = useFileKey();
  const [form, setForm] = useState(empty);
  const [logo, setLogo] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaved, setIsSaved] = useState(false);
  const profile = organisation.data?.profile ?? null;
  const canEdit = organisation.data?.canEdit === true;
  useEffect(() => {
    if (profile) setForm({ name: profile.name, address: profile.address, taxId: profile.taxId, defaultCurrency: profile.defaultCurrency, email: profile.email, phone: profile.phone, bankDetails: profile.bankDetails ?? '' });
  }, [profile]);

  async function submit() {
    setProblem(null);
    setIsSaved(false);
    let logoUploadId: string | undefined;
    if (logo && key) {
      const sent = await uploadFile(logo, key, () => undefined);
      if (!sent.ok) return setProblem(sent.message);
      logoUploadId = sent.uploadId;
    }
    const result = await save.run({ ...form, ...(logoUploadId ? { logoUploadId, logoMediaType: logo?.type ?? '' } : {}) });
    if (result.ok) {
      setLogo(null);
      setIsSaved(true);
    }
  }

  const field = (name: keyof typeof empty, label: string, extra: object = {}) => (
    <TextField label={label} value={form[name]} disabled={!canEdit} onChange={(e) => setForm({ ...form, [name]: e.target.value })} error={!!fieldError(save.error, `data.${name}`)} helperText={fieldError(save.error, `data.${name}`)} {...extra} />
  );

  return (
    <Paper variant="outlined" sx={{ p: 2, maxWidth: 720 }}>
      <Typography variant="h6" component="h2">Organisation</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        The letterhead of every document LabFlow prints: quotations, invoices, purchase requests, minutes. {canEdit ? '' : 'Only an administrator can change it.'}
      </Typography>
      <Stack spacing={2}>
        {field('name', 'Name', { required: true })}
        {field('address', 'Address', { multiline: true, minRows: 2 })}
        <Stack direction="row" spacing={2}>
          {field('taxId', 'Tax id')}
          {field('defaultCurrency', 'Default currency', { sx: { width: 160 } })}
        </Stack>
        <Stack direction="row" spacing={2}>
          {field('email', 'Email')}
          {field('phone', 'Phone')}
        </Stack>
        {field('bankDetails', 'Bank details (printed on invoices)', { multiline: true, minRows: 2, placeholder: 'Bank, IBAN, BIC' })}
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          {profile?.logoAttachmentId && key && <Box component="img" src={attachmentUrl(profile.logoAttachmentId, key)} alt="Current logo" sx={{ maxHeight: 56, maxWidth: 160, objectFit: 'contain' }} />}
          {canEdit && (
            <Button component="label">
              {logo ? `Logo: ${logo.name}` : profile?.logoAttachmentId ? 'Replace logo' : 'Choose a logo'}
              <input type="file" hidden accept="image/png,image/jpeg,image/gif,image/webp" data-testid="logo-input" onChange={(e) => setLogo(e.target.files?.[0] ?? null)} />
            </Button>
          )}
        </Stack>
        {(problem || (save.error && !save.error.field?.startsWith('data.'))) && <Alert severity="error">{problem ?? errorText(save.error)}</Alert>}
        {isSaved && <Alert severity="success">Saved. New documents carry this letterhead.</Alert>}
        {canEdit && <Box><Button variant="contained" disabled={save.isRunning} onClick={() => void submit()}>Save</Button></Box>}
      </Stack>
    </Paper>
  );
}
