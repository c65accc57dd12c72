import { describe, expect, it } from 'vitest';
import { exportToMermaidGantt, mermaidText } from '../../../src-shared/projects/mermaid-gantt';
import { milestoneSchema } from '../../../src-shared/projects/plan-item-model';
import { makeTask } from '../tasks/task-fixtures';

const milestone = milestoneSchema.parse({
  id: 'm-1',
  createdAt: '2025-01-01T08:00:00Z',
  updatedAt: '2025-01-01T08:00:00Z',
  createdBy: 'u-1',
  updatedBy: 'u-1',
  auditId: 'a-1',
  projectId: 'p-1',
  kind: 'milestone',
  title: 'Method validated',
  data: { dueDate: '2025-03-14' },
});

const tasks = [
  makeTask({ id: 'A', title: 'Order reagents', status: 'done', startDate: '2025-03-03', dueDate: '2025-03-05' }),
  makeTask({ id: 'V', title: 'Validation runs', status: 'in_progress', startDate: '2025-03-06', dueDate: '2025-03-12', dependsOn: ['A'] }),
  makeTask({ id: 'V1', parentId: 'V', title: 'Linearity: 5 levels', status: 'in_review', startDate: '2025-03-06', dueDate: '2025-03-07' }),
  makeTask({ id: 'V2', parentId: 'V', title: 'Precision; n=6', startDate: '2025-03-10', dueDate: '2025-03-12', dependsOn: ['V1'] }),
  makeTask({ id: 'E', title: 'Order labels', startDate: '2025-03-04', dueDate: '2025-03-04' }),
  makeTask({ id: 'X', title: 'Dropped idea', status: 'cancelled', startDate: '2025-03-01', dueDate: '2025-03-30' }),
  makeTask({ id: 'U', title: 'Someday' }),
];

describe('Mermaid gantt export', () => {
  it('writes the plan as Mermaid gantt text', () => {
    expect(exportToMermaidGantt({ project: { code: 'ASSAY-7', name: 'Assay validation' }, tasks, milestones: [milestone] })).toBe(
      [
        'gantt',
        '    title ASSAY-7 – Assay validation',
        '    dateFormat YYYY-MM-DD',
        '    %% 1 task without start and due dates not shown',
        '    section Tasks',
        '    Order reagents :crit, done, t1, 2025-03-03, 3d',
        '    Order labels :t2, 2025-03-04, 1d',
        '    section Validation runs',
        '    Validation runs :crit, active, t3, 2025-03-06, 7d',
        '    Linearity#58; 5 levels :active, t4, 2025-03-06, 2d',
        '    Precision#59; n=6 :crit, t5, 2025-03-10, 3d',
        '    section Milestones',
        '    Method validated :milestone, m1, 2025-03-14, 0d',
        '',
      ].join('\n'),
    );
  });

  it('writes a minimal chart for an empty project', () => {
    expect(exportToMermaidGantt({ project: { code: 'QC-1', name: 'Empty' }, tasks: [] })).toBe('gantt\n    title QC-1 – Empty\n    dateFormat YYYY-MM-DD\n');
  });

  it.each([
    ['Step 1: weigh', 'Step 1#58; weigh'],
    ['pH 7.4; 25 °C', 'pH 7.4#59; 25 °C'],
    ['#42 50% dilution', '#35;42 50#37; dilution'],
    ['line one\nline two\r\n\tthree', 'line one line two three'],
    ['section B', '#115;ection B'],
    ['Title page', '#84;itle page'],
    ['2025-03-03 kickoff', '#50;025-03-03 kickoff'],
    ['Call supplier', '#67;all supplier'],
    ['   ', '(untitled)'],
    ['Calibration', 'Calibration'],
  ])('escapes %j so it stays one task title', (input, expected) => {
    expect(mermaidText(input)).toBe(expected);
  });

  it('never lets a title break out of its line or its title field', () => {
    const hostile = makeTask({ id: 'H', title: 'a:b;c#d\ngantt\nsection x', startDate: '2025-03-03', dueDate: '2025-03-03' });
    const text = exportToMermaidGantt({ project: { code: 'QC-1', name: 'x' }, tasks: [hostile] });
    const line = text.split('\n').find((l) => l.includes(' t1, '))!;
    expect(text.split('\n')).toEqual(['gantt', '    title QC-1 – x', '    dateFormat YYYY-MM-DD', '    section Tasks', line, '']);
    expect(line.split(':')).toHaveLength(2);
    expect(line.replace(/#\d+;/g, '')).not.toMatch(/[;#%]/);
  });
});
