import { fail, type AppError } from '../../src-shared/core/result';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import { canManageProject, type Asker } from '../../src-shared/projects/project-access';
import type { LabDatabase } from '../database/open-database';
import type { CommandContext, QueryContext } from '../host/handler-types';

// The rules themselves are shared with the sync server, which checks pushed documents with them.
export { canManageProject, isProjectMember, ownerIdOf, type Asker } from '../../src-shared/projects/project-access';

export const askerOf = (context: CommandContext | QueryContext): Asker => {
  const session = 'session' in context ? context.session : context.sessions.session$.value;
  return { id: context.actor.id, roles: session?.person.roles ?? [] };
};

export async function readProject(db: LabDatabase, id: string): Promise<ProjectDocument | null> {
  const doc = await db.projects.findOne(id).exec();
  return doc ? (doc.toJSON() as ProjectDocument) : null;
}

export const projectGone = (): { ok: false; error: AppError } =>
  fail('not_found', 'That project no longer exists. It may have been removed on another PC.');

export const notManager = (project: ProjectDocument): { ok: false; error: AppError } =>
  fail('forbidden', `Only the owner of ${project.code} or an administrator can change the project's plan.`);

/** Loads the project and checks the asker manages it; the error to return otherwise. */
export async function managedProject(context: CommandContext, projectId: string): Promise<{ project: ProjectDocument; error?: undefined } | { project?: undefined; error: { ok: false; error: AppError } }> {
  const project = await readProject(context.db, projectId);
  if (!project) return { error: projectGone() };
  if (!canManageProject(project, askerOf(context))) return { error: notManager(project) };
  return { project };
}

/** Today's planning date on the host's clock, in the host's time zone (what the people at this PC call today). */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const writeContextOf = (context: Pick<CommandContext, 'actor' | 'command' | 'clock'>) => ({ actor: context.actor, command: context.command, now: context.clock() });
