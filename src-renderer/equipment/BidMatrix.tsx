import { Alert, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { MAX_SCORE } from '../../src-shared/equipment/bid-evaluation';
import type { BidMatrixView } from '../../src-shared/equipment/equipment-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { formatMoney } from '../tasks/task-labels';

const cellKey = (bidId: string, criterionId: string) => `${bidId}|${criterionId}`;
const complianceText: Record<string, string> = { full: 'Meets spec', partial: 'Partly', none: 'Does not meet' };

/** The viewer's own scores, 0–10 per bid and criterion, saved as their evaluation record and submitted when done. */
function MyScores({ view }: { view: BidMatrixView }) {
  const status = useLiveQuery('auth/status', {});
  const create = useCommand('records/create');
  const update = useCommand('records/update');
  const transition = useCommand('records/transition');
  const mine = view.mine!;
  const [scores, setScores] = useState<Record<string, string>>({});
  useEffect(() => setScores(Object.fromEntries(mine.scores.map((s) => [cellKey(s.bidId, s.criterionId), String(s.score)]))), [mine.scores]);
  const isOpen = view.rfq.status === 'evaluation' && mine.status !== 'submitted';
  if (!isOpen) return null;
  const list = () => Object.entries(scores).filter(([, v]) => v.trim() !== '').map(([k, v]) => { const [bidId, criterionId] = k.split('|'); return { bidId: bidId!, criterionId: criterionId!, score: Number(v) }; });
  const save = async (): Promise<string | null> => {
    if (mine.id) return (await update.run({ id: mine.id, data: { scores: list() } })).ok ? mine.id : null;
    const result = await create.run({ kind: 'bid_evaluation', data: { rfqId: view.rfq.id, evaluatorId: status.data?.session?.person.id ?? '', scores: list() } });
    return result.ok ? result.value.id : null;
  };
  const problem = create.error ?? update.error ?? transition.error;
  return (
    <Stack spacing={1}>
      <Typography variant="h6" component="h3">Your scores (0–{MAX_SCORE})</Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="Your scores">
          <TableHead><TableRow><TableCell>Bid</TableCell>{view.matrix.criteria.map((c) => <TableCell key={c.id}>{c.name}</TableCell>)}</TableRow></TableHead>
          <TableBody>
            {view.bids.map((b) => (
              <TableRow key={b.id}>
                <TableCell>{b.supplierName}</TableCell>
                {view.matrix.criteria.map((c) => (
                  <TableCell key={c.id}>
                    <TextField size="small" type="number" value={scores[cellKey(b.id, c.id)] ?? ''} onChange={(e) => setScores((s) => ({ ...s, [cellKey(b.id, c.id)]: e.target.value }))}
                      slotProps={{ htmlInput: { min: 0, max: MAX_SCORE, 'aria-label': `${c.name} score for ${b.supplierName}` } }} sx={{ width: 90 }} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" onClick={() => void save()}>Save scores</Button>
        <Button variant="contained" onClick={async () => { const id = await save(); if (id) await transition.run({ id, to: 'submitted' }); }}>Submit scores</Button>
      </Stack>
      {problem && <Alert severity="error">{errorText(problem)}</Alert>}
    </Stack>
  );
}

/** The evaluation matrix: each bid's mean score per weighted criterion, its weighted total and rank. */
export function BidMatrix({ view }: { view: BidMatrixView }) {
  const weights = view.matrix.criteria.reduce((n, c) => n + c.weight, 0);
  const rows = view.matrix.rows;
  return (
    <Stack spacing={2}>
      <Typography variant="h6" component="h3">Bids and evaluation</Typography>
      {view.bids.length === 0 ? <Typography variant="body2" color="text.secondary">No bids recorded yet.</Typography> : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Evaluation matrix">
            <TableHead>
              <TableRow>
                <TableCell>Rank</TableCell><TableCell>Supplier</TableCell><TableCell>Unit price</TableCell><TableCell>Delivery</TableCell><TableCell>Warranty</TableCell><TableCell>Specification</TableCell>
                {view.matrix.criteria.map((c) => <TableCell key={c.id} align="right">{c.name} ({Math.round((c.weight / weights) * 100)} %)</TableCell>)}
                <TableCell align="right">Weighted total</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => {
                const bid = view.bids.find((b) => b.id === r.bidId);
                if (!bid) return null;
                return (
                  <TableRow key={r.bidId} data-testid="matrix-row" selected={r.rank === 1}>
                    <TableCell>{r.rank}</TableCell>
                    <TableCell>{bid.supplierName} {bid.status !== 'received' && <Chip size="small" label={bid.status === 'awarded' ? 'Awarded' : 'Not awarded'} color={bid.status === 'awarded' ? 'success' : 'default'} />}</TableCell>
                    <TableCell>{formatMoney(bid.priceMinor, bid.currency)}</TableCell>
                    <TableCell>{bid.deliveryDays} days</TableCell>
                    <TableCell>{bid.warrantyMonths} months</TableCell>
                    <TableCell>{complianceText[bid.specificationCompliance] ?? bid.specificationCompliance}</TableCell>
                    {view.matrix.criteria.map((c) => <TableCell key={c.id} align="right">{r.means[c.id] === null ? '—' : r.means[c.id]?.toFixed(1)}</TableCell>)}
                    <TableCell align="right" sx={{ fontWeight: 600 }}>{r.weightedTotal.toFixed(2)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="body2">Evaluators:</Typography>
        {view.evaluators.map((e) => <Chip key={e.id} size="small" label={`${e.name}: ${e.status === 'submitted' ? 'submitted' : e.status === 'in_progress' ? 'scoring' : 'not started'}`} color={e.status === 'submitted' ? 'success' : 'default'} />)}
        {!view.matrix.isComplete && view.bids.length > 0 && <Typography variant="caption" color="text.secondary">Some scores are still missing.</Typography>}
      </Stack>
      {view.mine && <MyScores view={view} />}
    </Stack>
  );
}
