import { describe, expect, it } from 'vitest';
import { migrations } from '../../../src-shared/db/migrations';

describe('workflow schema migrations', () => {
  it('gives v0 definitions an empty list of command ids', () => {
    expect(migrations.workflow_definitions?.[1]?.({ id: 'd', code: 'X', version: 1, status: 'published', definition: {} })).toEqual({
      id: 'd',
      code: 'X',
      version: 1,
      status: 'published',
      definition: {},
      commandIds: [],
    });
  });

  it("copies a v0 instance's code, version and event count out of its state", () => {
    const v0 = { id: 'i', definitionId: 'd', status: 'running', entityType: 'e', entityId: '1', state: { workflowCode: 'X', definitionVersion: 2, eventCount: 7 } };
    expect(migrations.workflow_instances?.[1]?.(v0)).toEqual({ ...v0, code: 'X', version: 2, eventCount: 7 });
    expect(migrations.workflow_instances?.[1]?.({ id: 'j', state: null })).toEqual({ id: 'j', state: null, code: '', version: 0, eventCount: 0 });
  });
});
