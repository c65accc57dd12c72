import { describe, expect, it } from 'vitest';
import { drawEdges } from '../../../../src-renderer/workflows/flow-edges';
import { layoutFlow } from '../../../../src-renderer/workflows/flow-layout';
import type { WorkflowDefinition } from '../../../../src-shared/workflows/definition-schema';
import { builtInTemplates } from '../../../../src-shared/workflows/templates/built-in-templates';
import { equipmentProcurement } from '../../../../src-shared/workflows/templates/equipment-procurement';

describe('flow diagram layout', () => {
  it('puts each step in the row of its distance from the initial step and draws a terminal for each ending route', () => {
    const layout = layoutFlow(equipmentProcurement);
    const layer = (id: string) => layout.nodes.find((n) => n.id === id)?.layer;
    expect(['request', 'approval', 'rfq', 'evaluation', 'po_creation'].map(layer)).toEqual([0, 1, 2, 3, 4]);
    const terminals = layout.nodes.filter((n) => n.type === 'terminal');
    expect(terminals.map((t) => t.name).sort()).toEqual(['End', 'Rejected']);
    expect(layout.edges.find((e) => e.from === 'approval' && e.to === 'rfq')?.label).toBe('approve');
    expect(layout.edges.some((e) => e.isBack)).toBe(false);
  });

  it('marks a route back to an earlier step, and steps nothing reaches', () => {
    const looped: WorkflowDefinition = {
      ...equipmentProcurement,
      steps: [
        ...equipmentProcurement.steps.map((s) => (s.step_id === 'evaluation' ? { ...s, conditions: { complete: ['po_creation'], send_back: ['rfq'] } } : s)),
        { step_id: 'orphan', name: 'Orphan', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: [] },
      ],
    };
    const layout = layoutFlow(looped);
    expect(layout.edges.find((e) => e.from === 'evaluation' && e.to === 'rfq')).toMatchObject({ label: 'send_back', isBack: true });
    expect(layout.nodes.find((n) => n.id === 'orphan')).toMatchObject({ isReachable: false, layer: 5 });
  });

  it('lays out every template without overlapping nodes', () => {
    for (const template of builtInTemplates) {
      const { nodes, width, height } = layoutFlow(template);
      for (const a of nodes) {
        expect(a.x + 1).toBeGreaterThan(0);
        expect(a.y).toBeLessThan(height);
        expect(a.x).toBeLessThan(width);
        for (const b of nodes) if (a !== b) expect(a.x === b.x && a.y === b.y, `${template.workflow_code}: ${a.id} on ${b.id}`).toBe(false);
      }
    }
  });

  it('survives half-typed JSON (missing names, an unknown initial step)', () => {
    const broken = { ...equipmentProcurement, initial_step: 'nowhere', steps: [{ ...equipmentProcurement.steps[0], name: '' }] } as WorkflowDefinition;
    const layout = layoutFlow(broken);
    expect(layout.nodes[0]).toMatchObject({ name: 'request', isReachable: false });
  });

  it('places edge labels of every template where they overlap no other label', () => {
    for (const template of builtInTemplates) {
      const labelled = drawEdges(layoutFlow(template)).filter((e) => e.label);
      for (const [i, a] of labelled.entries()) {
        for (const b of labelled.slice(i + 1)) {
          const isOverlap = Math.abs(a.lx - b.lx) < (a.labelW + b.labelW) / 2 && Math.abs(a.ly - b.ly) < 15;
          expect(isOverlap, `${template.workflow_code}: "${a.label}" on "${b.label}"`).toBe(false);
        }
      }
    }
  });
});
