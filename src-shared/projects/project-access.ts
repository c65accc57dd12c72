import { isAdmin } from '../people/roles';

/**
 * Who may manage or work on a project and its tasks. Pure and shared: the desktop checks commands
 * with it, the sync server checks pushed documents with it (src-shared/sync/project-rules.ts), so
 * the two never disagree on what a person may change.
 */

/** Who is asking: the signed-in person's id and roles. */
export interface Asker {
  id: string;
  roles: readonly string[];
}

/** The fields of a project the rules read (a stored `projects` document has them all). */
export interface ProjectAccessFields {
  ownerId?: string | undefined;
  createdBy: string;
  teamIds?: readonly string[] | undefined;
}

/** The fields of a task the rules read. */
export interface TaskAccessFields {
  assigneeId?: string | undefined;
  watcherIds?: readonly string[] | undefined;
}

/** The project's manager: its owner (the creator when no owner was set). */
export const ownerIdOf = (project: ProjectAccessFields): string => project.ownerId ?? project.createdBy;

/** The owner and administrators manage a project: its fields, team, plan items and budget. */
export const canManageProject = (project: ProjectAccessFields, asker: Asker): boolean => isAdmin(asker.roles) || ownerIdOf(project) === asker.id;

/** Managers and the team work on the project: they create tasks and change any of them. */
export const isProjectMember = (project: ProjectAccessFields, asker: Asker): boolean =>
  canManageProject(project, asker) || (project.teamIds ?? []).includes(asker.id);

/** A person's inbox: a project tagged `inbox` (made for them when a meeting's action item becomes their task). */
export const INBOX_TAG = 'inbox';

/**
 * Anyone may put a task into a person's inbox, assigned to that person (a meeting's action item);
 * everything else about the inbox is its owner's.
 */
export const isInboxTaskFor = (project: ProjectAccessFields & { tags?: readonly string[] | undefined }, assigneeId: unknown): boolean =>
  (project.tags ?? []).includes(INBOX_TAG) && typeof assigneeId === 'string' && assigneeId === ownerIdOf(project);

/** True when the person is the task's assignee or one of its watchers. */
export const isOnTask = (task: TaskAccessFields, asker: Asker): boolean => task.assigneeId === asker.id || (task.watcherIds ?? []).includes(asker.id);

/** Project team and managers, the assignee and the watchers may change a task. */
export const canEditTask = (task: TaskAccessFields, project: ProjectAccessFields, asker: Asker): boolean => isProjectMember(project, asker) || isOnTask(task, asker);
