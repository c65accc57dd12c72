import { describe, expect, it } from 'vitest';
import { addStep, isFormReadable, moveStep, patchStep, removeStep, renameStep, setSla } from '../../../../src-renderer/workflows/definition-edit';
import { stepTypes } from '../../../../src-shared/workflows/definition-schema';
import { builtInTemplates } from '../../../../src-shared/workflows/templates/built-in-templates';
import { equipmentProcurement } from '../../../../src-shared/workflows/templates/equipment-procurement';
import { validateDefinition } from '../../../../src-shared/workflows/validate-definition';

describe('editor edits of a definition', () => {
  it('renaming any step of any template moves every reference along, so the definition stays valid', () => {
    for (const template of builtInTemplates) {
      for (const step of template.steps) {
        const renamed = renameStep(template, step.step_id, `${step.step_id}_renamed`);
        expect(validateDefinition(renamed), `${template.workflow_code} / ${step.step_id}`).toEqual([]);
        const references = JSON.stringify([renamed.initial_step, Object.keys(renamed.sla_config ?? {}), renamed.steps.map((s) => [s.step_id, s.next_steps, s.conditions, s.routing])]);
        expect(references).not.toContain(`"${step.step_id}"`);
      }
    }
  });

  it('renames the SLA entry and the initial step with the step', () => {
    const renamed = renameStep(equipmentProcurement, 'request', 'ask');
    expect(renamed.initial_step).toBe('ask');
    expect(Object.keys(renamed.sla_config ?? {})).toEqual(['ask', 'approval', 'rfq']);
    expect(renamed.steps[0]?.step_id).toBe('ask');
  });

  it('patches a field and removes it when set to undefined, leaving the rest as it was', () => {
    const described = patchStep(equipmentProcurement, 0, { description: 'Say what is needed' });
    expect(described.steps[0]?.description).toBe('Say what is needed');
    const cleared = patchStep(described, 0, { description: undefined });
    expect(cleared.steps[0]).toEqual(equipmentProcurement.steps[0]);
    expect('description' in (cleared.steps[0] ?? {})).toBe(false);
    cleared.steps.slice(1).forEach((step, i) => expect(step).toBe(equipmentProcurement.steps[i + 1]));
  });

  it('removes a step with its SLA and the plain links to it; the validator names what is left dangling', () => {
    const removed = removeStep(equipmentProcurement, 2);
    expect(removed.steps.map((s) => s.step_id)).toEqual(['request', 'approval', 'evaluation', 'po_creation']);
    expect(removed.sla_config && 'rfq' in removed.sla_config).toBe(false);
    expect(removed.steps[1]?.conditions).toEqual({ approve: [], reject: [] });
    expect(removed.steps[1]?.next_steps).toEqual([]);
    const problems = validateDefinition(removed);
    expect(problems.some((p) => p.stepId === 'evaluation' && /cannot be reached/.test(p.message))).toBe(true);
  });

  it('adds steps of every type with fresh ids', () => {
    let definition = equipmentProcurement;
    for (const type of stepTypes) definition = addStep(definition, type);
    const ids = definition.steps.map((s) => s.step_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(definition.steps.slice(-stepTypes.length).map((s) => s.type)).toEqual([...stepTypes]);
  });

  it('moves steps within bounds only', () => {
    expect(moveStep(equipmentProcurement, 0, -1)).toBe(equipmentProcurement);
    expect(moveStep(equipmentProcurement, 0, 1).steps.map((s) => s.step_id).slice(0, 2)).toEqual(['approval', 'request']);
  });

  it('sets and clears an SLA entry', () => {
    const withSla = setSla(equipmentProcurement, 'evaluation', { duration_hours: 8 });
    expect(withSla.sla_config?.evaluation).toEqual({ duration_hours: 8 });
    expect(setSla(withSla, 'evaluation', undefined).sla_config).toEqual(equipmentProcurement.sla_config);
  });

  it('lets the form show only JSON with a list of step objects', () => {
    expect(isFormReadable(equipmentProcurement)).toBe(true);
    expect(isFormReadable({ steps: 'no' })).toBe(false);
    expect(isFormReadable([])).toBe(false);
    expect(isFormReadable({ steps: [1] })).toBe(false);
  });
});
