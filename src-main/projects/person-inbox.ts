import { hashId } from '../../src-shared/core/hash-id';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import { INBOX_TAG } from '../../src-shared/projects/project-access';
import type { CommandContext } from '../host/handler-types';
import { findPerson } from '../people/people-store';
import { readProject, writeContextOf } from './project-access';

/**
 * A person's inbox: one project per person, with an id every PC derives alike, made on first use.
 * Tasks handed to someone from elsewhere (a meeting's action item, an onboarding line) land here,
 * assigned to them, so they show in their My work; anyone may put such a task there.
 */
export const inboxProjectId = (personId: string): string => hashId('inbox', personId);

export async function inboxOf(context: CommandContext, ownerId: string, field = 'ownerId'): Promise<Result<ProjectDocument>> {
  const id = inboxProjectId(ownerId);
  const existing = await readProject(context.db, id);
  if (existing) return ok(existing);
  const owner = await findPerson(context.db, ownerId);
  if (!owner?.isActive) return fail('invalid_input', 'The task is for someone who is not an active person of the directory.', { field });
  const project = await context.writer.insert<ProjectDocument>(
    'projects',
    {
      id,
      code: `INBOX-${id.slice(6, 14).toUpperCase()}`,
      name: `Inbox — ${owner.name}`,
      description: `Tasks handed to ${owner.name} from meetings and onboarding. Move them into a project when they belong to one.`,
      status: 'active',
      isArchived: false,
      ownerId,
      teamIds: [],
      tags: [INBOX_TAG],
    },
    writeContextOf(context),
  );
  return ok(project);
}
