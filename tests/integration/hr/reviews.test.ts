import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { ReviewRow } from '../../../src-shared/hr/review-contract';
import type { RecordView } from '../../../src-shared/records/record-contract';
import type { SignedInPerson } from '../support/lab-people';
import { openHrLab } from './hr-lab';
import { value } from '../tasks/project-fixture';

/**
 * A performance review on a real host: HR starts the 2026 cycle from a template; Max rates himself
 * and hands it on, Olga (his manager by his employee record) rates, schedules the meeting through the
 * meetings module, marks it discussed; both sign with their passwords and the second signature
 * completes it. Bad input, wrong passwords and the wrong people are refused.
 */
let host: Host;
let hana: SignedInPerson;
let max: SignedInPerson;
let olga: SignedInPerson;
let otto: SignedInPerson;
const password = 'long enough password';

beforeAll(async () => {
  ({ host, hana, max, olga, otto } = await openHrLab());
});
afterAll(async () => host?.close());

const template = { competencies: ['Good laboratory practice'], goals: [{ title: 'Validate the HPLC method', weight: 60 }, { title: 'Train two colleagues', weight: 40 }] };
const reviewsOf = async (who: SignedInPerson) => value(await who.client.subscribe('hr/reviews', {}).next<ReviewRow[]>());

describe('a review cycle', () => {
  it('is started by HR only, from a valid template', async () => {
    const input = { cycle: '2026', dueDate: '2026-12-15', personIds: [max.id], ...template };
    expect(await max.client.call('hr/reviews/start-cycle', input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await hana.client.call('hr/reviews/start-cycle', { ...input, cycle: '2026-H1' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'cycle' } });
    expect(await hana.client.call('hr/reviews/start-cycle', { ...input, goals: [{ title: 'Only', weight: 50 }] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'goals' } });
    expect(await hana.client.call('hr/reviews/start-cycle', { ...input, personIds: ['nobody'] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'personIds' } });
    expect(value(await hana.client.call('hr/reviews/start-cycle', input))).toEqual({ created: 1, skipped: 0 });
    expect(value(await hana.client.call('hr/reviews/start-cycle', { ...input, personIds: [max.id, otto.id] }))).toEqual({ created: 1, skipped: 1 });
  });

  it('is read by the person, their manager and HR only', async () => {
    expect((await reviewsOf(max)).map((r) => [r.personName, r.role, r.statusLabel])).toEqual([['Max Member', 'self', 'Self review']]);
    expect((await reviewsOf(olga)).map((r) => [r.personName, r.role])).toEqual([['Max Member', 'manager']]);
    expect((await reviewsOf(otto)).map((r) => r.personName)).toEqual(['Otto Other']);
    expect((await reviewsOf(hana)).map((r) => r.personName)).toEqual(['Max Member', 'Otto Other']);
  });
});

describe('a review', () => {
  it('goes from self review to the manager, a linked meeting, and two e-signatures', async () => {
    const review = (await reviewsOf(max))[0]!;
    const rated = (rating: 'selfRating' | 'managerRating', values: number[]) => review.goals.map((g, i) => ({ ...g, [rating]: values[i] }));
    // The goals are written as a whole: Max's write may not carry his manager's ratings.
    expect(await max.client.call('records/update', { id: review.id, data: { goals: rated('managerRating', [5, 5]) } })).toMatchObject({ ok: false, error: { field: 'data.goals' } });
    value(await max.client.call('records/update', { id: review.id, data: { goals: rated('selfRating', [4, 4]), selfComments: 'A good year.' } }));
    expect(await olga.client.call('records/transition', { id: review.id, to: 'manager_review' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    value(await max.client.call('records/transition', { id: review.id, to: 'manager_review' }));
    expect(await max.client.call('records/update', { id: review.id, data: { selfComments: 'Changed my mind.' } })).toMatchObject({ ok: false });

    const withSelf = (await reviewsOf(olga))[0]!;
    value(await olga.client.call('records/update', { id: review.id, data: { goals: withSelf.goals.map((g, i) => ({ ...g, managerRating: [5, 3][i] })), managerComments: 'Agreed, mostly.' } }));
    value(await olga.client.call('records/transition', { id: review.id, to: 'meeting' }));
    // Discussed only once the meeting is linked.
    expect(await olga.client.call('records/transition', { id: review.id, to: 'sign_off' })).toMatchObject({ ok: false, error: { field: 'data.meetingId' } });
    const meeting = value(await olga.client.call<{ id: string }>('meetings/create', {
      title: 'Performance review 2026: Max Member', type: 'one_to_one', startsAt: '2026-04-10T09:00:00.000Z', endsAt: '2026-04-10T10:00:00.000Z', timeZone: 'UTC',
      recordId: review.id, isPrivate: true, attendees: [{ personId: max.id }],
    }));
    value(await olga.client.call('records/update', { id: review.id, data: { meetingId: meeting.id } }));
    value(await olga.client.call('records/transition', { id: review.id, to: 'sign_off' }));

    expect(await otto.client.call('hr/reviews/sign', { id: review.id, password })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await hana.client.call('hr/reviews/sign', { id: review.id, password })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await max.client.call('hr/reviews/sign', { id: review.id, password: 'wrong password' })).toMatchObject({ ok: false, error: { code: 'signature_invalid', field: 'password' } });
    expect(await max.client.call('hr/reviews/sign', { id: review.id, password: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'password' } });
    const first = value(await max.client.call<RecordView>('hr/reviews/sign', { id: review.id, password }));
    expect(first).toMatchObject({ status: 'sign_off', data: { employeeSignatureId: expect.stringMatching(/^sig-/), managerSignatureId: '' } });
    expect(await max.client.call('hr/reviews/sign', { id: review.id, password })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const done = value(await olga.client.call<RecordView>('hr/reviews/sign', { id: review.id, password }));
    expect(done.status).toBe('signed');
    expect((await reviewsOf(max))[0]).toMatchObject({ statusLabel: 'Signed', isEmployeeSigned: true, isManagerSigned: true, score: 4.2 });
  });
});
