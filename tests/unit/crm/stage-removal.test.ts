import { describe, expect, it } from 'vitest';
import { defaultPipelineStages, removedStageProblem } from '../../../src-shared/crm/pipeline-stages';
import { salesSettingsKind } from '../../../src-shared/crm/sales-settings-kind';
import type { RecordDocument } from '../../../src-shared/records/record-document';

const open = (stageId: string) => ({ data: { stageId } });
const without = (...ids: string[]) => defaultPipelineStages.filter((s) => !ids.includes(s.id));

describe('removing a pipeline stage', () => {
  it('is refused while open opportunities are in it, naming how many and where', () => {
    expect(removedStageProblem(defaultPipelineStages, without('proposal'), [open('proposal')])).toBe('1 open opportunity is in Proposal. Move it to another stage, or close it, before removing the stage.');
    expect(removedStageProblem(defaultPipelineStages, without('proposal', 'negotiation'), [open('proposal'), open('proposal'), open('negotiation'), open('qualification')])).toBe(
      '2 open opportunities are in Proposal and 1 in Negotiation. Move them to another stage, or close them, before removing the stage.',
    );
  });
  it('is allowed when nothing open is in it, and renaming or re-weighting a stage is no removal', () => {
    expect(removedStageProblem(defaultPipelineStages, without('proposal'), [open('qualification')])).toBeNull();
    expect(removedStageProblem(defaultPipelineStages, defaultPipelineStages.map((s) => ({ ...s, label: `${s.label}!`, probabilityPercent: 5 })), [open('proposal')])).toBeNull();
  });
  it('is judged by the settings’ invariant against the stored stages, or the defaults on a first save', () => {
    const settings = (stages: typeof defaultPipelineStages) => ({ id: 'S', status: 'active', data: { scope: 'crm', stages } }) as unknown as RecordDocument & { data: never };
    const lookup = { get: () => null, byParent: () => [], byPerson: () => [], byStatus: () => [open('negotiation')] };
    const check = (previous: RecordDocument | null, stages: typeof defaultPipelineStages) => salesSettingsKind.invariant!.check({ record: settings(stages), previous, lookup, now: '', actorId: 'P' });
    expect(check(null, without('negotiation'))).toMatchObject({ field: 'data.stages', message: expect.stringContaining('1 open opportunity is in Negotiation') });
    expect(check(settings(without('proposal')), without('proposal'))).toBeNull();
    expect(salesSettingsKind.invariant!.reads({} as never, {} as never).byStatus).toEqual([{ kind: 'opportunity', status: 'open' }]);
  });
});
