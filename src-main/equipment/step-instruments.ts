import { fail, ok, type Result } from '../../src-shared/core/result';
import { checkReadyInstrument, instrumentNeedReads, instrumentNeedsOfRun } from '../../src-shared/equipment/step-instrument-gate';
import type { RecordLookup, RecordReads } from '../../src-shared/records/record-kind';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import type { WorkflowInstance } from '../../src-shared/workflows/instance';
import type { WorkflowEvent } from '../../src-shared/workflows/workflow-events';

/**
 * The host's side of workflow steps that require a ready instrument: before the runtime records a
 * run of events, each completion of such a step is judged by the shared rule
 * (src-shared/equipment/step-instrument-gate.ts) on this PC's records of the instrument. The sync
 * server judges the same completion again when it is pushed.
 */
export async function checkStepInstruments(
  load: (reads: RecordReads) => Promise<RecordLookup>,
  definition: WorkflowDefinition,
  before: WorkflowInstance,
  events: readonly WorkflowEvent[],
  now: string,
): Promise<Result<null>> {
  for (const need of instrumentNeedsOfRun(definition, before, events)) {
    const refusal = checkReadyInstrument(await load(instrumentNeedReads(need)), need, now);
    if (refusal) return fail('invalid_state', refusal);
  }
  return ok(null);
}
