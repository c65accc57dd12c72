import { describe, expect, it } from 'vitest';
import { candidateKind } from '../../../src-shared/hr/candidate-kind';
import { interviewScorecardKind, meanScore } from '../../../src-shared/hr/interview-scorecard-kind';
import { jobRequisitionKind } from '../../../src-shared/hr/job-requisition-kind';
import { parseData } from '../../../src-shared/records/record-data';
import { checkInvariant } from '../../../src-shared/records/record-invariants';
import { canEditField, checkRecordWrite } from '../../../src-shared/records/record-rules';
import { canReadScope, scopeOfRecord } from '../../../src-shared/records/record-scope';
import { actor, hrRecord, lookupOf } from './hr-fixtures';

const hana = actor('hana', ['hr']);
const mia = actor('mia');
const ivan = actor('ivan');
const otto = actor('otto');
const requisition = (status = 'open') => hrRecord(jobRequisitionKind, 'R1', status, { jobTitle: 'Analytical chemist', hiringManagerId: 'mia', jobDescription: 'HPLC method development' });
const candidate = (status = 'screening', data = {}) => hrRecord(candidateKind, 'C1', status, { requisitionId: 'R1', hiringManagerId: 'mia', name: 'Clara Chen', ...data });
const scorecard = (id = 'S1', interviewerId = 'ivan', data = {}) =>
  hrRecord(interviewScorecardKind, id, 'draft', { candidateId: 'C1', hiringManagerId: 'mia', interviewerId, scores: [{ criterion: 'Chromatography', score: 4 }, { criterion: 'Teamwork', score: 5 }], ...data });
const now = '2026-03-01T10:00:00Z';

