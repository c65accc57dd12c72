import { describe, expect, it } from 'vitest';
import { describeValue, fieldLabel, humanise, listLabels, valueAt } from '../../../src-shared/sync/conflict-fields';

describe('fieldLabel', () => {
  it.each([
    ['tasks', 'title', 'Title'],
    ['tasks', 'dueDate', 'Due date'],
    ['tasks', 'assigneeId', 'Assignee'],
    ['tasks', 'watcherIds', 'Watchers'],
    ['tasks', 'estimateHours', 'Estimate (hours)'],
    ['tasks', 'kanbanRank', 'Board position'],
    ['tasks', '_deleted', 'Removed'],
    ['projects', 'isArchived', 'Archived'],
    ['projects', 'ownerId', 'Owner'],
    ['projects', 'budget.amountMinor', 'Budget › Amount minor'],
    ['projects', 'wipLimits.in_progress', 'WIP limits › In progress'],
    ['records', 'data.serialNumber', 'Serial number'],
    ['workflow_definitions', 'definition.steps', 'Steps'],
    ['workflow_instances', 'state.variables', 'Variables'],
    ['people', 'roles', 'Roles'],
  ])('%s %s → %s', (collection, path, label) => {
    expect(fieldLabel(collection, path)).toBe(label);
  });

  it('keeps a word it cannot split', () => {
    expect(humanise('x')).toBe('X');
    expect(humanise('')).toBe('');
  });
});

describe('listLabels', () => {
  it('joins with commas and "and", and summarises long lists', () => {
    expect(listLabels([])).toBe('');
    expect(listLabels(['Title'])).toBe('Title');
    expect(listLabels(['Title', 'Due date'])).toBe('Title and Due date');
    expect(listLabels(['Title', 'Due date', 'Status'])).toBe('Title, Due date and Status');
    expect(listLabels(['Title', 'Due date', 'Status', 'Priority', 'Progress'])).toBe('Title, Due date and 3 more fields');
    expect(listLabels(['Title', 'Title'])).toBe('Title');
  });
});

describe('describeValue', () => {
  const names = new Map([['P1', 'Ana Lima'], ['P2', 'Ben Okafor']]);
  const nameOf = (id: string) => names.get(id);
  it.each([
    ['title', 'Weigh samples', 'Weigh samples'],
    ['dueDate', null, ''],
    ['dueDate', undefined, ''],
    ['isArchived', true, 'Yes'],
    ['progress', 40, '40'],
    ['assigneeId', 'P1', 'Ana Lima'],
    ['assigneeId', 'P9', 'P9'],
    ['watcherIds', ['P1', 'P2'], 'Ana Lima, Ben Okafor'],
    ['status', 'in_progress', 'In progress'],
    ['title', 'in_progress', 'in_progress'],
    ['tags', ['gmp', 'qc'], 'gmp, qc'],
    ['checklist', [{ id: 'c1', text: 'Tare', isDone: true }, { id: 'c2', text: 'Weigh', isDone: false }], 'Tare; Weigh'],
    ['budget', { amountMinor: 100, currency: 'EUR' }, '{\n  "amountMinor": 100,\n  "currency": "EUR"\n}'],
  ])('%s %j → %j', (path, value, text) => {
    expect(describeValue(path, value, nameOf)).toBe(text);
  });
});

describe('valueAt', () => {
  it('reads dotted paths and is undefined for anything missing', () => {
    expect(valueAt({ budget: { amountMinor: 5 } }, 'budget.amountMinor')).toBe(5);
    expect(valueAt({ budget: null }, 'budget.amountMinor')).toBeUndefined();
    expect(valueAt(null, 'title')).toBeUndefined();
  });
});
