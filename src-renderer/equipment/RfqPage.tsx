import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Alert, Box, Button, Chip, IconButton, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import type { RfqData } from '../../src-shared/equipment/rfq-kind';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useNavigation } from '../shell/navigation';
import { formatDay } from '../tasks/task-labels';
import { AwardDialog } from './AwardDialog';
import { BidDialog } from './BidDialog';
import { BidMatrix } from './BidMatrix';
import { StatusChip } from './StatusChip';
import { TransitionButtons } from './TransitionButtons';
import { useDocumentDownload } from './use-download';

/** One RFQ (`#/equipment/rfq/<id>`): send it, record the bids, score them, see the weighted matrix, award. */
export function RfqPage({ rfqId }: { rfqId: string }) {
  const { go } = useNavigation();
  const view = useLiveQuery('equipment/bid-matrix', { rfqId });
  const suppliers = useLiveQuery('records/register', { kind: 'supplier', limit: 500 });
  const send = useCommand('equipment/rfq/send');
  const pdf = useDocumentDownload();
  const [dialog, setDialog] = useState<'bid' | 'award' | null>(null);
  const [note, setNote] = useState<string | null>(null);
  if (view.error) return <Alert severity="error" action={<Button onClick={() => go('equipment', ['procurement'])}>Back to procurement</Button>}>{errorText(view.error)}</Alert>;
  const v = view.data;
  if (!v) return <LinearProgress aria-label="Loading the RFQ" />;
  const data = v.rfq.data as RfqData;
  const names = new Map((suppliers.data?.rows ?? []).map((s) => [s.id, s.title]));
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Tooltip title="Procurement"><IconButton aria-label="Back to procurement" onClick={() => go('equipment', ['procurement'])}><ArrowBackIcon /></IconButton></Tooltip>
        <Chip label={v.rfq.number} variant="outlined" sx={{ fontFamily: 'monospace', fontWeight: 600 }} />
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h5" component="h2">{data.subject} × {data.quantity}</Typography>
          <Typography variant="caption" color="text.secondary">Bids due {formatDay(data.responseDue)} · to {data.supplierIds.map((s) => names.get(s) ?? '…').join(', ')}</Typography>
        </Box>
        <StatusChip kind="rfq" status={v.rfq.status} size="medium" />
      </Stack>
      {note && <Alert severity="success" onClose={() => setNote(null)}>{note}</Alert>}
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }} useFlexGap>
        {v.rfq.status === 'draft' && <Button variant="contained" disabled={send.isRunning} onClick={async () => {
          const result = await send.run({ id: v.rfq.id });
          if (result.ok) setNote(`Sent by email to ${result.value.emailed} supplier${result.value.emailed === 1 ? '' : 's'}${result.value.withoutEmail.length ? `; ${result.value.withoutEmail.join(', ')} ha${result.value.withoutEmail.length === 1 ? 's' : 've'} no email address: send them the PDF by hand` : ''}.`);
        }}>Send to suppliers</Button>}
        {['sent', 'evaluation'].includes(v.rfq.status) && <Button variant="outlined" onClick={() => setDialog('bid')}>Record a bid</Button>}
        {v.canAward && <Button variant="contained" onClick={() => setDialog('award')}>Award</Button>}
        <Button startIcon={<PictureAsPdfIcon />} disabled={pdf.isRunning} onClick={() => pdf.download('rfq', v.rfq.id)}>RFQ PDF</Button>
        <TransitionButtons record={v.rfq} hidden={['sent', 'awarded']} />
      </Stack>
      {(send.error ?? pdf.error) && <Alert severity="error">{errorText(send.error ?? pdf.error)}</Alert>}
      {v.rfq.status === 'awarded' && <Alert severity="info">Awarded to {v.bids.find((b) => b.id === data.awardedBidId)?.supplierName}.{data.awardJustification ? ` Justification: ${data.awardJustification}` : ''}</Alert>}
      <BidMatrix view={v} />
      {dialog === 'bid' && <BidDialog rfqId={v.rfq.id} currency={data.currency} suppliers={data.supplierIds.map((id) => ({ id, name: names.get(id) ?? id }))} onClose={() => setDialog(null)} />}
      {dialog === 'award' && <AwardDialog view={v} onClose={(text) => { setDialog(null); if (text) setNote(text); }} />}
    </Stack>
  );
}
