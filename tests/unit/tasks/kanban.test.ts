import { describe, expect, it } from 'vitest';
import { generateKanbanBoard } from '../../../src-shared/tasks/kanban';
import { makeTask } from './task-fixtures';

const tasks = [
  makeTask({ id: 'buf', title: 'Prepare buffer', status: 'done', kanbanRank: 'i', assigneeId: 'u-ana' }),
  makeTask({ id: 'cal', title: 'Calibrate meter', status: 'in_progress', kanbanRank: 'i', assigneeId: 'u-ben' }),
  makeTask({ id: 'ph', title: 'Measure pH', dependsOn: ['buf', 'cal'], kanbanRank: 'r', assigneeId: 'u-ana' }),
  makeTask({ id: 'lbl', title: 'Print labels', kanbanRank: 'c' }),
  makeTask({
    id: 'rep',
    title: 'Write report',
    dependsOn: ['ph'],
    kanbanRank: 'x',
    assigneeId: 'u-ana',
    checklist: [
      { id: 'c1', text: 'Draft', isDone: true },
      { id: 'c2', text: 'Review', isDone: false },
    ],
  }),
  makeTask({ id: 'far', projectId: 'p-2', title: 'Other project', kanbanRank: 'a' }),
];
const ids = (cards: Array<{ task: { id: string } }>) => cards.map((c) => c.task.id);

describe('Kanban board', () => {
  it('has one column per status in workflow order, cards by rank', () => {
    const board = generateKanbanBoard(tasks, { projectId: 'p-1' });
    expect(board.columns.map((c) => c.status)).toEqual(['backlog', 'todo', 'in_progress', 'blocked', 'in_review', 'done', 'cancelled']);
    expect(ids(board.columns[1]!.cards)).toEqual(['lbl', 'ph', 'rep']);
    expect(ids(board.columns[2]!.cards)).toEqual(['cal']);
    expect(board.swimlanes).toBeNull();
  });

  it('marks blocked cards with the open predecessors and counts the checklist', () => {
    const todo = generateKanbanBoard(tasks, { projectId: 'p-1' }).columns[1]!.cards;
    expect(todo.find((c) => c.task.id === 'ph')).toMatchObject({ isBlocked: true, blockedBy: ['Calibrate meter'] });
    expect(todo.find((c) => c.task.id === 'rep')).toMatchObject({ isBlocked: true, blockedBy: ['Measure pH'], checklistDone: 1, checklistTotal: 2 });
    expect(todo.find((c) => c.task.id === 'lbl')).toMatchObject({ isBlocked: false, blockedBy: [], checklistTotal: 0 });
  });

  it('filters to one assignee but judges WIP limits on the whole column', () => {
    const board = generateKanbanBoard(tasks, { projectId: 'p-1', assigneeId: 'u-ana', wipLimits: { todo: 2, in_progress: 1 } });
    const todo = board.columns[1]!;
    expect(ids(todo.cards)).toEqual(['ph', 'rep']);
    expect(todo).toMatchObject({ wipLimit: 2, wipCount: 3, isOverWipLimit: true });
    expect(board.columns[2]).toMatchObject({ cards: [], wipLimit: 1, wipCount: 1, isOverWipLimit: false });
    expect(board.columns[0]).toMatchObject({ wipLimit: null, isOverWipLimit: false });
    expect(board.assigneeId).toBe('u-ana');
  });

  it('orders cards with the same rank by id, so every PC shows the same order', () => {
    const tied = [makeTask({ id: 'b', kanbanRank: 'i' }), makeTask({ id: 'a', kanbanRank: 'i' })];
    expect(ids(generateKanbanBoard(tied, { projectId: 'p-1' }).columns[1]!.cards)).toEqual(['a', 'b']);
  });

  it('groups cards into swimlanes by assignee, unassigned last', () => {
    const lanes = generateKanbanBoard(tasks, { projectId: 'p-1', swimlanes: true }).swimlanes!;
    expect(lanes.map((l) => l.assigneeId)).toEqual(['u-ana', 'u-ben', null]);
    expect(ids(lanes[0]!.columns.find((c) => c.status === 'todo')!.cards)).toEqual(['ph', 'rep']);
    expect(ids(lanes[2]!.columns.find((c) => c.status === 'todo')!.cards)).toEqual(['lbl']);
    expect(lanes.every((l) => l.columns.length === 7)).toBe(true);
  });
});
