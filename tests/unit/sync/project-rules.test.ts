import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { can, type SyncAction } from '../../../src-shared/sync/permissions';
import { relatedNeeds, type RelatedDocuments } from '../../../src-shared/sync/related-documents';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';

/**
 * The desktop's project, task and plan-item rules (src-main/projects, src-main/tasks) applied to
 * pushed documents: a table of who may do what, judged on the server's version and the related
 * documents it holds.
 */
type Doc = Record<string, unknown>;
const person = (id: string, roles: string[] = ['member']): SyncPerson => ({ id, email: `${id}@lab.org`, name: id, roles, isActive: true });
const ada = person('ada', ['admin']);
const olga = person('olga'); // owns QC
const tim = person('tim'); // on the QC team
const asa = person('asa'); // assignee of T1, not on the team
const wes = person('wes'); // watches T1
const nora = person('nora'); // nobody to QC

const base = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', createdBy: 'olga', updatedBy: 'olga', auditId: '' };
const project: Doc = { ...base, id: 'QC', code: 'QC', name: 'Quality', ownerId: 'olga', teamIds: ['tim'] };
const task: Doc = { ...base, id: 'T1', projectId: 'QC', title: 'Calibrate', status: 'todo', assigneeId: 'asa', watcherIds: ['wes'], dependsOn: ['T0'], kanbanRank: 'm' };
const other: Doc = { ...base, id: 'T2', projectId: 'QC', title: 'Report', status: 'todo', watcherIds: [], dependsOn: ['T1'], kanbanRank: 'n' };
const milestone: Doc = { ...base, id: 'M1', kind: 'milestone', projectId: 'QC', title: 'Ready', data: { dueDate: '2026-02-01', completionCriteria: [{ id: 'c1', text: 'Signed', isMet: false }], linkedTaskIds: ['T1', 'T2'] } };
const deliverable: Doc = { ...base, id: 'D1', kind: 'deliverable', projectId: 'QC', title: 'SOP', data: { ownerId: 'asa', status: 'planned' } };

/** The server's view: QC and its tasks; asa and wes follow tasks of QC. */
const related = (docs: Doc[] = [project, task, other], followers = ['asa', 'wes']) =>
  (who: SyncPerson): RelatedDocuments => ({
    get: (collection, id) => docs.find((d) => d.id === id && (collection === 'projects' ? 'code' in d : collection === 'tasks' ? 'kanbanRank' in d : true)) ?? null,
    worksOnProject: (projectId) => projectId === 'QC' && followers.includes(who.id),
  });

const decide = (who: SyncPerson, action: Exclude<SyncAction, 'read'>, collection: string, doc: Doc, previous: Doc | null, view = related()) =>
  can(who, action, { collection, doc, previous, related: view(who) }).isAllowed;

describe('projects', () => {
  it.each([
    ['anyone creates a project', nora, 'create', null, true],
    ['the owner renames it', olga, 'update', project, true],
    ['an administrator renames it', ada, 'update', project, true],
    ['a team member renames it', tim, 'update', project, false],
    ['a stranger archives it', nora, 'update', project, false],
    ['a stranger removes it', nora, 'delete', project, false],
  ] as const)('%s', (_label, who, action, previous, expected) => {
    expect(decide(who, action, 'projects', { ...project, name: 'Renamed' }, previous)).toBe(expected);
  });

  it('judges a takeover on the server’s version: naming oneself owner does not make one the owner', () => {
    expect(decide(nora, 'update', 'projects', { ...project, ownerId: 'nora' }, project)).toBe(false);
  });
});

