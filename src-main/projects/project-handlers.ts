import { map } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import type { CommandContext, CommandHandlers, QueryHandlers } from '../host/handler-types';

const write = (context: CommandContext) => ({ actor: context.actor, command: context.command, now: context.clock() });
const gone = () => fail('not_found', 'That project no longer exists. It may have been removed on another PC.');

export const projectCommandHandlers: CommandHandlers<'projects/create' | 'projects/rename' | 'projects/set-archived'> = {
  async 'projects/create'(input, context) {
    const clash = await context.db.projects.findOne({ selector: { code: input.code } }).exec();
    if (clash) return fail('already_exists', `The code ${input.code} is already used by “${clash.get('name')}”.`, { field: 'code' });
    const project = await context.writer.insert<ProjectDocument>(
      'projects',
      { code: input.code, name: input.name, description: input.description, status: 'planned', isArchived: false, ownerId: context.actor.id, tags: [] },
      write(context),
    );
    return ok(project);
  },

  async 'projects/rename'(input, context) {
    const project = await context.writer.update<ProjectDocument>('projects', input.id, { name: input.name }, write(context));
    return project ? ok(project) : gone();
  },

  async 'projects/set-archived'(input, context) {
    const project = await context.writer.update<ProjectDocument>('projects', input.id, { isArchived: input.isArchived }, write(context));
    return project ? ok(project) : gone();
  },
};

export const projectQueryHandlers: QueryHandlers<'projects/list'> = {
  'projects/list': (input, context) =>
    context.db.projects
      .find({ selector: input.includeArchived ? {} : { isArchived: false }, sort: [{ name: 'asc' }] })
      .$.pipe(map((docs) => ok(docs.map((d) => d.toJSON() as ProjectDocument)))),
};
