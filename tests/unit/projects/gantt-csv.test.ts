import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, exportGanttCsv } from '../../../src-shared/projects/gantt-csv';
import { makeTask } from '../tasks/task-fixtures';

/** A strict RFC 4180 reader, written independently of the exporter. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '"' || c === '\r' || c === '\n') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('last record has no CRLF');
  return rows;
}

// Random code points rarely hit the characters CSV cares about, so half the titles are built from them.
const titleText = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1 }),
  fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', 'é'), minLength: 1 }),
);

describe('Gantt CSV export', () => {
  const tasks = [
    makeTask({ id: 'V2', parentId: 'V', title: 'Precision, n=6', startDate: '2025-03-10', dueDate: '2025-03-12', progress: 0, estimateHours: 12, dependsOn: ['V1'] }),
    makeTask({ id: 'V', title: 'Validation "runs"', startDate: '2025-03-06', dueDate: '2025-03-12', assigneeId: 'u-ana', priority: 'high' }),
    makeTask({ id: 'V1', parentId: 'V', title: 'Linearity', status: 'done', startDate: '2025-03-06', dueDate: '2025-03-07', estimateHours: 4, assigneeId: 'u-zed' }),
    makeTask({ id: 'A', title: '=HYPERLINK("http://evil")', startDate: '2025-03-03', dueDate: '2025-03-05', progress: 40 }),
    makeTask({ id: 'U', title: 'Notes\nsecond line' }),
  ];

  it('writes the plan in outline order with RFC 4180 quoting and CRLF line ends', () => {
    expect(exportGanttCsv({ tasks, people: [{ id: 'u-ana', name: 'Ana Lima' }] })).toBe(
      [
        'id,title,parent_id,assignee,status,priority,start_date,due_date,duration_days,progress,estimate_hours,depends_on',
        `A,"'=HYPERLINK(""http://evil"")",,,todo,medium,2025-03-03,2025-03-05,3,40,,`,
        'V,"Validation ""runs""",,Ana Lima,todo,high,2025-03-06,2025-03-12,7,25,,',
        'V1,Linearity,V,u-zed,done,medium,2025-03-06,2025-03-07,2,100,4,',
        'V2,"Precision, n=6",V,,todo,medium,2025-03-10,2025-03-12,3,0,12,V1',
        'U,"Notes\nsecond line",,,todo,medium,,,,0,,',
        '',
      ].join('\r\n'),
    );
  });

  it('quotes only when needed and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('+1 buffer')).toBe("'+1 buffer");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-80 °C freezer')).toBe("'-80 °C freezer");
    expect(csvField('')).toBe('');
  });

  it('round-trips any title through a strict RFC 4180 reader', () => {
    fc.assert(
      fc.property(fc.array(titleText, { minLength: 1, maxLength: 5 }), (titles) => {
        const rows = parseCsv(exportGanttCsv({ tasks: titles.map((title, i) => makeTask({ id: `t${i}`, title, kanbanRank: 'i' })) }));
        expect(rows).toHaveLength(titles.length + 1);
        rows.slice(1).forEach((row, i) => {
          expect(row).toHaveLength(12);
          const title = titles[i]!;
          expect(row[1]).toBe(/^[=+\-@\t\r]/.test(title) ? `'${title}` : title);
        });
      }),
    );
  });
});
