import { fail, ok, type Result } from '../core/result';
import { instanceStatuses, isClosed, type InstanceStatus } from '../workflows/instance';
import type { SyncPerson } from './sync-person';

type Doc = Record<string, unknown>;

export interface WorkflowWrite {
  collection: string;
  doc: Doc;
  previous: Doc | null;
  person: SyncPerson;
}

/**
 * The workflow engine's rules for documents arriving by sync (DESIGN.md §5: the server validates
 * workflow documents with the same engine rules as the desktop). The engine lives in
 * src-shared/workflows; this is the single hook the server calls, so engine checks added there
 * (e.g. re-running `advance` against the pushed events) plug in here without server changes.
 */
export function checkWorkflowWrite(write: WorkflowWrite): Result<null> {
  const check = workflowChecks[write.collection];
  return check ? check(write) : ok(null);
}

const isInstanceStatus = (s: unknown): s is InstanceStatus => typeof s === 'string' && (instanceStatuses as readonly string[]).includes(s);

const workflowChecks: Record<string, (write: WorkflowWrite) => Result<null>> = {
  workflow_instances({ doc, previous }) {
    if (!isInstanceStatus(doc.status)) return fail('invalid_input', `Unknown workflow instance status “${String(doc.status)}”.`);
    if (previous && isInstanceStatus(previous.status) && isClosed(previous.status) && !doc._deleted && previous.status !== doc.status) {
      return fail('instance_closed', 'This workflow instance is closed; it cannot be reopened.');
    }
    return ok(null);
  },
  workflow_events({ doc }) {
    if (typeof doc.instanceId !== 'string' || !doc.instanceId) return fail('invalid_input', 'A workflow event must name its instance.');
    return ok(null);
  },
};
