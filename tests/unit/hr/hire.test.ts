import { describe, expect, it } from 'vitest';
import { candidateKind } from '../../../src-shared/hr/candidate-kind';
import { employeeFromHire, hiredPersonIdOf, hireRefusal } from '../../../src-shared/hr/hire';
import { jobRequisitionKind } from '../../../src-shared/hr/job-requisition-kind';

const candidate = (status: string, data: Record<string, unknown> = {}) => ({
  id: 'CAN-1',
  status,
  data: candidateKind.data.parse({ requisitionId: 'REQ-1', hiringManagerId: 'P-BOSS', name: 'Nia New', offerStartDate: '2026-03-09', ...data }),
});
const post = jobRequisitionKind.data.parse({ jobTitle: 'Lab technician', departmentId: 'QC', hiringManagerId: 'P-BOSS', employmentType: 'fixed_term', location: 'Lyon', wantedStartDate: '2026-04-01' });

describe('hire', () => {
  it('takes the post from the requisition and the start from the offer', () => {
    expect(employeeFromHire('P-NEW', candidate('offer').data, post)).toEqual({
      data: { personId: 'P-NEW', jobTitle: 'Lab technician', departmentId: 'QC', managerId: 'P-BOSS', startDate: '2026-03-09', employmentType: 'fixed_term', location: 'Lyon' },
    });
    expect(employeeFromHire('P-NEW', candidate('offer', { offerStartDate: '' }).data, post)).toMatchObject({ data: { startDate: '2026-04-01' } });
  });

  it('needs a start date from the offer or the requisition', () => {
    expect(employeeFromHire('P-NEW', candidate('offer', { offerStartDate: '' }).data, { ...post, wantedStartDate: '' })).toMatchObject({ error: { field: 'offerStartDate' } });
  });

  it('is for a candidate at the offer only, and refused a second time naming the person', () => {
    expect(hireRefusal(candidate('offer'), null)).toBeNull();
    expect(hireRefusal(candidate('interviews'), null)).toMatchObject({ code: 'invalid_state' });
    expect(hireRefusal(candidate('hired', { hiredPersonId: 'P-NEW' }), 'Nia New')).toMatchObject({ code: 'already_exists', message: expect.stringContaining('Nia New was created by the first Hire') });
  });

  it('gives one candidate one person id', () => {
    expect(hiredPersonIdOf('CAN-1')).toBe(hiredPersonIdOf('CAN-1'));
    expect(hiredPersonIdOf('x'.repeat(40)).length).toBe(40);
  });
});
