import { taskContract } from '../../src-shared/tasks/task-contract';
import { stubFeature } from '../host/contract-stubs';

/** Tasks, comments, time entries and saved filters; handlers land next (contract first so the UI can start). */
export const taskFeature = stubFeature('tasks', taskContract);
