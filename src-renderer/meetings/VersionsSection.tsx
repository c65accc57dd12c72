import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PublishIcon from '@mui/icons-material/Publish';
import {
  Alert, Button, List, ListItem, ListItemText, Paper, Stack, TextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import type { SignoffMeaning } from '../../src-shared/meetings/meeting-model';
import type { MeetingDetail, MinutesVersionView } from '../../src-shared/meetings/meeting-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { ESignatureDialog } from '../signatures/ESignatureDialog';
import { formatDateTime } from '../format/date-time';
import { isSeriesItself } from './meeting-kind';
import { saveBase64File } from './save-base64-file';

/**
 * Published minutes: publish (the first time, or a new version saying what changed), each
 * version's PDF, and sign-offs with an electronic signature.
 */
export function VersionsSection({ meeting }: { meeting: MeetingDetail }) {
  const publish = useCommand('meetings/minutes/publish');
  const pdf = useCommand('meetings/minutes/pdf');
  const [changeNote, setChangeNote] = useState('');
  const [signing, setSigning] = useState<MinutesVersionView | null>(null);
  if (isSeriesItself(meeting)) return null;
  const hasVersions = meeting.versions.length > 0;
  const canPublish = meeting.can.takeMinutes && meeting.status !== 'cancelled' && (!hasVersions || meeting.hasUnpublishedChanges);
  const run = async () => {
    const result = await publish.run({ id: meeting.id, changeNote });
    if (result.ok) setChangeNote('');
  };
  const open = async (version: number) => {
    const result = await pdf.run({ id: meeting.id, version });
    if (result.ok) saveBase64File(result.value.filename, result.value.base64, 'application/pdf');
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Published minutes">
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h3">Published minutes</Typography>
        {!hasVersions && <Typography variant="body2" color="text.secondary">Not published yet. Publishing sends the minutes to every attendee, in LabFlow and by email with the PDF.</Typography>}
        {hasVersions && meeting.hasUnpublishedChanges && (
          // Only those who publish can act on it; attendees learn that a corrected version may follow.
          <Alert severity="info">
            The minutes changed since version {meeting.versions.at(-1)?.version}.{' '}
            {meeting.can.takeMinutes ? 'Publish a new version so the attendees get the corrections.' : 'The organiser or a minute-taker may publish a corrected version.'}
          </Alert>
        )}
        <List dense disablePadding>
          {[...meeting.versions].reverse().map((v) => {
            const mine = v.signoffs.length;
            return (
              <ListItem key={v.version} disableGutters sx={{ display: 'block' }}>
                <ListItemText
                  primary={`Version ${v.version} — ${formatDateTime(v.publishedAt)} by ${v.publishedByName}`}
                  secondary={[v.changeNote ? `What changed: ${v.changeNote}` : '', mine > 0 ? `Signed off by ${v.signoffs.map((s) => `${s.name} (${s.meaning === 'approved' ? 'approved' : 'reviewed'}, ${formatDateTime(s.signedAt)})`).join(', ')}` : 'Not signed off'].filter(Boolean).join(' · ')}
                />
                <Stack direction="row" spacing={1}>
                  <Button size="small" startIcon={<PictureAsPdfIcon />} onClick={() => void open(v.version)}>PDF of version {v.version}</Button>
                  {meeting.can.signOff && <Button size="small" onClick={() => setSigning(v)}>Sign off version {v.version}</Button>}
                </Stack>
              </ListItem>
            );
          })}
        </List>
        {canPublish && (
          <Stack spacing={1}>
            {hasVersions && <TextField size="small" label="What changed (kept with the new version)" value={changeNote} onChange={(e) => setChangeNote(e.target.value)} error={publish.error?.field === 'changeNote'} />}
            <Button variant="contained" startIcon={<PublishIcon />} onClick={() => void run()} disabled={publish.isRunning}>
              {hasVersions ? `Publish version ${(meeting.versions.at(-1)?.version ?? 0) + 1}` : 'Publish the minutes'}
            </Button>
          </Stack>
        )}
        {(publish.error || pdf.error) && <Alert severity="error">{errorText(publish.error ?? pdf.error)}</Alert>}
      </Stack>
      {signing && <SignDialog meeting={meeting} version={signing} onClose={() => setSigning(null)} />}
    </Paper>
  );
}

const signoffChoices = [
  { value: 'approved' as const, label: 'Approved', statement: 'I approve these minutes as a true record of the meeting.' },
  { value: 'reviewed' as const, label: 'Reviewed', statement: 'I have reviewed these minutes.' },
];

/** Signing off one published version of the minutes, with the lab's one electronic signature. */
function SignDialog({ meeting, version, onClose }: { meeting: MeetingDetail; version: MinutesVersionView; onClose: () => void }) {
  const sign = useCommand('meetings/minutes/sign');
  return (
    <ESignatureDialog<SignoffMeaning>
      title={`Sign off version ${version.version} of the minutes`}
      subject={`the minutes of “${meeting.title}”, version ${version.version}`}
      meanings={signoffChoices}
      initialMeaning="approved"
      signLabel="Sign"
      isRunning={sign.isRunning}
      error={sign.error}
      onCancel={onClose}
      onSign={async ({ password, meaning }) => {
        if ((await sign.run({ id: meeting.id, version: version.version, meaning, password })).ok) onClose();
      }}
    />
  );
}
