import type { ProjectStatus } from '../../src-shared/projects/project-contract';
import { codeLabel } from '../../src-shared/format/code-label';

export const projectStatusLabel: Record<ProjectStatus, string> = {
  planned: 'Planned', active: 'Active', on_hold: 'On hold', completed: 'Completed', cancelled: 'Cancelled',
};

export const projectStatusColor: Record<ProjectStatus, 'default' | 'primary' | 'warning' | 'success'> = {
  planned: 'default', active: 'primary', on_hold: 'warning', completed: 'success', cancelled: 'default',
};

/** Words for the plan items' enums. */
export const label = (value: string): string => codeLabel(value);
