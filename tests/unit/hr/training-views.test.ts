import { describe, expect, it } from 'vitest';
import { filterMatrix, matrixCsv, trainingOverview, type TrainingSources } from '../../../src-shared/hr/training-views';

const course = (id: string, title: string, data: Record<string, unknown> = {}, status = 'active') => ({
  id, number: id, status, statusLabel: status === 'active' ? 'Active' : 'Retired',
  data: { title, description: '', validityMonths: 12, requiredForRoles: [], requiredForEquipmentIds: [], methods: [], programme: '', ...data },
});
const employee = (personId: string) => ({ id: `EMP-${personId}`, status: 'active', data: { personId } });
const completion = (personId: string, courseId: string, completedOn: string, expiresOn: string, status = 'recorded') => ({ id: `C-${personId}-${courseId}-${completedOn}`, status, data: { personId, courseId, completedOn, expiresOn } });
const directory: Record<string, { name: string; roles: string[]; departmentId: string; departmentName: string }> = {
  ana: { name: 'Ana Analyst', roles: ['member'], departmentId: 'QC', departmentName: 'Quality control' },
  ben: { name: 'Ben Biologist', roles: ['member', 'trainer'], departmentId: 'RD', departmentName: 'Research' },
  cem: { name: 'Cem Chemist', roles: ['guest'], departmentId: 'QC', departmentName: 'Quality control' },
};

const sources: TrainingSources = {
  employees: [employee('ana'), employee('ben'), employee('cem')],
  courses: [
    course('GMP', 'GMP basics', { requiredForRoles: ['member'] }),
    course('HPLC', 'HPLC operation', { requiredForEquipmentIds: ['EQ-1'], methods: ['SOP-HPLC-012'] }),
    course('OLD', 'Old course', { requiredForRoles: ['member'] }, 'retired'),
  ],
  sessions: [{ id: 'S-1', status: 'planned', statusLabel: 'Planned', data: { courseId: 'GMP', date: '2026-07-01', trainerId: 'ben', place: 'Room 2', capacity: 8, enrolledIds: ['ana'] } }],
  completions: [
    completion('ana', 'GMP', '2025-06-20', '2026-06-19'), // expiring on 1 June 2026
    completion('ben', 'GMP', '2025-01-10', '2026-01-09'), // expired
    completion('ben', 'GMP', '2026-05-01', '2027-04-30', 'withdrawn'), // withdrawn: does not count
    completion('cem', 'HPLC', '2026-02-01', '2027-01-31'),
  ],
  instruments: [{ id: 'EQ-1', name: 'HPLC 1', authorisedUserIds: ['cem', 'ana'] }],
  person: (id) => directory[id] ?? { name: id, roles: [], departmentId: '', departmentName: '' },
};

describe('the training overview', () => {
  const overview = trainingOverview(sources, '2026-06-01');

  it('puts each person against the trainings their roles and instruments require, with the state and last valid day', () => {
    expect(overview.matrix.columns).toEqual([{ id: 'GMP', title: 'GMP basics' }, { id: 'HPLC', title: 'HPLC operation' }]);
    expect(overview.matrix.rows.map((r) => [r.personName, r.cells])).toEqual([
      ['Ana Analyst', { GMP: { state: 'expiring', expiresOn: '2026-06-19' }, HPLC: { state: 'missing', expiresOn: '' } }],
      ['Ben Biologist', { GMP: { state: 'expired', expiresOn: '2026-01-09' } }],
      ['Cem Chemist', { HPLC: { state: 'valid', expiresOn: '2027-01-31' } }],
    ]);
  });

  it('lists courses by title with whom they are required of, and sessions with who is enrolled', () => {
    expect(overview.courses.map((c) => c.title)).toEqual(['GMP basics', 'HPLC operation', 'Old course']);
    expect(overview.courses[1]).toMatchObject({ instruments: [{ id: 'EQ-1', name: 'HPLC 1' }], methods: ['SOP-HPLC-012'] });
    expect(overview.courses[0]?.sessions).toEqual([{ id: 'S-1', courseId: 'GMP', date: '2026-07-01', trainerName: 'Ben Biologist', place: 'Room 2', capacity: 8, enrolled: [{ id: 'ana', name: 'Ana Analyst' }], status: 'planned', statusLabel: 'Planned' }]);
  });

  it('narrows by department and by role, dropping columns nobody left needs', () => {
    const qc = filterMatrix(overview.matrix, { departmentId: 'QC', role: '' });
    expect(qc.rows.map((r) => r.personName)).toEqual(['Ana Analyst', 'Cem Chemist']);
    const guests = filterMatrix(overview.matrix, { departmentId: '', role: 'guest' });
    expect(guests).toEqual({ columns: [{ id: 'HPLC', title: 'HPLC operation' }], rows: [overview.matrix.rows[2]] });
    expect(filterMatrix(overview.matrix, { departmentId: 'RD', role: 'guest' })).toEqual({ columns: [], rows: [] });
  });

  it('exports what is shown as CSV, one line per person', () => {
    const csv = matrixCsv(overview.matrix, (d) => `day ${d}`);
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'Person,Department,GMP basics,HPLC operation',
      'Ana Analyst,Quality control,Expiring (until day 2026-06-19),Missing',
      'Ben Biologist,Research,Expired (until day 2026-01-09),Not required',
      'Cem Chemist,Quality control,Not required,Valid (until day 2027-01-31)',
      '',
    ]);
  });

  it('defuses a name a spreadsheet would run as a formula', () => {
    const hostile = trainingOverview({ ...sources, person: (id) => ({ ...(directory[id] ?? directory.ana!), name: id === 'ana' ? '=HYPERLINK("x")' : (directory[id]?.name ?? id) }) }, '2026-06-01');
    expect(matrixCsv(hostile.matrix, (d) => d)).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
