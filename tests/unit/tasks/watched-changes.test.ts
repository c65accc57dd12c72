import { describe, expect, it } from 'vitest';
import { formatDay } from '../../../src-shared/format/display-format';
import { watchedComment, watchedTaskChanges } from '../../../src-shared/tasks/watched-changes';
import { makeTask } from './task-fixtures';

const names: Record<string, string> = { ann: 'Ann Analyst', bo: 'Bo Buyer' };
const nameOf = (id: string | undefined) => (id ? (names[id] ?? 'a former colleague') : 'nobody');
const before = makeTask({ id: 'T1', title: 'Weigh standards', assigneeId: 'ann', watcherIds: ['wes', 'mia'], dueDate: '2026-04-10', updatedAt: '2026-04-01T08:00:00.000Z' });

describe('what a task change tells its watchers', () => {
  it('tells watchers and the earlier assignee of a reassignment, not the new assignee nor who made it', () => {
    const after = { ...before, assigneeId: 'bo', updatedAt: '2026-04-01T09:00:00.000Z' };
    const [change, ...rest] = watchedTaskChanges(before, after, 'mia', 'Mia Manager', nameOf);
    expect(rest).toEqual([]);
    expect(change?.recipientIds).toEqual(['wes', 'ann']);
    expect(change?.body).toBe('Mia Manager reassigned “Weigh standards” from Ann Analyst to Bo Buyer.');
    expect(watchedTaskChanges(before, { ...after, assigneeId: undefined }, 'mia', 'Mia Manager', nameOf)[0]?.subject).toBe('Weigh standards: now unassigned');
  });

  it('tells watchers and the assignee of a moved or cleared due date, in the app’s date format', () => {
    const moved = watchedTaskChanges(before, { ...before, dueDate: '2026-04-17' }, 'mia', 'Mia Manager', nameOf);
    expect(moved.map((c) => [c.recipientIds, c.body])).toEqual([[['wes', 'ann'], `Mia Manager moved the due date of “Weigh standards” from ${formatDay('2026-04-10')} to ${formatDay('2026-04-17')}.`]]);
    expect(watchedTaskChanges(before, { ...before, dueDate: undefined }, 'mia', 'Mia Manager', nameOf)[0]?.subject).toBe('Weigh standards: due date removed');
  });

  it('says nothing when neither changed or nobody is left to tell, and keys each change so a repeat notifies no one twice', () => {
    expect(watchedTaskChanges(before, { ...before, title: 'Renamed' }, 'mia', 'Mia Manager', nameOf)).toEqual([]);
    const alone = { ...before, watcherIds: [], assigneeId: 'mia' };
    expect(watchedTaskChanges(alone, { ...alone, dueDate: '2026-05-01' }, 'mia', 'Mia Manager', nameOf)).toEqual([]);
    const after = { ...before, dueDate: '2026-04-17' };
    expect(watchedTaskChanges(before, after, 'mia', 'M', nameOf)[0]?.key).toBe(watchedTaskChanges(before, after, 'mia', 'M', nameOf)[0]?.key);
  });

  it('tells watchers and the assignee of a comment, except its author and the people it mentions', () => {
    const long = 'x'.repeat(300);
    const comment = watchedComment(before, 'C1', long, ['wes'], 'mia', 'Mia Manager');
    expect(comment).toMatchObject({ key: 'comment:C1:watched', recipientIds: ['ann'], subject: 'Mia Manager commented on Weigh standards' });
    expect(comment?.body).toHaveLength(278);
    expect(watchedComment({ ...before, watcherIds: ['mia'], assigneeId: undefined }, 'C2', 'hi', [], 'mia', 'Mia Manager')).toBeUndefined();
  });
});
