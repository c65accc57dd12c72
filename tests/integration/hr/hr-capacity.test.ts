import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { HolidayCalendarView } from '../../../src-shared/hr/holiday-calendar';
import type { UtilisationView } from '../../../src-shared/projects/plan-views';
import type { RecordView } from '../../../src-shared/records/record-contract';
import type { InstanceSummaryView, MyWorkItemView, PublishResultView } from '../../../src-shared/workflows/workflow-contract';
import { openLab, type SignedInPerson } from '../support/lab-people';
import { value, type Client } from '../tasks/project-fixture';
import { cid } from '../workflows/workflow-fixtures';

/**
 * Public holidays and approved leave on a real host and SQLite file (the clock stands at 1 April
 * 2026): HR keeps a location's holidays (`hr/holiday-calendars`, public), the projects' utilisation
 * counts each person's working pattern less those holidays and less approved leave — as far as the
 * asker may read them — and a workflow's working calendar that names the location gets its holidays
 * when published. Bad input is refused with the field.
 */
let host: Host;
let admin: Client;
let hana: SignedInPerson;
let max: SignedInPerson;
let olga: SignedInPerson;
let otto: SignedInPerson;
let berlinId = '';

/** The next answer of a live query that satisfies `isWanted` (it answers again on every change). */
async function until<T>(query: ReturnType<Client['subscribe']>, isWanted: (value: T) => boolean): Promise<T> {
  for (;;) {
    const answer = value(await query.next<T>());
    if (isWanted(answer)) return answer;
  }
}
/** Max's capacity per ISO week from 27 April to 10 May 2026 as `asker` sees it. */
const weeksSeenBy = async (asker: SignedInPerson) =>
  value(await asker.client.subscribe('utilisation/team', { personIds: [max.id], start: '2026-04-27', end: '2026-05-10' }).next<UtilisationView>()).utilisation.people[0]?.weeks.map((w) => w.capacityHours);

beforeAll(async () => {
  let addPerson;
  ({ host, admin, addPerson } = await openLab());
  hana = await addPerson('Hana HR', 'hana@lab.org', ['hr']);
  max = await addPerson('Max Member', 'max@lab.org', ['member']);
  olga = await addPerson('Olga Lead', 'olga@lab.org', ['member']);
  otto = await addPerson('Otto Other', 'otto@lab.org', ['member']);
  value(await admin.call('workflows/definitions/create', { commandId: cid(), source: { kind: 'template', templateCode: 'LEAVE_REQUEST' } }));
  value(await admin.call('workflows/definitions/publish', { commandId: cid(), code: 'LEAVE_REQUEST' }));
});
afterAll(async () => host?.close());

