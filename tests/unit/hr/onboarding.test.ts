import { describe, expect, it } from 'vitest';
import { onboardingDueDate } from '../../../src-shared/hr/onboarding-dates';
import { onboardingChecklistKind, templatesFor, type OnboardingChecklistData } from '../../../src-shared/hr/onboarding-checklist-kind';
import { onboardingPlan, onboardingProgress, onboardingTaskId } from '../../../src-shared/hr/onboarding-plan';
import { standardWorkingPattern } from '../../../src-shared/hr/working-pattern';

const easter = [
  { date: '2026-04-03', name: 'Good Friday', isHalfDay: false },
  { date: '2026-04-06', name: 'Easter Monday', isHalfDay: false },
  { date: '2026-12-24', name: 'Christmas Eve', isHalfDay: true },
];
const lab = { pattern: standardWorkingPattern, holidays: easter };

describe('onboarding due dates', () => {
  it('count calendar days as they are, weekends and holidays included', () => {
    expect(onboardingDueDate('2026-04-01', 2, false, lab)).toBe('2026-04-03');
    expect(onboardingDueDate('2026-04-01', -5, false, lab)).toBe('2026-03-27');
  });

  it('skip weekends and whole-day holidays in working days', () => {
    // Wednesday + 2 working days: Thursday, then over Good Friday, the weekend and Easter Monday to Tuesday.
    expect(onboardingDueDate('2026-04-01', 2, true, lab)).toBe('2026-04-07');
    expect(onboardingDueDate('2026-03-09', -1, true, lab)).toBe('2026-03-06');
    expect(onboardingDueDate('2026-03-09', -3, true, lab)).toBe('2026-03-04');
    // Before a start after Easter Monday, the holidays are skipped backwards too.
    expect(onboardingDueDate('2026-04-07', -1, true, lab)).toBe('2026-04-02');
  });

  it('put day 0 on the first working day, and keep a half-day holiday as a working day', () => {
    expect(onboardingDueDate('2026-03-07', 0, true, lab)).toBe('2026-03-09');
    expect(onboardingDueDate('2026-04-03', 0, true, lab)).toBe('2026-04-07');
    expect(onboardingDueDate('2026-12-24', 0, true, lab)).toBe('2026-12-24');
  });

  it('follow the person’s own working pattern', () => {
    const mondayToWednesday = { pattern: [8, 8, 8, 0, 0, 0, 0], holidays: [] };
    expect(onboardingDueDate('2026-03-05', 0, true, mondayToWednesday)).toBe('2026-03-09');
    expect(onboardingDueDate('2026-03-05', 1, true, mondayToWednesday)).toBe('2026-03-10');
  });

  it('end even for a pattern without working days', () => {
    expect(onboardingDueDate('2026-03-05', 3, true, { pattern: [0, 0, 0, 0, 0, 0, 0], holidays: [] })).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

const template = (fields: Partial<OnboardingChecklistData> = {}): OnboardingChecklistData =>
  onboardingChecklistKind.data.parse({
    name: 'Lab starter',
    itPersonId: 'P-IT',
    items: [
      { id: 'laptop', title: 'Prepare the laptop', who: 'it', days: -2 },
      { id: 'welcome', title: 'Welcome meeting', who: 'manager', days: 0 },
      { id: 'safety', title: 'Read the safety manual', who: 'new_hire', days: 5, isWorkingDays: false },
      { id: 'contract', title: 'File the signed contract', who: 'hr', days: 1 },
    ],
    ...fields,
  });

describe('the onboarding plan', () => {
  const people = { hrId: 'P-HR', managerId: 'P-BOSS', newHireId: 'P-NEW' };

  it('gives each line to who it names, dated from the start, in date order', () => {
    const plan = onboardingPlan('EMP-1', '2026-03-09', [{ id: 'T1', data: template() }], people, lab);
    expect(plan.map((t) => [t.title, t.assigneeId, t.dueDate])).toEqual([
      ['Prepare the laptop', 'P-IT', '2026-03-05'],
      ['Welcome meeting', 'P-BOSS', '2026-03-09'],
      ['File the signed contract', 'P-HR', '2026-03-10'],
      ['Read the safety manual', 'P-NEW', '2026-03-14'],
    ]);
  });

  it('derives the same task ids every time, different per employee and line', () => {
    const once = onboardingPlan('EMP-1', '2026-03-09', [{ id: 'T1', data: template() }], people, lab).map((t) => t.id);
    const again = onboardingPlan('EMP-1', '2026-03-09', [{ id: 'T1', data: template() }], people, lab).map((t) => t.id);
    expect(again).toEqual(once);
    expect(new Set(once).size).toBe(4);
    expect(onboardingTaskId('EMP-2', 'T1', 'laptop')).not.toBe(onboardingTaskId('EMP-1', 'T1', 'laptop'));
    expect(onboardingTaskId('EMP-1', 'T1', 'laptop').length).toBeLessThanOrEqual(40);
  });

  it('hands the manager’s lines to HR when the record names no manager', () => {
    const plan = onboardingPlan('EMP-1', '2026-03-09', [{ id: 'T1', data: template() }], { ...people, managerId: '' }, lab);
    expect(plan.find((t) => t.title === 'Welcome meeting')?.assigneeId).toBe('P-HR');
  });

  it('applies templates in use by department and role', () => {
    const all = [
      { id: 'A', status: 'in_use', data: template({ name: 'Everyone' }) },
      { id: 'Q', status: 'in_use', data: template({ name: 'QC', departmentId: 'QC' }) },
      { id: 'S', status: 'in_use', data: template({ name: 'Sales', role: 'sales' }) },
      { id: 'R', status: 'retired', data: template({ name: 'Old' }) },
    ];
    expect(templatesFor(all, 'QC', ['member']).map((t) => t.id)).toEqual(['A', 'Q']);
    expect(templatesFor(all, 'LAB', ['sales']).map((t) => t.id)).toEqual(['A', 'S']);
  });

  it('refuses IT lines without someone to do them', () => {
    expect(onboardingChecklistKind.data.safeParse({ name: 'x', items: [{ id: 'a', title: 'Laptop', who: 'it', days: 0 }] }).success).toBe(false);
  });

  it('counts progress over the tasks that still exist', () => {
    expect(onboardingProgress([{ isDone: true }, { isDone: false }, { isDone: false }])).toEqual({ done: 1, total: 3 });
  });
});
