import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import { variableOf, type StepFormField } from '../../src-shared/workflows/step-form';
import { formatDay, formatMoney } from '../tasks/task-labels';
import { showValue } from './variable-rows';

/**
 * How an instance's variables read to a lab person. A value a step form gave is shown under the
 * form field's label, a person by name, a choice by its label, money and days as everywhere else
 * in LabFlow — not `stand_in: 01M96…`. Variables no form gave keep their name and plain value.
 */
export interface VariableText {
  /** The form field's label, or undefined when no step form gives this variable. */
  labelOf: (variable: string) => string | undefined;
  textOf: (variable: string, value: unknown) => string;
}

/** Each variable a step form writes, with the field that writes it (the first step's, when several do). */
function fieldsByVariable(definition: WorkflowDefinition): Map<string, StepFormField> {
  const byVariable = new Map<string, StepFormField>();
  for (const step of definition.steps) {
    for (const field of step.form ?? []) {
      const variable = variableOf(field);
      if (variable !== undefined && !byVariable.has(variable)) byVariable.set(variable, field);
    }
  }
  return byVariable;
}

function fieldText(field: StepFormField, value: unknown, nameOf: (personId: string) => string | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (field.type) {
    case 'person':
      return typeof value === 'string' ? (nameOf(value) ?? 'A person no longer in the directory') : showValue(value);
    case 'choice':
      return field.choices?.find((c) => c.value === value)?.label ?? showValue(value);
    case 'date':
      return typeof value === 'string' ? formatDay(value) : showValue(value);
    case 'money': {
      const money = value as { amountMinor?: unknown; currency?: unknown };
      return typeof money.amountMinor === 'number' && typeof money.currency === 'string' ? formatMoney(money.amountMinor, money.currency) : showValue(value);
    }
    default:
      return showValue(value);
  }
}

export function variableText(definition: WorkflowDefinition, nameOf: (personId: string) => string | undefined): VariableText {
  const fields = fieldsByVariable(definition);
  return {
    labelOf: (variable) => fields.get(variable)?.label,
    textOf: (variable, value) => {
      const field = fields.get(variable);
      return field ? fieldText(field, value, nameOf) : showValue(value);
    },
  };
}
