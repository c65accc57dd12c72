import { describe, expect, it } from 'vitest';
import { makeId } from '../../../src-shared/core/ids';
import { formerIdsOf, isGeneratedId, LINK_PERSON_COMMAND, replaceIds, rewriteReferences } from '../../../src-shared/sync/remap-ids';
import { advance } from '../../../src-shared/workflows/advance';
import { comment, reassign } from '../../../src-shared/workflows/instance-actions';
import { replay } from '../../../src-shared/workflows/replay';
import { onboarding } from '../../../src-shared/workflows/templates/onboarding';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { at, must, people, published, start } from '../workflows/helpers';

const OLD = '01JA0000000000000000000OLD';
const NEW = 'P-TEAM';
const ids = new Map([[OLD, NEW]]);

describe('replacing person ids', () => {
  it('replaces equal strings at any depth, in arrays and objects', () => {
    const doc = { assigneeId: OLD, watcherIds: ['x', OLD], data: { personId: OLD, votes: [{ userId: OLD, at: 't' }] } };
    expect(replaceIds(doc, ids)).toEqual({ assigneeId: NEW, watcherIds: ['x', NEW], data: { personId: NEW, votes: [{ userId: NEW, at: 't' }] } });
    expect(doc.assigneeId).toBe(OLD);
  });

  it('leaves keys, other values and strings that merely contain the id alone', () => {
    const doc = { [OLD]: 1, note: `see ${OLD}`, n: 5, isDone: true, empty: null };
    expect(replaceIds(doc, ids)).toBe(doc);
  });

  it('returns the same object when nothing changed and reports which ids it met', () => {
    const untouched = { a: ['b', { c: 'd' }] };
    expect(replaceIds(untouched, ids)).toBe(untouched);
    const found = new Set<string>();
    replaceIds({ a: OLD }, ids, found);
    expect([...found]).toEqual([OLD]);
  });
});

describe('rewriting a stored document', () => {
  it('rewrites every field but the primary key and RxDB’s own fields', () => {
    const doc = { id: OLD, createdBy: OLD, updatedBy: 'someone', ownerId: OLD, _meta: { by: OLD }, _rev: '1-a' };
    expect(rewriteReferences(doc, ids)).toEqual({ doc: { id: OLD, createdBy: NEW, updatedBy: 'someone', ownerId: NEW, _meta: { by: OLD }, _rev: '1-a' }, found: [OLD] });
    expect(rewriteReferences({ passportId: OLD, by: OLD }, ids, 'passportId')?.doc).toEqual({ passportId: OLD, by: NEW });
  });

  it('is null for a document without the ids, so a second run writes nothing', () => {
    expect(rewriteReferences({ id: 'T1', assigneeId: 'someone' }, ids)).toBeNull();
    const once = rewriteReferences({ id: 'T1', assigneeId: OLD }, ids);
    expect(once && rewriteReferences(once.doc, ids)).toBeNull();
  });
});

describe('generated ids', () => {
  it('are recognised; hand-made ids and role codes are not', () => {
    expect(isGeneratedId(makeId(Date.parse('2026-03-01T00:00:00Z'), (n) => new Uint8Array(n).fill(7)))).toBe(true);
    for (const id of ['admin', 'P-ADMIN', 'system', '', '01ja0000000000000000000old', `${OLD}X`]) expect(isGeneratedId(id), id).toBe(false);
  });
});

describe('merge entries', () => {
  it('give the ids a record had before', () => {
    const entries = [
      { command: LINK_PERSON_COMMAND, changes: [{ field: 'id', old: OLD }] },
      { command: 'people/update', changes: [{ field: 'id', old: 'not-a-merge' }] },
    ];
    expect(formerIdsOf(entries)).toEqual([OLD]);
  });
});

describe('workflow history and state rewritten alike', () => {
  it('still replays to the rewritten state', () => {
    const def = published(onboarding);
    const team = new Map([[people.hr.userId, 'P-HR'], [people.qa.userId, 'P-QA'], [people.admin.userId, 'P-ADMIN']]);
    const started = start(onboarding, { employee_id: 'u-new', buddy: people.hr.userId });
    const history: WorkflowEvent[] = [...started.events];
    const step = (r: { instance: typeof started.instance; events: WorkflowEvent[] }) => (history.push(...r.events), r.instance);
    let instance = step(must(advance(def, started.instance, { commandId: 'a', action: 'complete' }, people.hr, at(1))));
    instance = step(must(comment(def, instance, { commandId: 'b', comments: 'Starts Monday' }, people.hr, at(2))));
    instance = step(must(reassign(def, instance, { commandId: 'c', stepId: 'it_setup', to: { assignee_type: 'user', assignee_value: people.admin.userId } }, people.admin, at(3))));
    instance = step(must(advance(def, instance, { commandId: 'd', action: 'complete', stepId: 'it_setup' }, people.admin, at(4))));
    instance = step(must(advance(def, instance, { commandId: 'e', action: 'complete', stepId: 'hr_paperwork' }, people.hr, at(5))));
    instance = step(must(advance(def, instance, { commandId: 'f', action: 'complete' }, people.qa, at(6))));
    instance = step(must(advance(def, instance, { commandId: 'g', action: 'approve', signature: { meaning: 'approved', signerName: 'Quentin QA', signedAt: at(7) } }, people.qa, at(7))));

    const events = history.map((e) => replaceIds(e, team));
    const state = replaceIds(instance, team);
    expect(must(replay(def, events))).toEqual(state);
    for (const old of team.keys()) expect(JSON.stringify([events, state])).not.toContain(`"${old}"`);
    expect(state.variables.buddy).toBe('P-HR');
  });
});
