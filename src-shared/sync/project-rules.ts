import { checkAllocation } from '../equipment/allocation-gate';
import { lookupFromRelated } from '../records/record-invariants';
import { canEditTask, canManageProject, isInboxTaskFor, isOnTask, isProjectMember, type ProjectAccessFields } from '../projects/project-access';
import type { RelatedDocuments } from './related-documents';
import type { SyncPerson } from './sync-person';
import { allow, changedFields, changesOnly, dataOf, deny, type Decision, type WriteRule } from './write-rule';

/**
 * Who may write projects, tasks and plan items by sync: the desktop's command rules
 * (src-main/projects, src-main/tasks) applied to documents, with the predicates of
 * src-shared/projects/project-access.ts. Updates and deletes are judged on the server's version,
 * so nobody gains a right by the change they push (naming themselves owner, assignee …).
 *
 * A project the server does not have (yet: collections replicate independently) cannot be
 * checked against; writes about it are allowed, the project itself is judged when it arrives.
 */
type Doc = Record<string, unknown>;

const projectOf = (related: RelatedDocuments, projectId: unknown): (Doc & ProjectAccessFields) | null =>
  typeof projectId === 'string' ? (related.get('projects', projectId) as (Doc & ProjectAccessFields) | null) : null;

const codeOf = (project: Doc): string => String(project.code ?? project.id ?? 'this project');

const notManager = (project: Doc) => deny(`Only the owner of ${codeOf(project)} or an administrator can change the project or its plan.`);

/** Anyone signed in creates a project (and owns it); its owner and administrators change or remove it. */
export const projectsRule: WriteRule = (person, action, _doc, previous) => {
  if (action === 'create' || !previous) return allow;
  return canManageProject(previous as Doc & ProjectAccessFields, person) ? allow : notManager(previous);
};

/** Fields other tasks get when one task moves, is rescheduled or removed (re-ranked column, shifted successors, dropped dependency). */
const RIPPLE_FIELDS = ['kanbanRank', 'startDate', 'dueDate', 'dependsOn'];
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const isSubset = (smaller: unknown, larger: unknown) => list(smaller).every((id) => list(larger).includes(id));

/** `tasks/watch`: anyone may start or stop following a task, changing nothing else. */
function isOwnWatchChange(person: SyncPerson, previous: Doc, doc: Doc, changed: string[]): boolean {
  if (!changesOnly(changed, ['watcherIds'])) return false;
  const before = new Set(list(previous.watcherIds));
  const after = new Set(list(doc.watcherIds));
  const difference = [...before, ...after].filter((id) => before.has(id) !== after.has(id));
  return difference.every((id) => id === person.id);
}

/**
 * Tasks (tasks/*): the project team and managers, the assignee and the watchers create and change
 * them; a subtask may also be added by the parent's assignee or watchers. Anyone following tasks
 * of the project may carry the knock-on changes of their own edits to other tasks.
 */
export const tasksRule: WriteRule = (person, action, doc, previous, related) => {
  const project = projectOf(related, (previous ?? doc).projectId);
  if (action === 'create' || !previous) {
    if (!project) return allow;
    const parent = typeof doc.parentId === 'string' ? related.get('tasks', doc.parentId) : null;
    const isAllowed = isProjectMember(project, person) || (parent !== null && isOnTask(parent, person)) || (!parent && isInboxTaskFor(project, doc.assigneeId));
    return isAllowed ? allow : deny(`Only the ${codeOf(project)} team can add tasks to it.`);
  }
  if (action === 'update' && doc.projectId !== previous.projectId) {
    const target = projectOf(related, doc.projectId);
    if (target && !isProjectMember(target, person)) return deny(`Only the ${codeOf(target)} team can move tasks into it.`);
  }
  if (!project || canEditTask(previous, project, person)) return allow;
  const refusal = deny(`Only the assignee, watchers and the ${codeOf(project)} team can change “${String(previous.title ?? previous.id)}”.`);
  if (action === 'delete') return refusal;
  const changed = changedFields(previous, doc);
  if (isOwnWatchChange(person, previous, doc, changed)) return allow;
  const isRipple = changesOnly(changed, RIPPLE_FIELDS) && isSubset(doc.dependsOn, previous.dependsOn);
  return isRipple && related.worksOnProject(String(previous.projectId)) ? allow : refusal;
};

/** A milestone update that only ticks or unticks completion criteria (milestones/set-criterion). */
function onlyTicksCriteria(previous: Doc, doc: Doc): boolean {
  const before = dataOf(previous).completionCriteria;
  const after = dataOf(doc).completionCriteria;
  if (!Array.isArray(before) || !Array.isArray(after) || before.length !== after.length) return false;
  return before.every((c: Doc, i) => {
    const next = after[i] as Doc;
    return changesOnly(changedFields(c, next ?? {}), ['isMet']);
  });
}

/**
 * Plan items (milestones, deliverables, risks, resource allocations, budget lines): the project's
 * owner and administrators create, change and remove them. The team ticks milestone criteria, a
 * deliverable's owner sets its status, and removing a task unlinks it from its milestones.
 */
export const planItemsRule: WriteRule = (person, action, doc, previous, related) => {
  const decision = planItemAccess(person, action, doc, previous, related);
  if (!decision.isAllowed || action === 'delete') return decision;
  // An instrument is allocated only when it is fit for use, judged with the server's own documents and clock.
  const unfit = checkAllocation(doc, previous, lookupFromRelated(related), related.now?.() ?? String(doc.updatedAt ?? ''));
  return unfit ? deny(unfit) : decision;
};

const planItemAccess: WriteRule = (person, action, doc, previous, related) => {
  const project = projectOf(related, (previous ?? doc).projectId);
  if (!project) return allow;
  if (canManageProject(project, person)) {
    const target = action === 'update' && previous && doc.projectId !== previous.projectId ? projectOf(related, doc.projectId) : null;
    return target && !canManageProject(target, person) ? notManager(target) : allow;
  }
  if (action !== 'update' || !previous || !changesOnly(changedFields(previous, doc), ['data'])) return notManager(project);
  const dataChanged = changedFields(dataOf(previous), dataOf(doc));
  const isAllowed = ((): boolean => {
    if (previous.kind === 'deliverable') return changesOnly(dataChanged, ['status']) && dataOf(previous).ownerId === person.id;
    if (previous.kind !== 'milestone') return false;
    if (changesOnly(dataChanged, ['completionCriteria'])) return isProjectMember(project, person) && onlyTicksCriteria(previous, doc);
    if (changesOnly(dataChanged, ['linkedTaskIds'])) return isSubset(dataOf(doc).linkedTaskIds, dataOf(previous).linkedTaskIds) && related.worksOnProject(String(previous.projectId));
    return false;
  })();
  return isAllowed ? allow : notManager(project);
};

/**
 * Comments and time entries on a task are written by those who may change the task
 * (comments/add, time/log, time/start-timer). Null when the document is about no known task.
 */
export function taskActivityDecision(person: SyncPerson, doc: Doc, related: RelatedDocuments): Decision | null {
  if (doc.subjectType !== 'task' || typeof doc.subjectId !== 'string') return null;
  const task = related.get('tasks', doc.subjectId);
  const project = task ? projectOf(related, task.projectId) : null;
  if (!task || !project) return null;
  return canEditTask(task, project, person) ? allow : deny(`Only the assignee, watchers and the ${codeOf(project)} team can comment on or log time to “${String(task.title ?? task.id)}”.`);
}
