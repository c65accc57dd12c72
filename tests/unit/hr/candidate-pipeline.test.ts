import { describe, expect, it } from 'vitest';
import { candidateMove } from '../../../src-shared/hr/candidate-pipeline';
import { hiringView, scorecardAverage } from '../../../src-shared/hr/hiring-views';

const scores = (...values: number[]) => ({ scores: values.map((score, i) => ({ criterion: `c${i}`, score, comment: '' })) });

describe('the hiring board', () => {
  it('moves a candidate forward one stage at a time', () => {
    expect(candidateMove('screening', 'interviews')).toEqual({ ok: true, value: { to: 'interviews', data: {} } });
    expect(candidateMove('interviews', 'offer')).toEqual({ ok: true, value: { to: 'offer', data: {} } });
    expect(candidateMove('screening', 'offer')).toMatchObject({ ok: false, error: { code: 'invalid_state', message: 'Move the candidate one stage at a time: interviews comes first.' } });
  });

  it('never moves a candidate back, nor out of hired or rejected', () => {
    expect(candidateMove('offer', 'screening')).toMatchObject({ ok: false, error: { message: 'A candidate does not move back to screening; reject them with a reason instead.' } });
    expect(candidateMove('rejected', 'screening')).toMatchObject({ ok: false, error: { message: expect.stringContaining('add them as a new candidate') } });
    expect(candidateMove('hired', 'rejected', 'changed our mind')).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(candidateMove('offer', 'offer')).toMatchObject({ ok: false, error: { message: 'The candidate is already at offer.' } });
  });

  it('rejects from any open stage only with a reason, which it writes', () => {
    for (const from of ['screening', 'interviews', 'offer']) {
      expect(candidateMove(from, 'rejected', '  No HPLC experience ')).toEqual({ ok: true, value: { to: 'rejected', data: { rejectionReason: 'No HPLC experience' } } });
      expect(candidateMove(from, 'rejected', '   ')).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reason' } });
    }
  });

  it('hires only from the offer, never by a drop, and knows no other stage', () => {
    expect(candidateMove('offer', 'hired')).toMatchObject({ ok: false, error: { message: expect.stringContaining('Hire a candidate from their offer') } });
    expect(candidateMove('screening', 'shortlist')).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'to' } });
  });
});

describe('scorecard averages', () => {
  it('averages the submitted scorecards\u2019 means to one decimal, leaving drafts out', () => {
    expect(scorecardAverage([])).toBeNull();
    expect(scorecardAverage([{ status: 'draft', data: scores(5, 5) }])).toBeNull();
    // Means 4.5 and 3.3 (3, 3, 4) → 3.9; the draft's 1 is not counted.
    expect(scorecardAverage([{ status: 'submitted', data: scores(4, 5) }, { status: 'submitted', data: scores(3, 3, 4) }, { status: 'draft', data: scores(1) }])).toBe(3.9);
    expect(scorecardAverage([{ status: 'submitted', data: scores() }, { status: 'submitted', data: scores(2) }])).toBe(2);
  });

  it('puts each candidate\u2019s count and average on their card and counts candidates per stage on the requisition', () => {
    const view = hiringView({
      requisitions: [{ id: 'R1', number: 'REQ-2026-0001', status: 'open', statusLabel: 'Open', data: { jobTitle: 'Chemist', hiringManagerId: 'mia', headcount: 1, wantedStartDate: '' } }],
      candidates: [
        { id: 'C1', number: 'CAN-2026-0001', status: 'interviews', data: { requisitionId: 'R1', name: 'Clara', source: 'referral', email: '', rejectionReason: '' } },
        { id: 'C2', number: 'CAN-2026-0002', status: 'rejected', data: { requisitionId: 'R1', name: 'Bert', source: 'agency', email: '', rejectionReason: 'No GMP' } },
      ],
      scorecards: [
        { id: 'S1', status: 'submitted', data: { candidateId: 'C1', interviewerId: 'ivan', ...scores(4, 4) } },
        { id: 'S2', status: 'draft', data: { candidateId: 'C1', interviewerId: 'uma', ...scores() } },
      ],
      nameOf: (id) => (id === 'mia' ? 'Lise Meitner' : id),
    });
    expect(view.candidates.map((c) => [c.name, c.stageLabel, c.sourceLabel, c.scorecards])).toEqual([
      ['Bert', 'Rejected', 'Agency', { submitted: 0, total: 0, average: null }],
      ['Clara', 'Interviews', 'Referral', { submitted: 1, total: 2, average: 4 }],
    ]);
    expect(view.requisitions[0]).toMatchObject({ hiringManagerName: 'Lise Meitner', candidatesAt: { screening: 0, interviews: 1, offer: 0, hired: 0, rejected: 1 } });
  });
});
