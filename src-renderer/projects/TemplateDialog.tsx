import { TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { PlanItemDialog, errorProps } from './PlanItemDialog';
import { DateField } from '../format/DateField';

/** A new project with this one's structure (tasks, subtasks, dependencies, milestones), every date moved to the new start. */
export function TemplateDialog({ template, isOpen, onClose, onCreated }: { template: ProjectDocument; isOpen: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const copy = useCommand('projects/create-from-template');
  const [v, setV] = useState({ code: '', name: '', startDate: '' });
  useEffect(() => {
    if (isOpen) {
      setV({ code: '', name: `${template.name} (copy)`, startDate: template.startDate ?? '' });
      copy.clearError();
    }
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset when opened
  const save = async () => {
    const result = await copy.run({ templateId: template.id, code: v.code, name: v.name, ...(v.startDate ? { startDate: v.startDate } : {}) });
    if (result.ok) onCreated(result.value.id);
  };
  const error = copy.error;
  return (
    <PlanItemDialog title={`New project from ${template.code}`} isOpen={isOpen} isRunning={copy.isRunning} error={error} onCancel={onClose} onSubmit={() => void save()} shownFields={['code', 'name']}>
      <TextField label="Code" value={v.code} onChange={(e) => setV({ ...v, code: e.target.value })} autoFocus {...errorProps(error, 'code', 'A short unique code, e.g. QC-2027')} />
      <TextField label="Name" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} {...errorProps(error, 'name')} />
      <DateField label="Starts on" value={v.startDate} onChange={(day) => setV({ ...v, startDate: day })}
        helperText="Every task and milestone date moves by the same number of days; statuses start over." />
    </PlanItemDialog>
  );
}
