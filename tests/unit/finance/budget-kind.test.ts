import { describe, expect, it } from 'vitest';
import { budgetKind } from '../../../src-shared/finance/budget-kind';
import { budgetTotalMinor, plannedByCategory } from '../../../src-shared/finance/budget-lines';
import type { RecordDocument } from '../../../src-shared/records/record-document';
import { checkInvariant } from '../../../src-shared/records/record-invariants';
import { checkRecordWrite } from '../../../src-shared/records/record-rules';
import { canReadScope, scopeOfRecord } from '../../../src-shared/records/record-scope';
import { actor, hrRecord, lookupOf } from '../hr/hr-fixtures';

const lines: { category: 'consumables' | 'travel'; amountMinor: number; note: string }[] = [
  { category: 'consumables', amountMinor: 400_000, note: '' },
  { category: 'travel', amountMinor: 200_000, note: '' },
];
const projectBudget = (status = 'draft', extra: Record<string, unknown> = {}, id = 'B1') =>
  hrRecord(budgetKind, id, status, { holder: 'project', projectId: 'P1', personId: 'max', year: 2027, lines, total: { amountMinor: 600_000, currency: 'EUR' }, version: 1, ...extra }, { managerIds: ['mia'], createdBy: 'max' });
const project = { id: 'P1', code: 'QC-2027', ownerId: 'max' };
const judge = (rec: RecordDocument, docs: Record<string, unknown>[] = [project]) => checkInvariant(budgetKind, rec, null, lookupOf(docs), '2027-01-05T09:00:00Z', 'max');

describe('a budget by category', () => {
  it('totals its lines per category, and refuses a total that is not their sum', () => {
    expect(budgetTotalMinor(lines)).toBe(600_000);
    expect(plannedByCategory([...lines, { category: 'travel', amountMinor: 50_000 }])).toEqual([{ category: 'consumables', plannedMinor: 400_000 }, { category: 'travel', plannedMinor: 250_000 }]);
    const good = projectBudget();
    expect(budgetKind.data.safeParse(good.data).success).toBe(true);
    const wrong = budgetKind.data.safeParse({ ...good.data, total: { amountMinor: 1, currency: 'EUR' } });
    expect(wrong.error?.issues.map((i) => i.message)).toContain('The total must be the sum of the lines.');
    const negative = budgetKind.data.safeParse({ ...good.data, lines: [{ category: 'travel', amountMinor: -5 }], total: { amountMinor: -5, currency: 'EUR' } });
    expect(negative.error?.issues.map((i) => i.message)).toContain('A budget line cannot be negative.');
    const noProject = budgetKind.data.safeParse({ ...good.data, projectId: undefined });
    expect(noProject.error?.issues.map((i) => i.message)).toContain('Choose the project this budget is for.');
  });

  it('is held by the project manager, or by a head of the department', () => {
    expect(judge(projectBudget())).toBeNull();
    expect(judge(projectBudget('draft', { personId: 'eve' }))).toEqual({ message: expect.stringMatching(/^A project budget is held by the project manager/), field: 'data.personId' });
    const department = (personId: string) => hrRecord(budgetKind, 'B2', 'draft', { holder: 'department', departmentId: 'QC', personId, year: 2027, lines, total: { amountMinor: 600_000, currency: 'EUR' }, version: 1 });
    const people = [{ id: 'mia', kind: 'person', roles: ['department_head'], departmentId: 'QC' }, { id: 'max', kind: 'person', roles: ['member'], departmentId: 'QC' }];
    expect(judge(department('mia'), people)).toBeNull();
    expect(judge(department('max'), people)).toMatchObject({ field: 'data.personId' });
  });

  it('is revised by a new version of an approved budget, never by a second first version', () => {
    const approved = projectBudget('approved');
    const revision = projectBudget('draft', { version: 2, revisesId: 'B1' }, 'B2');
    expect(judge(revision, [project, approved])).toBeNull();
    expect(judge(revision, [project, projectBudget('draft')])).toEqual({ message: 'A revision follows an approved budget of the same holder and year.', field: 'data.revisesId' });
    expect(judge(projectBudget('draft', { version: 3, revisesId: 'B1' }, 'B2'), [project, approved])).toEqual({ message: 'This revision is version 2.', field: 'data.version' });
    expect(judge(projectBudget('draft', { version: 2 }, 'B2'))).toMatchObject({ field: 'data.version' });
  });
});

describe('who does what to a budget', () => {
  const draft = projectBudget();
  const changed = { ...draft, data: { ...draft.data, lines: [lines[0]!], total: { amountMinor: 400_000, currency: 'EUR' } } };
  it('lets the holder and finance change a draft; nobody edits an approved budget or approves by hand', () => {
    expect(checkRecordWrite({ kind: budgetKind, actor: actor('max'), before: draft, after: changed }).ok).toBe(true);
    expect(checkRecordWrite({ kind: budgetKind, actor: actor('fay', ['finance']), before: draft, after: changed }).ok).toBe(true);
    expect(checkRecordWrite({ kind: budgetKind, actor: actor('eve'), before: draft, after: changed }).ok).toBe(false);
    const approved = projectBudget('approved');
    expect(checkRecordWrite({ kind: budgetKind, actor: actor('fay', ['finance']), before: approved, after: { ...approved, data: changed.data } }).ok).toBe(false);
    expect(checkRecordWrite({ kind: budgetKind, actor: actor('max'), before: draft, after: { ...draft, status: 'in_approval' } }).ok).toBe(false);
    const inApproval = projectBudget('in_approval');
    expect(checkRecordWrite({ kind: budgetKind, actor: actor('fay', ['finance']), before: inApproval, after: { ...inApproval, status: 'approved' } }).ok).toBe(false);
  });

  it('is read by its holder, their manager, finance and administrators only', () => {
    const scope = scopeOfRecord(budgetKind, draft);
    expect(canReadScope(budgetKind, actor('max'), scope)).toBe(true);
    expect(canReadScope(budgetKind, actor('mia', ['department_head'], { managedIds: ['max'] }), scope)).toBe(true);
    expect(canReadScope(budgetKind, actor('fay', ['finance']), scope)).toBe(true);
    expect(canReadScope(budgetKind, actor('ada', ['admin']), scope)).toBe(true);
    expect(canReadScope(budgetKind, actor('eve', ['member'], { managedIds: [] }), scope)).toBe(false);
  });
});
