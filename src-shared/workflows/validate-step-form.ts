import type { StepDefinition } from './definition-schema';
import { actionsOf } from './definition-graph';
import { checkCondition } from './routing-rules';
import { recordFieldOf, variableOf, type StepFormField } from './step-form';
import { isUsablePattern } from './step-form-check';

type Report = (field: string, message: string) => void;

interface FormTargets {
  /** Whether the workflow is about a record (values may go to `record.<field>`). */
  hasRecord: boolean;
  /** The record kind's data fields, when the kind is known. */
  recordFields: ReadonlySet<string> | undefined;
  kindLabel: string | undefined;
}

const isDay = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** What each field type takes and refuses, the actions it names, and where its value goes. */
export function checkFormShape(step: StepDefinition, targets: FormTargets, report: Report): void {
  const keys = new Set<string>();
  const destinations = new Set<string>();
  const actions = actionsOf(step);
  (step.form ?? []).forEach((field, index) => {
    const at = (suffix: string) => `.form[${index}]${suffix}`;
    if (keys.has(field.key)) report(at('.key'), `The field key “${field.key}” is used twice.`);
    keys.add(field.key);
    const destination = field.to ?? field.key;
    if (destinations.has(destination)) report(at('.to'), `Two fields send their value to “${destination}”.`);
    destinations.add(destination);
    checkLimits(field, (suffix, message) => report(at(suffix), message));
    for (const action of field.actions ?? []) if (!actions.includes(action)) report(at('.actions'), `“${step.name}” takes ${actions.map((a) => `“${a}”`).join(', ')}, not “${action}”.`);
    if (field.when) for (const problem of checkCondition(field.when, at('.when'))) report(problem.path, problem.message);
    const recordField = recordFieldOf(field);
    if (recordField !== undefined && !targets.hasRecord) report(at('.to'), 'A value goes to the record only when the workflow is about a record kind (record_kind).');
    else if (recordField !== undefined && targets.recordFields && !targets.recordFields.has(recordField)) {
      report(at('.to'), `A ${targets.kindLabel?.toLowerCase() ?? 'record'} has no field “${recordField}”.`);
    }
    if (variableOf(field) === 'record') report(at('.to'), '“record” names the workflow’s record; choose another variable name.');
  });
}

function checkLimits(field: StepFormField, report: Report): void {
  const hasNumberLimits = field.type === 'number' || field.type === 'money';
  for (const limit of ['min', 'max'] as const) {
    const value = field[limit];
    if (value === undefined) continue;
    if (hasNumberLimits && typeof value !== 'number') report(`.${limit}`, `The ${limit === 'min' ? 'smallest' : 'largest'} value of a ${field.type} field is a number.`);
    else if (field.type === 'date' && !isDay(value)) report(`.${limit}`, `The ${limit === 'min' ? 'earliest' : 'latest'} day is a date, YYYY-MM-DD.`);
    else if (!hasNumberLimits && field.type !== 'date') report(`.${limit}`, 'Only number, money and date fields have limits.');
  }
  if (field.min !== undefined && field.max !== undefined && typeof field.min === typeof field.max && field.min > field.max) report('.max', 'The largest value is smaller than the smallest.');
  if (field.type !== 'text' && (field.min_length !== undefined || field.max_length !== undefined || field.pattern !== undefined)) {
    report(field.pattern !== undefined ? '.pattern' : '.max_length', 'Only text fields have lengths and patterns.');
  }
  if (field.min_length !== undefined && field.max_length !== undefined && field.min_length > field.max_length) report('.max_length', 'The most characters is fewer than the fewest.');
  if (field.pattern !== undefined && !isUsablePattern(field.pattern)) report('.pattern', 'This pattern is not a regular expression LabFlow can use.');
  if (field.type === 'choice' && !field.choices) report('.choices', 'A choice field needs its choices.');
  if (field.type !== 'choice' && field.choices) report('.choices', 'Only choice fields have choices.');
  if (field.type !== 'money' && field.currency) report('.currency', 'Only money fields have a currency.');
  if (field.choices && new Set(field.choices.map((c) => c.value)).size !== field.choices.length) report('.choices', 'Two choices have the same value.');
}
