import { describe, expect, it } from 'vitest';
import { formatPath, parseDefinition } from '../../../src-shared/workflows/definition-schema';
import { escalationRulesOf } from '../../../src-shared/workflows/definition-graph';
import { equipmentProcurement } from '../../../src-shared/workflows/templates/equipment-procurement';
import { validateDefinition } from '../../../src-shared/workflows/validate-definition';
import { must } from './helpers';

/** The spec's EQUIPMENT_PROCUREMENT definition, copied character for character from the feature spec. */
const specDefinitionJson = `{
    "workflow_code": "EQUIPMENT_PROCUREMENT",
    "name": "Equipment Procurement Workflow",
    "category": "Equipment",
    "description": "Workflow for procuring new equipment",
    "steps": [
        {
            "step_id": "request",
            "name": "Procurement Request",
            "type": "task",
            "assignee_type": "role",
            "assignee_value": "procurement_manager",
            "next_steps": ["approval"]
        },
        {
            "step_id": "approval",
            "name": "Manager Approval",
            "type": "approval",
            "assignee_type": "role",
            "assignee_value": "department_head",
            "next_steps": ["rfq"],
            "conditions": {
                "approve": ["rfq"],
                "reject": []
            }
        },
        {
            "step_id": "rfq",
            "name": "Send RFQ",
            "type": "task",
            "assignee_type": "role",
            "assignee_value": "procurement_officer",
            "next_steps": ["evaluation"]
        },
        {
            "step_id": "evaluation",
            "name": "Bid Evaluation",
            "type": "task",
            "assignee_type": "role",
            "assignee_value": "procurement_manager",
            "next_steps": ["po_creation"]
        },
        {
            "step_id": "po_creation",
            "name": "Create Purchase Order",
            "type": "task",
            "assignee_type": "role",
            "assignee_value": "procurement_officer",
            "next_steps": []
        }
    ],
    "initial_step": "request",
    "sla_config": {
        "request": {"duration_hours": 24, "escalation_rules": {}},
        "approval": {"duration_hours": 48, "escalation_rules": {}},
        "rfq": {"duration_hours": 72, "escalation_rules": {}}
    }
}`;

describe('the definition format', () => {
  it('loads the spec example unchanged: parsing keeps every field as written and adds none', () => {
    const input = JSON.parse(specDefinitionJson);
    const parsed = must(parseDefinition(input));
    expect(parsed).toEqual(input);
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(input));
  });

  it('finds the spec example valid, and the shipped template is the same definition', () => {
    const input = JSON.parse(specDefinitionJson);
    expect(validateDefinition(input)).toEqual([]);
    expect(equipmentProcurement).toEqual(input);
  });

  it('takes escalation rules as the spec writes them ({}), as a list, or as named rules', () => {
    const base = JSON.parse(specDefinitionJson);
    expect(escalationRulesOf(must(parseDefinition(base)), 'request')).toEqual([]);
    const rule = { at_percent: 50, action: 'notify', to_type: 'role', to_value: 'department_head' };
    const asList = { ...base, sla_config: { request: { duration_hours: 24, escalation_rules: [rule] } } };
    const named = { ...base, sla_config: { request: { duration_hours: 24, escalation_rules: { remind: rule } } } };
    expect(escalationRulesOf(must(parseDefinition(asList)), 'request')).toEqual([rule]);
    expect(escalationRulesOf(must(parseDefinition(named)), 'request')).toEqual([rule]);
  });

  it('refuses a misspelt step field with its path, so typos do not silently vanish', () => {
    const input = JSON.parse(specDefinitionJson);
    input.steps[2].nextSteps = ['evaluation'];
    const result = parseDefinition(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_definition');
      expect(result.error.details).toEqual([expect.objectContaining({ path: 'steps[2]', stepId: 'rfq' })]);
    }
  });

  it('refuses an unknown step type and a negative SLA, naming where', () => {
    const input = JSON.parse(specDefinitionJson);
    input.steps[1].type = 'vote';
    input.sla_config.rfq.duration_hours = -1;
    const problems = validateDefinition(input);
    expect(problems.map((p) => p.path).sort()).toEqual(['sla_config.rfq.duration_hours', 'steps[1].type']);
    expect(problems.find((p) => p.path === 'steps[1].type')?.stepId).toBe('approval');
  });

  it('formats paths the way the editor shows them', () => {
    expect(formatPath(['steps', 2, 'next_steps', 0])).toBe('steps[2].next_steps[0]');
    expect(formatPath(['sla_config', 'rfq', 'duration_hours'])).toBe('sla_config.rfq.duration_hours');
  });
});
