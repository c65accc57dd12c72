import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { HiringView } from '../../../src-shared/hr/hiring-views';
import { interviewCriteria } from '../../../src-shared/hr/interviews';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { openLab, type SignedInPerson } from '../support/lab-people';
import { fileRequisition, publishHiring, submitAndApprove } from './hiring-lab';
import { value, type Client } from '../tasks/project-fixture';

/**
 * Interviews on a real host and SQLite file: `hr/interviews/schedule` refuses bad input at its field
 * and writes nothing then; it saves one private meeting with the interviewers invited and a draft
 * scorecard each; only that interviewer fills in and submits theirs (the hiring manager and a
 * colleague are refused), submitting needs every criterion scored, and the candidate shows the
 * average of the submitted scorecards.
 */
let host: Host;
let admin: Client;
let hana: SignedInPerson;
let mia: SignedInPerson;
let ivan: SignedInPerson;
let uma: SignedInPerson;
let otto: SignedInPerson;
let candidateId: string;
const password = 'long enough password';
const hiring = async (who: SignedInPerson) => value(await who.client.subscribe('hr/hiring', {}).next<HiringView>());
const scored = (...values: number[]) => values.map((score, i) => ({ criterion: interviewCriteria[i], score }));
const interview = (extra: Record<string, unknown> = {}) => ({ candidateId, interviewerIds: [ivan.id, uma.id], startsAt: '2026-04-08T09:00:00Z', minutes: 60, timeZone: 'Europe/Berlin', place: 'Room 2', ...extra });

beforeAll(async () => {
  let addPerson;
  ({ host, admin, addPerson } = await openLab());
  hana = await addPerson('Hana HR', 'hana@lab.org', ['hr']);
  mia = await addPerson('Mia Manager', 'mia@lab.org', ['member']);
  ivan = await addPerson('Ivan Interviewer', 'ivan@lab.org', ['member']);
  uma = await addPerson('Uma Interviewer', 'uma@lab.org', ['member']);
  otto = await addPerson('Otto Other', 'otto@lab.org', ['member']);
  await publishHiring(admin);
  const { requisition, run } = await fileRequisition(mia);
  await submitAndApprove(mia, hana, run.id, password);
  candidateId = value(await hana.client.call<RecordView>('records/create', { kind: 'candidate', data: { requisitionId: requisition.id, hiringManagerId: mia.id, name: 'Clara Chen' } })).id;
});
afterAll(async () => host?.close());

describe('scheduling an interview', () => {
  it('waits for the interview stage, and refuses bad input at its field', async () => {
    expect(await mia.client.call('hr/interviews/schedule', interview())).toMatchObject({ ok: false, error: { code: 'invalid_state', field: 'candidateId' } });
    value(await mia.client.call('hr/candidates/move', { id: candidateId, to: 'interviews' }));
    expect(await mia.client.call('hr/interviews/schedule', interview({ interviewerIds: [] }))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'interviewerIds' } });
    expect(await mia.client.call('hr/interviews/schedule', interview({ interviewerIds: [ivan.id, ivan.id] }))).toMatchObject({ ok: false, error: { field: 'interviewerIds' } });
    expect(await mia.client.call('hr/interviews/schedule', interview({ interviewerIds: [ivan.id, 'nobody'] }))).toMatchObject({ ok: false, error: { field: 'interviewerIds.1' } });
    expect(await mia.client.call('hr/interviews/schedule', interview({ minutes: 5 }))).toMatchObject({ ok: false, error: { field: 'minutes' } });
    expect(await mia.client.call('hr/interviews/schedule', interview({ startsAt: 'tomorrow' }))).toMatchObject({ ok: false, error: { field: 'startsAt' } });
    expect(await otto.client.call('hr/interviews/schedule', interview())).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await hiring(hana)).scorecards).toEqual([]);
  });

  it('saves a private meeting with the interviewers invited and a draft scorecard each, and refuses a second one for the same interviewer', async () => {
    const { meetingId, scorecardIds } = value(await mia.client.call<{ meetingId: string; scorecardIds: string[] }>('hr/interviews/schedule', interview()));
    expect(scorecardIds).toHaveLength(2);
    const meeting = value(await ivan.client.subscribe('meetings/detail', { id: meetingId }).next<{ title: string; isPrivate: boolean; attendees: { personId?: string }[] }>());
    expect(meeting).toMatchObject({ title: 'Interview: Clara Chen for Analytical chemist', isPrivate: true });
    expect(meeting.attendees.map((a) => a.personId)).toEqual(expect.arrayContaining([ivan.id, uma.id]));
    expect(await otto.client.subscribe('meetings/detail', { id: meetingId }).next()).toMatchObject({ ok: false });
    expect((await hiring(ivan)).scorecards.map((s) => [s.candidateName, s.jobTitle, s.status])).toEqual([['Clara Chen', 'Analytical chemist', 'draft']]);
    expect(await mia.client.call('hr/interviews/schedule', interview({ interviewerIds: [uma.id] }))).toMatchObject({ ok: false, error: { code: 'conflict', field: 'interviewerIds.0' } });
  });
});

describe('scorecards', () => {
  it('are filled in only by their interviewer, and submitted only with every criterion scored', async () => {
    const [ivans] = (await hiring(ivan)).scorecards;
    const data = { scores: scored(4, 5, 4, 3, 4), recommendation: 'hire', summary: 'Strong on HPLC' };
    expect(await mia.client.call('records/update', { id: ivans?.id, data })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await hana.client.call('records/update', { id: ivans?.id, data })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await otto.client.call('records/update', { id: ivans?.id, data })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ivan.client.call('records/update', { id: ivans?.id, data: { ...data, scores: scored(6) } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    value(await ivan.client.call('records/update', { id: ivans?.id, data: { ...data, scores: scored(4, 5) } }));
    expect(await ivan.client.call('records/transition', { id: ivans?.id, to: 'submitted' })).toMatchObject({ ok: false, error: { field: 'data.scores', message: expect.stringContaining('Problem solving, Communication, Teamwork') } });
    value(await ivan.client.call('records/update', { id: ivans?.id, data }));
    value(await ivan.client.call('records/transition', { id: ivans?.id, to: 'submitted' }));
    expect(await ivan.client.call('records/update', { id: ivans?.id, data: { ...data, summary: 'changed' } })).toMatchObject({ ok: false });
  });

  it('shows the candidate every scorecard and the average of those submitted', async () => {
    const [umas] = (await hiring(uma)).scorecards;
    value(await uma.client.call('records/update', { id: umas?.id, data: { scores: scored(3, 3, 3, 3, 3), recommendation: 'no_hire' } }));
    value(await uma.client.call('records/transition', { id: umas?.id, to: 'submitted' }));
    const view = await hiring(mia);
    // Ivan 4.0 (4, 5, 4, 3, 4), Uma 3.0 → 3.5.
    expect(view.candidates[0]?.scorecards).toEqual({ submitted: 2, total: 2, average: 3.5 });
    expect(view.scorecards.map((s) => [s.interviewerName, s.mean, s.recommendationLabel])).toEqual([['Ivan Interviewer', 4, 'Hire'], ['Uma Interviewer', 3, 'No hire']]);
    // Interviewers read their own scorecard only, and never the candidate.
    expect((await hiring(uma)).scorecards.map((s) => s.interviewerName)).toEqual(['Uma Interviewer']);
    expect((await hiring(uma)).candidates).toEqual([]);
  });
});
