import { ok } from '../../src-shared/core/result';
import type { CommentDocument } from '../../src-shared/tasks/task-views';
import type { HostFeature } from '../host/feature';
import { map } from 'rxjs';
import { boardQuery } from './board-query';
import { commentCommandHandlers } from './comment-handlers';
import { filterCommandHandlers, filterQueryHandlers } from './filter-handlers';
import { activity$ } from './live-sources';
import { statusCommandHandlers } from './status-handlers';
import { taskDetailQuery } from './task-detail-query';
import { taskCommandHandlers } from './task-handlers';
import { taskListQuery } from './task-list-query';
import { timeCommandHandlers } from './time-handlers';
import { timeQueryHandlers } from './time-queries';

/** Tasks, subtasks, dependencies, the board, comments, time entries and saved filters (task-contract). */
export const taskFeature: HostFeature = {
  name: 'tasks',
  commands: { ...taskCommandHandlers, ...statusCommandHandlers, ...commentCommandHandlers, ...timeCommandHandlers, ...filterCommandHandlers },
  queries: {
    'tasks/list': taskListQuery,
    'tasks/detail': taskDetailQuery,
    'tasks/board': boardQuery,
    ...filterQueryHandlers,
    ...timeQueryHandlers,
    'comments/list': (input, context) =>
      activity$<CommentDocument>(context.db, { subjectId: input.taskId }).pipe(map((docs) => ok(docs.filter((d) => d.kind === 'comment')))),
  },
};
