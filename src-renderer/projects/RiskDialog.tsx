import { Autocomplete, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Risk } from '../../src-shared/projects/plan-item-model';
import { riskCategorySchema, riskStatusSchema } from '../../src-shared/projects/plan-item-model';
import { RISK_RATINGS, riskLevel, type RiskRating } from '../../src-shared/projects/risk-matrix';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { label } from './project-labels';
import { ratingLabel } from './RiskHeatmap';
import { PlanItemDialog, errorProps } from './PlanItemDialog';
import { DateField } from '../format/DateField';

type Values = { title: string; description: string; category: Risk['data']['category']; probability: RiskRating; impact: RiskRating; status: Risk['data']['status']; ownerId: string; mitigation: string; contingency: string; reviewDate: string };

const fromRisk = (r: Risk | null): Values => ({
  title: r?.title ?? '', description: r?.data.description ?? '', category: r?.data.category ?? 'other', probability: r?.data.probability ?? 'medium', impact: r?.data.impact ?? 'medium',
  status: r?.data.status ?? 'open', ownerId: r?.data.ownerId ?? '', mitigation: r?.data.mitigation ?? '', contingency: r?.data.contingency ?? '', reviewDate: r?.data.reviewDate ?? '',
});

/** Adds or edits a risk of the register: owner, mitigation, contingency, status and next review. */
export function RiskDialog({ projectId, risk, isOpen, onClose }: { projectId: string; risk: Risk | null; isOpen: boolean; onClose: () => void }) {
  const create = useCommand('plan-items/create');
  const update = useCommand('plan-items/update');
  const people = useLiveQuery('people/list', { includeInactive: false });
  const [v, setV] = useState(fromRisk(risk));
  useEffect(() => {
    if (isOpen) {
      setV(fromRisk(risk));
      create.clearError();
      update.clearError();
    }
  }, [isOpen, risk]); // eslint-disable-line react-hooks/exhaustive-deps -- reset when opened
  const set = (field: keyof Values) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [field]: e.target.value }));
  const setDay = (field: keyof Values) => (day: string) => setV((x) => ({ ...x, [field]: day }));
  const error = risk ? update.error : create.error;
  const save = async () => {
    const data = {
      description: v.description, category: v.category, probability: v.probability, impact: v.impact, status: v.status, mitigation: v.mitigation, contingency: v.contingency,
      ...(v.ownerId ? { ownerId: v.ownerId } : {}), ...(v.reviewDate ? { reviewDate: v.reviewDate } : {}),
    };
    const result = risk ? await update.run({ kind: 'risk', id: risk.id, title: v.title, data }) : await create.run({ kind: 'risk', projectId, title: v.title, data });
    if (result.ok) onClose();
  };
  const list = people.data ?? [];
  return (
    <PlanItemDialog title={risk ? 'Edit risk' : 'New risk'} isOpen={isOpen} isRunning={create.isRunning || update.isRunning} error={error} onCancel={onClose} onSubmit={() => void save()} shownFields={['title', 'data.reviewDate']}>
      <TextField label="Risk" value={v.title} onChange={set('title')} autoFocus {...errorProps(error, 'title')} />
      <TextField label="Description" value={v.description} onChange={set('description')} multiline minRows={2} />
      <Stack direction="row" spacing={2}>
        <TextField select label="Probability" value={v.probability} onChange={set('probability')} fullWidth>
          {RISK_RATINGS.map((r) => <MenuItem key={r} value={r}>{ratingLabel[r]}</MenuItem>)}
        </TextField>
        <TextField select label="Impact" value={v.impact} onChange={set('impact')} fullWidth>
          {RISK_RATINGS.map((r) => <MenuItem key={r} value={r}>{ratingLabel[r]}</MenuItem>)}
        </TextField>
        <TextField label="Level" value={ratingLabel[riskLevel(v.probability, v.impact)]} fullWidth disabled helperText="From the risk matrix" />
      </Stack>
      <Stack direction="row" spacing={2}>
        <TextField select label="Category" value={v.category} onChange={set('category')} fullWidth>
          {riskCategorySchema.options.map((c) => <MenuItem key={c} value={c}>{label(c)}</MenuItem>)}
        </TextField>
        <TextField select label="Status" value={v.status} onChange={set('status')} fullWidth>
          {riskStatusSchema.options.map((s) => <MenuItem key={s} value={s}>{label(s)}</MenuItem>)}
        </TextField>
      </Stack>
      <Stack direction="row" spacing={2}>
        <Autocomplete sx={{ flexGrow: 1 }} options={list} value={list.find((p) => p.id === v.ownerId) ?? null} getOptionLabel={(p) => p.name}
          onChange={(_e, p) => setV((x) => ({ ...x, ownerId: p?.id ?? '' }))} renderInput={(params) => <TextField {...params} label="Owner" />} />
        <DateField label="Next review" value={v.reviewDate} onChange={setDay('reviewDate')} {...errorProps(error, 'data.reviewDate')} />
      </Stack>
      <TextField label="Mitigation" value={v.mitigation} onChange={set('mitigation')} multiline minRows={2} helperText="What lowers the probability or impact now" />
      <TextField label="Contingency" value={v.contingency} onChange={set('contingency')} multiline minRows={2} helperText="What we do if it happens" />
    </PlanItemDialog>
  );
}
