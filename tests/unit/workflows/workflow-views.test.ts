import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import { equipmentProcurement } from '../../../src-shared/workflows/templates/equipment-procurement';
import { availableActions, canCancel, canReassign, compareWork, eventSummary, instanceSummary, myWorkItems, timelineEntry } from '../../../src-shared/workflows/workflow-views';
import type { MyWorkItemView } from '../../../src-shared/workflows/workflow-contract';
import { at, must, people, published, start } from './helpers';

const definition = published(equipmentProcurement);
const names: Record<string, string> = { [people.requester.userId]: people.requester.name, [people.head.userId]: people.head.name };
const nameOf = (id: string) => names[id];

describe('workflow views', () => {
  const started = start(definition);
  const afterRequest = must(advance(definition, started.instance, { commandId: 'c1', action: 'complete' }, people.requester, at(1)));
  const waiting = afterRequest.instance;

  it('summarises an instance with step names, people and the worst SLA state', () => {
    const early = instanceSummary(waiting, definition, 'def-1', nameOf, at(2));
    expect(early).toMatchObject({
      code: 'EQUIPMENT_PROCUREMENT',
      workflowName: 'Equipment Procurement Workflow',
      definitionId: 'def-1',
      status: 'running',
      slaState: 'on_track',
      startedBy: { id: people.requester.userId, name: 'Rita Requester' },
      activeSteps: [{ stepId: 'approval', stepName: 'Manager Approval', stepType: 'approval', assignees: { users: [], roles: ['department_head'] }, approval: { level: 0, levelCount: 1, required: 1, approvals: 0, rejections: 0 } }],
    });
    // 48 h SLA entered at hour 1: at risk from 75 %, breached after.
    expect(instanceSummary(waiting, definition, 'def-1', nameOf, at(40)).slaState).toBe('at_risk');
    expect(instanceSummary(waiting, definition, 'def-1', nameOf, at(50)).slaState).toBe('breached');
    expect(instanceSummary({ ...waiting, status: 'cancelled' }, definition, 'def-1', nameOf, at(50))).toMatchObject({ activeSteps: [], slaState: 'no_sla' });
  });

  it('offers each person only the actions they may take, with the ones that need a signature', () => {
    expect(availableActions(definition, waiting, people.head)).toEqual([{ token: waiting.activeSteps[0]?.token, stepId: 'approval', stepName: 'Manager Approval', actions: ['approve', 'reject'], signatureActions: ['approve', 'reject'], form: [] }]);
    expect(availableActions(definition, waiting, people.stranger)).toEqual([]);
    // The requester holding the approver role still may not decide on the own request.
    expect(availableActions(definition, waiting, { ...people.requester, roles: ['department_head'] })).toEqual([]);
    expect(canCancel(waiting, people.requester)).toBe(true);
    expect(canCancel(waiting, people.head)).toBe(false);
    expect(canCancel(waiting, people.admin)).toBe(true);
    expect(canReassign(waiting, people.head)).toBe(true);
    expect(canReassign(waiting, people.stranger)).toBe(false);
  });

  it('lists my work overdue first, then by due time', () => {
    const items = myWorkItems(definition, waiting, people.head, nameOf, at(60));
    expect(items).toMatchObject([{ stepId: 'approval', isOverdue: true, assignedVia: 'role', requestedBy: { name: 'Rita Requester' } }]);
    const { dueAt: _dueAt, ...base } = items[0] as MyWorkItemView;
    const item = (over: Partial<MyWorkItemView>): MyWorkItemView => ({ ...base, ...over });
    const sorted = [item({ isOverdue: false, dueAt: at(10) }), item({ isOverdue: false }), item({ isOverdue: true, dueAt: at(30) }), item({ isOverdue: false, dueAt: at(5) })].sort(compareWork);
    expect(sorted.map((w) => [w.isOverdue, w.dueAt])).toEqual([[true, at(30)], [false, at(5)], [false, at(10)], [false, undefined]]);
  });

  it('writes the history as readable lines with signatures', () => {
    const signed = must(
      advance(definition, waiting, { commandId: 'c2', action: 'approve', signature: { meaning: 'approved', signerName: 'Hans Head', signedAt: at(3) } }, people.head, at(3)),
    );
    const vote = signed.events.find((e) => e.type === 'vote_recorded');
    if (!vote) throw new Error('no vote');
    expect(timelineEntry(vote, definition, nameOf)).toMatchObject({
      type: 'vote_recorded',
      actor: { id: people.head.userId, name: 'Hans Head' },
      stepName: 'Manager Approval',
      signature: { meaning: 'approved', signerName: 'Hans Head', signedAt: at(3) },
      summary: 'Hans Head approved Manager Approval',
    });
    const lines = [...started.events, ...afterRequest.events, ...signed.events].map((e) => eventSummary(e, definition, nameOf));
    expect(lines[0]).toBe('Rita Requester started Equipment Procurement Workflow for Instrument EQ-1');
    expect(lines).toContain('Rita Requester finished Procurement Request with "complete"');
    expect(lines.some((l) => l.startsWith('Send RFQ started, waiting for role Procurement officer'))).toBe(true);
  });
});