describe('tasks', () => {
  const edit = { ...task, title: 'Calibrate twice' };
  it.each([
    ['a team member edits a task', tim, true],
    ['the owner edits a task', olga, true],
    ['the assignee edits it', asa, true],
    ['a watcher edits it', wes, true],
    ['a non-member edits it', nora, false],
  ] as const)('%s', (_label, who, expected) => {
    expect(decide(who, 'update', 'tasks', edit, task)).toBe(expected);
  });

  it.each([
    ['a team member adds a task', tim, {}, true],
    ['a non-member adds a task', nora, {}, false],
    ['the parent’s assignee adds a subtask', asa, { parentId: 'T1' }, true],
    ['a non-member adds a subtask to someone else’s task', nora, { parentId: 'T2' }, false],
  ] as const)('%s', (_label, who, extra, expected) => {
    expect(decide(who, 'create', 'tasks', { ...task, id: 'T9', ...extra }, null)).toBe(expected);
  });

  it('lets anyone follow or unfollow a task, but only themselves', () => {
    expect(decide(nora, 'update', 'tasks', { ...other, watcherIds: ['nora'] }, other)).toBe(true);
    expect(decide(nora, 'update', 'tasks', { ...other, watcherIds: ['nora', 'tim'] }, other)).toBe(false);
    expect(decide(wes, 'update', 'tasks', { ...task, watcherIds: [] }, task)).toBe(true);
  });

  it('lets the assignee of one task carry the knock-on changes to the project’s other tasks, and nothing more', () => {
    expect(decide(asa, 'update', 'tasks', { ...other, startDate: '2026-02-02', dueDate: '2026-02-03', kanbanRank: 'p' }, other)).toBe(true);
    expect(decide(asa, 'update', 'tasks', { ...other, dependsOn: [] }, other)).toBe(true);
    expect(decide(asa, 'update', 'tasks', { ...other, dependsOn: ['T1', 'T5'] }, other)).toBe(false);
    expect(decide(asa, 'update', 'tasks', { ...other, title: 'Mine now' }, other)).toBe(false);
    expect(decide(nora, 'update', 'tasks', { ...other, kanbanRank: 'p' }, other)).toBe(false);
  });

  it('removes a task only for those who may change it', () => {
    expect(decide(asa, 'delete', 'tasks', { ...task, _deleted: true }, task)).toBe(true);
    expect(decide(nora, 'delete', 'tasks', { ...task, _deleted: true }, task)).toBe(false);
    expect(decide(asa, 'delete', 'tasks', { ...other, _deleted: true }, other)).toBe(false);
  });

  it('never moves a task into a project the person is not on', () => {
    const elsewhere: Doc = { ...base, id: 'HR', code: 'HR', name: 'Hiring', ownerId: 'ada', teamIds: [] };
    expect(decide(tim, 'update', 'tasks', { ...task, projectId: 'HR' }, task, related([project, elsewhere, task, other]))).toBe(false);
  });

  it('allows writes about a project the server does not have yet (it is judged when it arrives)', () => {
    expect(decide(nora, 'create', 'tasks', { ...task, id: 'T9', projectId: 'NEW' }, null)).toBe(true);
  });

  it('refuses every edit of a stranger, whatever fields change (property)', () => {
    const fields = fc.record({ title: fc.string({ minLength: 1 }), status: fc.constantFrom('todo', 'done', 'blocked'), assigneeId: fc.constantFrom('nora', 'asa'), progress: fc.integer({ min: 0, max: 100 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fields, (changes) => {
        const doc = { ...task, ...changes };
        const isNoChange = Object.entries(changes).every(([k, v]) => task[k] === v);
        return isNoChange || !decide(nora, 'update', 'tasks', doc, task);
      }),
    );
  });
});

describe('plan items', () => {
  it.each([
    ['the owner adds a risk', olga, 'create', { ...milestone, id: 'R1', kind: 'risk', data: {} }, null, true],
    ['a team member adds a risk', tim, 'create', { ...milestone, id: 'R1', kind: 'risk', data: {} }, null, false],
    ['a team member ticks a criterion', tim, 'update', { ...milestone, data: { ...(milestone.data as Doc), completionCriteria: [{ id: 'c1', text: 'Signed', isMet: true }] } }, milestone, true],
    ['a team member rewrites a criterion', tim, 'update', { ...milestone, data: { ...(milestone.data as Doc), completionCriteria: [{ id: 'c1', text: 'Nothing', isMet: true }] } }, milestone, false],
    ['a stranger ticks a criterion', nora, 'update', { ...milestone, data: { ...(milestone.data as Doc), completionCriteria: [{ id: 'c1', text: 'Signed', isMet: true }] } }, milestone, false],
    ['a task’s assignee unlinks a removed task', asa, 'update', { ...milestone, data: { ...(milestone.data as Doc), linkedTaskIds: ['T2'] } }, milestone, true],
    ['a team member moves the milestone', tim, 'update', { ...milestone, data: { ...(milestone.data as Doc), dueDate: '2026-03-01' } }, milestone, false],
    ['the deliverable’s owner sets its status', asa, 'update', { ...deliverable, data: { ownerId: 'asa', status: 'submitted' } }, deliverable, true],
    ['the deliverable’s owner hands it on', asa, 'update', { ...deliverable, data: { ownerId: 'tim', status: 'planned' } }, deliverable, false],
    ['a team member removes a budget line', tim, 'delete', { ...milestone, kind: 'budget_line', _deleted: true }, { ...milestone, kind: 'budget_line' }, false],
    ['an administrator removes a budget line', ada, 'delete', { ...milestone, kind: 'budget_line', _deleted: true }, { ...milestone, kind: 'budget_line' }, true],
  ] as const)('%s', (_label, who, action, doc, previous, expected) => {
    expect(decide(who, action, 'plan_items', doc, previous)).toBe(expected);
  });
});

describe('comments and time entries on tasks', () => {
  const comment = { ...base, id: 'C1', kind: 'comment', subjectType: 'task', subjectId: 'T1', projectId: 'QC', at: base.createdAt, data: { body: 'hi' } };
  it('are added by those who may change the task', () => {
    expect(decide(wes, 'create', 'activity', { ...comment, createdBy: 'wes', personId: 'wes' }, null)).toBe(true);
    expect(decide(nora, 'create', 'activity', { ...comment, createdBy: 'nora', personId: 'nora' }, null)).toBe(false);
    expect(decide(nora, 'create', 'activity', { ...comment, kind: 'time_entry', createdBy: 'nora', personId: 'nora' }, null)).toBe(false);
  });

  it('are edited by their author only, administrators included', () => {
    const own = { ...comment, createdBy: 'wes', personId: 'wes' };
    expect(decide(wes, 'update', 'activity', { ...own, data: { body: 'edited' } }, own)).toBe(true);
    expect(decide(ada, 'update', 'activity', { ...own, data: { body: 'edited' } }, own)).toBe(false);
  });

  it('name the task, then the task’s project, as the related documents to load', () => {
    const nothing: RelatedDocuments = { get: () => null, worksOnProject: () => false };
    expect(relatedNeeds('activity', comment, null, nothing).docs).toEqual([{ collection: 'tasks', id: 'T1' }]);
    expect(relatedNeeds('activity', comment, null, related()(nora)).docs).toEqual([{ collection: 'tasks', id: 'T1' }, { collection: 'projects', id: 'QC' }]);
  });
});