describe('public holiday calendars', () => {
  it('are kept by HR and read by everyone, holidays in date order', async () => {
    const created = value(await hana.client.call<RecordView>('records/create', { kind: 'holiday_calendar', data: { location: 'Berlin', holidays: [
      { date: '2026-05-14', name: 'Ascension Day' },
      { date: '2026-05-01', name: 'Labour Day' },
    ] } }));
    berlinId = created.id;
    value(await hana.client.call('records/update', { id: berlinId, data: { holidays: [
      { date: '2026-05-01', name: 'Labour Day', isHalfDay: false },
      { date: '2026-05-14', name: 'Ascension Day', isHalfDay: false },
      { date: '2026-04-30', name: 'Walpurgis Night', isHalfDay: true },
    ] } }));
    const seen = await until<HolidayCalendarView[]>(otto.client.subscribe('hr/holiday-calendars', {}), (c) => c[0]?.holidays.length === 3);
    expect(seen).toEqual([{ id: berlinId, location: 'Berlin', holidays: [
      { date: '2026-04-30', name: 'Walpurgis Night', isHalfDay: true },
      { date: '2026-05-01', name: 'Labour Day', isHalfDay: false },
      { date: '2026-05-14', name: 'Ascension Day', isHalfDay: false },
    ] }]);
  });

  it('refuses bad days, a date listed twice, a second calendar for a location, and anyone but HR', async () => {
    expect(await hana.client.call('records/update', { id: berlinId, data: { holidays: [{ date: '2026-13-01', name: 'Nowhere day' }] } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await hana.client.call('records/update', { id: berlinId, data: { holidays: [{ date: '2026-05-01', name: '' }] } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await hana.client.call('records/update', { id: berlinId, data: { holidays: [{ date: '2026-05-01', name: 'A' }, { date: '2026-05-01', name: 'B' }] } })).toMatchObject({
      ok: false, error: { code: 'invalid_input', message: expect.stringContaining('listed twice') },
    });
    expect(await hana.client.call('records/create', { kind: 'holiday_calendar', data: { location: 'berlin' } })).toMatchObject({ ok: false, error: { field: 'data.location' } });
    expect(await otto.client.call('records/update', { id: berlinId, data: { holidays: [] } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await otto.client.subscribe('hr/holiday-calendars', 'all').next()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('capacity in the projects’ utilisation', () => {
  it('follows the employee record: working pattern less the location’s holidays', async () => {
    expect(await weeksSeenBy(olga)).toEqual([40, 40]);
    // Mon–Thu 8 h, Friday 4 h; Berlin: Thursday 30 April from noon, Friday 1 May off.
    value(await hana.client.call('records/create', { kind: 'employee', data: {
      personId: max.id, jobTitle: 'Lab technician', managerId: olga.id, startDate: '2025-01-01', location: 'Berlin', workingPattern: [8, 8, 8, 8, 4, 0, 0],
    } }));
    expect(await weeksSeenBy(olga)).toEqual([8 * 3 + 4, 36]);
  });

  it('drops by approved leave only, and only for those who may read that leave', async () => {
    const leave = value(await max.client.call<RecordView>('records/create', { kind: 'leave_request', data: { personId: max.id, leaveType: 'annual', startDate: '2026-05-05', endDate: '2026-05-06', days: 2 } }));
    const started = value(await max.client.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'LEAVE_REQUEST', entityType: 'leave_request', entityId: leave.id }));
    const advance = (client: Client, action: string, extra: Record<string, unknown> = {}) =>
      client.call<InstanceSummaryView>('workflows/instances/advance', { commandId: cid(), instanceId: started.id, action, ...extra });
    await until<MyWorkItemView[]>(max.client.subscribe('workflows/my-work'), (items) => items.some((i) => i.instanceId === started.id));
    value(await advance(max.client, 'complete', { data: { balance_checked: true } }));
    // Submitted, not yet approved: the plan still counts him in.
    expect(await weeksSeenBy(olga)).toEqual([28, 36]);
    await until<MyWorkItemView[]>(olga.client.subscribe('workflows/my-work'), (items) => items.some((i) => i.instanceId === started.id));
    value(await advance(olga.client, 'approve', { signature: { password: 'long enough password', meaning: 'approved' } }));
    // Approved: Tuesday and Wednesday (8 h each) are gone for his manager, HR and himself.
    expect(await weeksSeenBy(olga)).toEqual([28, 20]);
    expect(await weeksSeenBy(hana)).toEqual([28, 20]);
    expect(await weeksSeenBy(max)).toEqual([28, 20]);
    // Otto may read neither Max's employee record nor his leave: his PC would hold neither, so he
    // sees the standard week, exactly as his own PC would compute it.
    expect(await weeksSeenBy(otto)).toEqual([40, 40]);
  });

  it('refuses a range written wrongly or backwards', async () => {
    expect(await olga.client.subscribe('utilisation/team', { personIds: [max.id], start: '2026-5-4', end: '2026-05-10' }).next()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await olga.client.subscribe('utilisation/team', { personIds: [max.id], start: '2026-05-10', end: '2026-05-04' }).next()).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'end' } });
  });
});

describe('a workflow’s working calendar', () => {
  const definition = (location: string) => ({
    workflow_code: 'QC_REVIEW', name: 'QC review', initial_step: 'review',
    steps: [{ step_id: 'review', name: 'Review', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: [] }],
    sla_config: { review: { duration_hours: 16 } },
    working_calendar: { weekdays: [1, 2, 3, 4, 5], hours: { start: '08:00', end: '16:00' }, holidays: ['2026-12-31'], holiday_location: location },
  });

  it('gets the location’s whole-day holidays when published', async () => {
    const published = value(await admin.call<PublishResultView>('workflows/definitions/import', { commandId: cid(), definition: definition('Berlin'), publish: true }));
    expect(published.definition.definition.working_calendar?.holidays).toEqual(['2026-05-01', '2026-05-14', '2026-12-31']);
  });

  it('refuses to publish with a location HR keeps no calendar for', async () => {
    expect(await admin.call('workflows/definitions/import', { commandId: cid(), definition: { ...definition('Paris'), workflow_code: 'QC_REVIEW_FR' }, publish: true })).toMatchObject({
      ok: false, error: { code: 'invalid_input', field: 'working_calendar.holiday_location' },
    });
  });
});
