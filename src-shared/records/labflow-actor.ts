import { SYSTEM_AUTHOR } from '../sync/system-author';
import type { RecordActor, Who } from './who';

/**
 * LabFlow itself acting on a record (the scheduler's background work). Its role is a code no person
 * can hold (role codes are lower-case letters, digits and underscores: people/person.ts), so only
 * the host's own work passes a transition that names it — and, on the sync server, only a push the
 * kind's `labflowWrites` judges due (labflow-writes.ts).
 */
export const LABFLOW_ITSELF_ROLE = '@labflow';
export const labflowItself = { roles: [LABFLOW_ITSELF_ROLE] } as const satisfies Who;

/** The actor the host's background work writes records as, and the one the server judges such a write as. */
export const labflowActor: RecordActor = { id: SYSTEM_AUTHOR, roles: [LABFLOW_ITSELF_ROLE], isActive: true };
