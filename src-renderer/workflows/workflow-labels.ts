import type { DefinitionStatus, StepType } from '../../src-shared/workflows/definition-schema';
import type { InstanceStatus, SignatureMeaning } from '../../src-shared/workflows/instance';
import type { SlaState } from '../../src-shared/workflows/sla';

/** Words shown for the engine's codes, kept in one place so every view says the same thing. */

export const stepTypeLabel: Record<StepType, string> = {
  task: 'Task', approval: 'Approval', parallel: 'Parallel split', join: 'Join', notify: 'Notify', timer: 'Timer', decision: 'Decision', end: 'End',
};

export const definitionStatusLabel: Record<DefinitionStatus, string> = { draft: 'Draft', published: 'Published', retired: 'Retired' };

export const instanceStatusLabel: Record<InstanceStatus, string> = {
  running: 'Running', completed: 'Completed', rejected: 'Rejected', cancelled: 'Cancelled', incident: 'Incident',
};

export const instanceStatusColor: Record<InstanceStatus, 'default' | 'primary' | 'success' | 'error' | 'warning'> = {
  running: 'primary', completed: 'success', rejected: 'error', cancelled: 'default', incident: 'warning',
};

export const slaStateLabel: Record<SlaState, string> = { on_track: 'On track', at_risk: 'Due soon', breached: 'Overdue', no_sla: 'No SLA' };

export const slaStateColor: Record<SlaState, 'default' | 'success' | 'warning' | 'error'> = {
  on_track: 'success', at_risk: 'warning', breached: 'error', no_sla: 'default',
};

export const meaningLabel: Record<SignatureMeaning, string> = { reviewed: 'Reviewed', approved: 'Approved', rejected: 'Rejected', responsible: 'Responsible' };

/** What each signature meaning asserts, shown before the person signs. */
export const meaningStatement: Record<SignatureMeaning, string> = {
  reviewed: 'I have reviewed this record and its history.',
  approved: 'I approve this request as it stands.',
  rejected: 'I reject this request; the workflow follows its rejection route.',
  responsible: 'I take responsibility for this step and its outcome.',
};

/** `approve` → `Approve`, `send_back` → `Send back`. */
export const actionLabel = (action: string): string => {
  const words = action.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** `2.5` hours → `2 h 30 min`; days for long spans. */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours) || hours <= 0) return '0 min';
  const minutes = Math.round(hours * 60);
  const days = Math.floor(minutes / (24 * 60));
  const h = Math.floor((minutes % (24 * 60)) / 60);
  const m = minutes % 60;
  const parts = [days ? `${days} d` : '', h ? `${h} h` : '', m && !days ? `${m} min` : ''].filter(Boolean);
  return parts.join(' ') || '0 min';
}

/** What an instance is about, in words: its record ("Leave request LR-2026-0001 · 3 days from …"), else the free entity. */
export function aboutText(item: { entityType: string; entityId: string; record?: { kindLabel: string; number: string; title: string } }): string {
  if (!item.record) return `${item.entityType} ${item.entityId}`;
  const { kindLabel, number, title } = item.record;
  return [kindLabel, number, title && `· ${title}`].filter(Boolean).join(' ');
}
