import type { InvariantInput, RecordReads } from '../records/record-kind';
import type { BudgetData } from './budget-kind';

/**
 * What a budget's invariant reads: the project it is for (its manager holds the budget), or the
 * holder as a person (a department budget is held by a head of that department), and the version
 * it revises.
 */
export const budgetReads = (data: BudgetData): RecordReads => ({
  ids: [
    ...(data.holder === 'project' && data.projectId ? [{ collection: 'projects', id: data.projectId }] : []),
    { collection: 'people', id: data.personId },
    ...(data.revisesId ? [{ collection: 'records', id: data.revisesId }] : []),
  ],
});

/**
 * A budget's rules beyond its fields, run by the host and the sync server alike:
 * - a project budget is held by the project's manager (its owner), who reads and submits it;
 * - a department budget by a head of that department;
 * - a revision follows an approved (or closed) budget of the same holder and year, one version up —
 *   an approved budget is never edited, it is revised.
 */
export function checkBudget({ record, lookup }: InvariantInput<BudgetData>): { message: string; field?: string } | null {
  const d = record.data;
  if (d.holder === 'project') {
    const project = d.projectId ? lookup.get('projects', d.projectId) : null;
    if (!project) return { message: 'Choose the project this budget is for.', field: 'data.projectId' };
    if (project.ownerId !== d.personId) return { message: 'A project budget is held by the project manager; choose them as the budget holder, or make them the project manager first.', field: 'data.personId' };
  } else {
    const person = lookup.get('people', d.personId);
    const roles = Array.isArray(person?.roles) ? (person.roles as unknown[]) : [];
    if (!person || person.departmentId !== d.departmentId || !roles.includes('department_head')) {
      return { message: 'A department budget is held by a head of that department; choose one of its heads.', field: 'data.personId' };
    }
  }
  if (d.revisesId) {
    const revised = lookup.get('records', d.revisesId);
    const was = revised?.data as Partial<BudgetData> | undefined;
    const isSameHolder = was?.holder === d.holder && was.projectId === d.projectId && was.departmentId === d.departmentId && was.year === d.year;
    if (!revised || revised.kind !== 'budget' || !isSameHolder || !['approved', 'closed'].includes(String(revised.status))) {
      return { message: 'A revision follows an approved budget of the same holder and year.', field: 'data.revisesId' };
    }
    if (d.version !== (was?.version ?? 0) + 1) return { message: `This revision is version ${(was?.version ?? 0) + 1}.`, field: 'data.version' };
  } else if (d.version !== 1) {
    return { message: 'A first budget is version 1; a later version says which budget it revises.', field: 'data.version' };
  }
  return null;
}
