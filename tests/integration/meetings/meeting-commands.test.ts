import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { MeetingDetail, SaveMeetingResult } from '../../../src-shared/meetings/meeting-views';
import { instantOfLocal } from '../../../src-shared/meetings/time-zones';
import { tempDataDir } from '../support/sqlite-host';
import { addPerson, entriesOf, manualClock, openNotificationHost, signIn, signInAdmin } from '../notifications/support';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const berlin = (date: string, time: string) => instantOfLocal(date, time, 'Europe/Berlin');

async function setUp() {
  const clock = manualClock('2026-03-10T08:00:00.000Z');
  host = await openNotificationHost(tempDataDir(), { clock: clock.clock });
  const admin = await signInAdmin(host);
  const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
  const carolId = await addPerson(admin.client, 'Carol Chen', 'carol@lab.org');
  const bob = await signIn(host, 'bob@lab.org');
  const carol = await signIn(host, 'carol@lab.org');
  return { clock, admin, bob, bobId, carol, carolId };
}

const ok = <T>(result: { ok: boolean; value?: unknown; error?: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error?.message);
  return result.value as T;
};

describe('meeting commands on a real host', () => {
  it('schedules a weekly series, answers, plans an occurrence, takes and publishes minutes, and versions them', async () => {
    const { admin, bob, bobId, carolId, carol } = await setUp();
    const created = ok<SaveMeetingResult>(
      await admin.client.call('meetings/create', {
        title: 'Weekly QA meeting',
        type: 'qa_review',
        startsAt: berlin('2026-03-16', '10:00'),
        endsAt: berlin('2026-03-16', '11:00'),
        timeZone: 'Europe/Berlin',
        place: 'Lab 2',
        attendees: [{ personId: bobId }, { personId: carolId, role: 'optional' }, { email: 'guest@partner.org', name: 'Gus Guest' }],
        minuteTakerIds: [carolId],
        recurrence: { frequency: 'weekly', interval: 1, weekdays: [], end: { type: 'count', count: 6 } },
        agenda: [{ title: 'Open deviations', minutes: 20 }],
      }),
    );
    expect(created.clashes).toEqual([]);
    // Bob is invited in the app.
    const invitation = (await entriesOf(host!, bobId)).find((e) => e.event === 'meeting_scheduled');
    expect(invitation?.subject).toBe('Invitation: Weekly QA meeting');

    // The third occurrence is after the change to summer time: still 10:00 in Berlin.
    const list = ok<{ id: string; startsAt: string }[]>(await bob.subscribe('meetings/list', { from: '2026-03-01T00:00:00Z', to: '2026-05-01T00:00:00Z' }).next());
    expect(list.map((r) => r.startsAt)).toEqual(['2026-03-16T09:00:00.000Z', '2026-03-23T09:00:00.000Z', '2026-03-30T08:00:00.000Z', '2026-04-06T08:00:00.000Z', '2026-04-13T08:00:00.000Z', '2026-04-20T08:00:00.000Z']);
    const first = list[0]!.id;
    expect(first).toMatch(/_/);

    expect(ok(await bob.call('meetings/respond', { id: first, response: 'accepted', scope: 'series' }))).toMatchObject({ id: created.id });
    ok(await admin.client.call('meetings/agenda/add', { id: first, title: 'Calibration results', minutes: 50 }));
    const detail = ok<MeetingDetail>(await admin.client.subscribe('meetings/detail', { id: first }).next());
    expect(detail.agenda.map((i) => i.title)).toEqual(['Open deviations', 'Calibration results']);
    expect(detail.timing).toMatchObject({ totalMinutes: 70, meetingMinutes: 60, isOver: true });
    expect(detail.myResponse).toBe('accepted');
    expect(detail.attendees.find((a) => a.personId === bobId)?.response).toBe('accepted');

    // Bob may not change the meeting or take minutes; Carol (minute-taker) may.
    expect(await bob.call('meetings/update', { id: first, title: 'Mine now' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await bob.call('meetings/minutes/summary', { id: first, summary: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ok(await carol.call('meetings/minutes/attendance', { id: first, attendeeKey: bobId, mark: 'present' }));
    ok(await carol.call('meetings/minutes/notes', { id: first, itemId: detail.agenda[0]!.id, notes: 'Two deviations still open.' }));
    ok(await carol.call('meetings/decisions/add', { id: first, text: 'Recalibrate balance B-12.' }));
    const { actionId } = ok<{ actionId: string }>(await carol.call('meetings/actions/add', { id: first, description: 'Recalibrate B-12', ownerId: bobId, dueDate: '2026-03-20' }));
    const published = ok<{ version: number }>(await carol.call('meetings/minutes/publish', { id: first }));
    expect(published.version).toBe(1);
    expect((await entriesOf(host!, bobId)).some((e) => e.event === 'meeting_minutes')).toBe(true);
    // Publishing again without a change is refused; a correction needs a note.
    expect(await carol.call('meetings/minutes/publish', { id: first })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    ok(await carol.call('meetings/minutes/summary', { id: first, summary: 'Corrected the owner.' }));
    expect(await carol.call('meetings/minutes/publish', { id: first })).toMatchObject({ ok: false, error: { field: 'changeNote' } });
    expect(ok<{ version: number }>(await carol.call('meetings/minutes/publish', { id: first, changeNote: 'Added a summary.' })).version).toBe(2);

    // Bob signs version 1 off with his password; a wrong one signs nothing.
    expect(await bob.call('meetings/minutes/sign', { id: first, version: 1, meaning: 'approved', password: 'wrong password!' })).toMatchObject({ ok: false, error: { code: 'signature_invalid' } });
    // The refused attempt is kept with the meeting (DESIGN.md §6), without the password.
    const refused = await host!.db.activity.find({ selector: { kind: 'signature_refused', subjectId: first } }).exec();
    expect(refused.map((d) => d.get('data'))).toEqual([{ meaning: 'approved', what: expect.stringMatching(/^Minutes version 1 of “/) }]);
    ok(await bob.call('meetings/minutes/sign', { id: first, version: 1, meaning: 'approved', password: 'long enough password' }));
    const pdf = ok<{ filename: string; base64: string }>(await bob.call('meetings/minutes/pdf', { id: first, version: 1 }));
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    // The action item becomes Bob's task (in his inbox), and follows the task's status.
    const made = ok<{ taskId: string; projectId: string }>(await carol.call('meetings/actions/make-task', { id: first, actionId }));
    ok(await bob.call('tasks/set-status', { id: made.taskId, status: 'in_progress' }));
    const after = ok<MeetingDetail>(await bob.subscribe('meetings/detail', { id: first }).next());
    expect(after.actionItems[0]).toMatchObject({ status: 'in_progress', task: { id: made.taskId } });
    expect(ok<{ id: string }[]>(await bob.subscribe('meetings/for-task', { taskId: made.taskId }).next())[0]?.id).toBe(first);
    expect(after.versions.map((v) => [v.version, v.signoffs.length])).toEqual([[1, 1], [2, 0]]);

    // The next meeting of the series lists the open action item.
    const second = list[1]!.id;
    const next = ok<MeetingDetail>(await bob.subscribe('meetings/detail', { id: second }).next());
    expect(next.carriedActionItems.map((a) => [a.description, a.status])).toEqual([['Recalibrate B-12', 'in_progress']]);
  });

  it('links a meeting to a project that exists, refuses one that does not, and unlinks it', async () => {
    const { admin, bobId } = await setUp();
    const project = ok<{ id: string }>(await admin.client.call('projects/create', { code: 'STAB-1', name: 'Stability study' }));
    const base = { title: 'Stability review', type: 'project_review', timeZone: 'Europe/Berlin', startsAt: berlin('2026-03-18', '14:00'), endsAt: berlin('2026-03-18', '15:00'), attendees: [{ personId: bobId }] };
    expect(await admin.client.call('meetings/create', { ...base, projectId: 'P-NOWHERE' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'projectId', message: 'Choose a project that exists and is not archived.' } });
    const created = ok<SaveMeetingResult>(await admin.client.call('meetings/create', { ...base, projectId: project.id }));
    const detail = async () => ok<MeetingDetail>(await admin.client.subscribe('meetings/detail', { id: created.id }).next());
    expect(await detail()).toMatchObject({ projectId: project.id, projectName: 'Stability study' });
    expect(await admin.client.call('meetings/update', { id: created.id, scope: 'occurrence', projectId: 'P-NOWHERE' })).toMatchObject({ ok: false, error: { field: 'projectId' } });
    ok(await admin.client.call('meetings/update', { id: created.id, scope: 'occurrence', projectId: null }));
    expect((await detail()).projectId).toBeUndefined();
  });

  it('refuses a room booked twice and warns about people busy elsewhere', async () => {
    const { admin, bobId } = await setUp();
    const room = ok<{ id: string }>(await admin.client.call('records/create', { kind: 'meeting_room', data: { name: 'Curie room', capacity: 8, place: 'Building A' } }));
    const base = { type: 'project_review', timeZone: 'Europe/Berlin', attendees: [{ personId: bobId }] };
    ok(await admin.client.call('meetings/create', { ...base, title: 'First', startsAt: berlin('2026-03-17', '09:00'), endsAt: berlin('2026-03-17', '10:00'), roomId: room.id }));
    const clash = await admin.client.call('meetings/create', { ...base, title: 'Second', startsAt: berlin('2026-03-17', '09:30'), endsAt: berlin('2026-03-17', '10:30'), roomId: room.id });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict', field: 'roomId' } });
    const warned = ok<SaveMeetingResult>(await admin.client.call('meetings/create', { ...base, title: 'Third', startsAt: berlin('2026-03-17', '09:30'), endsAt: berlin('2026-03-17', '10:30') }));
    expect(warned.clashes.map((c) => [c.kind, c.whoId, c.title])).toEqual(
      expect.arrayContaining([
        ['person', bobId, 'First'],
      ]),
    );
  });
});