describe('hiring', () => {
  it('lets HR and the hiring manager read requisitions and candidates, and nobody else', () => {
    expect([hana, mia, ivan].map((who) => canReadScope(jobRequisitionKind, who, scopeOfRecord(jobRequisitionKind, requisition())))).toEqual([true, true, false]);
    expect([hana, mia, ivan].map((who) => canReadScope(candidateKind, who, scopeOfRecord(candidateKind, candidate())))).toEqual([true, true, false]);
  });

  it('opens a requisition only through the HIRING workflow', () => {
    const opened = { ...requisition('submitted'), status: 'open' };
    expect(checkRecordWrite({ kind: jobRequisitionKind, actor: hana, before: requisition('submitted'), after: opened })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(checkRecordWrite({ kind: jobRequisitionKind, actor: hana, before: requisition('submitted'), after: opened, hasWorkflowMove: (to) => to === 'open' }).ok).toBe(true);
  });

  it('submits a requisition only through the HIRING workflow, which may return it for changes', () => {
    const submitted = { ...requisition('draft'), status: 'submitted' };
    expect(checkRecordWrite({ kind: jobRequisitionKind, actor: mia, before: requisition('draft'), after: submitted })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(checkRecordWrite({ kind: jobRequisitionKind, actor: mia, before: requisition('draft'), after: submitted, hasWorkflowMove: (to) => to === 'submitted' }).ok).toBe(true);
    expect(checkRecordWrite({ kind: jobRequisitionKind, actor: hana, before: requisition('submitted'), after: { ...requisition('submitted'), status: 'draft' }, hasWorkflowMove: (to) => to === 'draft' }).ok).toBe(true);
  });

  it('lets the hiring manager write the job description in the draft and keep it current while open, not once filled', () => {
    expect(canEditField(jobRequisitionKind, mia, requisition('draft'), 'jobDescription')).toBe(true);
    expect(canEditField(jobRequisitionKind, mia, requisition('open'), 'jobDescription')).toBe(true);
    expect(canEditField(jobRequisitionKind, mia, requisition('open'), 'jobTitle')).toBe(false);
    expect(canEditField(jobRequisitionKind, ivan, requisition('draft'), 'jobDescription')).toBe(false);
    expect(canEditField(jobRequisitionKind, mia, requisition('filled'), 'jobDescription')).toBe(false);
  });

  it('refuses a salary range in two currencies or upside down', () => {
    const base = requisition().data;
    expect(parseData(jobRequisitionKind, { ...base, salaryMin: { amountMinor: 6_000_000, currency: 'EUR' }, salaryMax: { amountMinor: 5_000_000, currency: 'EUR' } })).toMatchObject({ ok: false, error: { field: 'data.salaryMax' } });
    expect(parseData(jobRequisitionKind, { ...base, salaryMin: { amountMinor: 5_000_000, currency: 'EUR' }, salaryMax: { amountMinor: 6_000_000, currency: 'USD' } })).toMatchObject({ ok: false });
  });

  it('adds candidates only to an open requisition, with its hiring manager', () => {
    expect(checkInvariant(candidateKind, candidate(), null, lookupOf([requisition()]), now, 'hana')).toBeNull();
    expect(checkInvariant(candidateKind, candidate(), null, lookupOf([requisition('draft')]), now, 'hana')).toMatchObject({ message: 'Candidates can be added only while the requisition is open.' });
    expect(checkInvariant(candidateKind, candidate('screening', { hiringManagerId: 'otto' }), null, lookupOf([requisition()]), now, 'otto')).toMatchObject({ field: 'data.hiringManagerId' });
  });

  it('rejects a candidate only with a reason and hires only with the person created', () => {
    expect(checkRecordWrite({ kind: candidateKind, actor: mia, before: candidate('interviews'), after: { ...candidate('interviews'), status: 'rejected' } })).toMatchObject({ ok: false, error: { field: 'data.rejectionReason' } });
    expect(checkRecordWrite({ kind: candidateKind, actor: hana, before: candidate('offer'), after: { ...candidate('offer'), status: 'hired' } })).toMatchObject({ ok: false, error: { field: 'data.hiredPersonId' } });
    const withPerson = candidate('offer', { hiredPersonId: 'clara' });
    expect(checkRecordWrite({ kind: candidateKind, actor: mia, before: withPerson, after: { ...withPerson, status: 'hired' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(checkRecordWrite({ kind: candidateKind, actor: hana, before: withPerson, after: { ...withPerson, status: 'hired' } }).ok).toBe(true);
  });

  it('shows a scorecard to its interviewer, HR and the hiring manager — not to another interviewer — and one per interviewer', () => {
    expect([hana, mia, ivan, otto].map((who) => canReadScope(interviewScorecardKind, who, scopeOfRecord(interviewScorecardKind, scorecard())))).toEqual([true, true, true, false]);
    expect(checkInvariant(interviewScorecardKind, scorecard('S2'), null, lookupOf([candidate('interviews'), scorecard()]), now, 'hana')).toMatchObject({ field: 'data.interviewerId' });
    expect(checkInvariant(interviewScorecardKind, scorecard('S2', 'otto'), null, lookupOf([candidate('interviews'), scorecard()]), now, 'hana')).toBeNull();
    expect(meanScore({ scores: [{ criterion: 'a', score: 4, comment: '' }, { criterion: 'b', score: 5, comment: '' }] })).toBe(4.5);
  });

  it('lets only the interviewer fill in and submit their scorecard, with a recommendation', () => {
    const filled = hrRecord(interviewScorecardKind, 'S1', 'draft', { ...scorecard().data, summary: 'Strong on HPLC' });
    expect(checkRecordWrite({ kind: interviewScorecardKind, actor: mia, before: scorecard(), after: filled })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(checkRecordWrite({ kind: interviewScorecardKind, actor: ivan, before: scorecard(), after: filled }).ok).toBe(true);
    expect(checkRecordWrite({ kind: interviewScorecardKind, actor: ivan, before: scorecard(), after: { ...scorecard(), status: 'submitted' } })).toMatchObject({ ok: false, error: { field: 'data.recommendation' } });
  });
});
