import { describe, expect, it } from 'vitest';
import { evaluateMilestone } from '../../../src-shared/projects/milestone-status';
import { milestoneSchema, type Milestone } from '../../../src-shared/projects/plan-item-model';
import { makeTask } from '../tasks/task-fixtures';

const milestone = (data: Record<string, unknown>): Milestone =>
  milestoneSchema.parse({
    id: 'm-1',
    createdAt: '2025-01-01T08:00:00Z',
    updatedAt: '2025-01-01T08:00:00Z',
    createdBy: 'u-1',
    updatedBy: 'u-1',
    auditId: 'a-1',
    projectId: 'p-1',
    kind: 'milestone',
    title: 'Method validated',
    data: { dueDate: '2025-03-31', ...data },
  });

const tasks = [
  makeTask({ id: 't-1', title: 'Linearity', status: 'done' }),
  makeTask({ id: 't-2', title: 'Precision', status: 'in_progress' }),
  makeTask({ id: 't-3', title: 'Robustness', status: 'cancelled' }),
];

describe('milestone status', () => {
  it('is reached when all criteria are met and all linked tasks are done or cancelled', () => {
    const m = milestone({ completionCriteria: [{ id: 'c-1', text: 'Report signed', isMet: true }], linkedTaskIds: ['t-1', 't-3'] });
    expect(evaluateMilestone(m, tasks, '2025-03-01')).toEqual({ status: 'reached', isReached: true, unmetCriteria: [], openTasks: [] });
  });

  it('names unmet criteria and open tasks', () => {
    const m = milestone({
      completionCriteria: [
        { id: 'c-1', text: 'Report signed', isMet: false },
        { id: 'c-2', text: 'QA review', isMet: true },
      ],
      linkedTaskIds: ['t-1', 't-2'],
    });
    expect(evaluateMilestone(m, tasks, '2025-03-01')).toEqual({
      status: 'pending',
      isReached: false,
      unmetCriteria: ['Report signed'],
      openTasks: [{ id: 't-2', title: 'Precision' }],
    });
  });

  it('is missed only after the due day has passed', () => {
    const m = milestone({ linkedTaskIds: ['t-2'] });
    expect(evaluateMilestone(m, tasks, '2025-03-31').status).toBe('pending');
    expect(evaluateMilestone(m, tasks, '2025-04-01').status).toBe('missed');
  });

  it('keeps a manually set status when there is nothing to check', () => {
    expect(evaluateMilestone(milestone({ status: 'reached' }), tasks, '2025-05-01').status).toBe('reached');
    expect(evaluateMilestone(milestone({}), tasks, '2025-03-01').status).toBe('pending');
  });
});
