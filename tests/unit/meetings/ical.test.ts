import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { describe, expect, it } from 'vitest';
import { calendarFeed, meetingFile, meetingInvitation } from '../../../src-shared/meetings/ical/ical-calendar';
import { escapeText, foldLine } from '../../../src-shared/meetings/ical/ical-text';
import type { MeetingDocument } from '../../../src-shared/meetings/meeting-model';
import { materialiseOccurrence } from '../../../src-shared/meetings/occurrences';
import { expandSeries } from '../../../src-shared/meetings/recurrence';
import { icalContext, meeting, weekly } from './fixtures';

/**
 * What LabFlow writes is read back with two independent parsers: Mozilla's ical.js (Thunderbird)
 * and node-ical (its own parser, rrule for expansion). Every property the invitations and feeds
 * rely on is checked in both.
 */

const tricky = 'Review; deviations, CAPAs\\and "samples"\nSecond line — ünïcödé ✓ and a very long sentence that certainly needs folding at seventy-five octets.';

/** A weekly series of 6 with one exception and one occurrence moved by a day and renamed. */
function seriesWithMovedOccurrence(): { series: MeetingDocument; moved: MeetingDocument } {
  const series = meeting({ title: tricky.split('\n')[0]!, data: { recurrence: { ...weekly(6), exceptions: ['2026-04-06T08:00:00.000Z'] }, sequence: 2, description: tricky } });
  const base = { ...series, ...materialiseOccurrence(series, '2026-03-30T08:00:00.000Z') } as MeetingDocument;
  const moved: MeetingDocument = { ...base, title: 'QA meeting (moved)', startsAt: '2026-03-31T12:00:00.000Z', endsAt: '2026-03-31T13:30:00.000Z', untilAt: '2026-03-31T13:30:00.000Z', data: { ...base.data, isMoved: true, sequence: 3 } };
  return { series, moved };
}

const parseIcal = (text: string) => new ICAL.Component(ICAL.parse(text));
const events = (text: string) => parseIcal(text).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('iCalendar text', () => {
  it('ends every line with CRLF and folds lines at 75 octets without splitting a character', () => {
    const text = meetingInvitation('REQUEST', { meeting: seriesWithMovedOccurrence().series, occurrences: [] }, icalContext());
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const encoder = new TextEncoder();
    for (const line of text.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(text).toMatch(/\r\n [^\r\n]/); // something was folded
    const folded = foldLine(`DESCRIPTION:${'✓'.repeat(40)}`);
    expect(folded.split('\r\n ').join('')).toBe(`DESCRIPTION:${'✓'.repeat(40)}`);
    for (const part of folded.split('\r\n')) expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
    expect(escapeText('a;b,c\\d\ne\r\nf')).toBe('a\\;b\\,c\\\\d\\ne\\nf');
  });

  it('round-trips escaped text through both parsers', () => {
    const { series } = seriesWithMovedOccurrence();
    const text = meetingFile({ meeting: series, occurrences: [] }, icalContext());
    const [event] = events(text);
    expect(event!.summary).toBe(series.title);
    expect(event!.description).toContain(tricky);
    const parsed = Object.values(nodeIcal.sync.parseICS(text)).find((c) => c.type === 'VEVENT') as { summary: unknown; description: unknown };
    expect(String((parsed.summary as { val?: string }).val ?? parsed.summary)).toBe(series.title);
    expect(String((parsed.description as { val?: string }).val ?? parsed.description)).toContain(tricky);
  });
});

describe('an invitation (METHOD:REQUEST)', () => {
  it('carries a stable UID, SEQUENCE, ORGANIZER, ATTENDEEs with PARTSTAT and ROLE, and a VTIMEZONE for the zone', () => {
    const doc = meeting({ data: { sequence: 4, attendees: [
      { personId: 'P-ADA', name: 'Ada Lovelace', role: 'required', response: 'accepted' },
      { personId: 'P-BOB', name: 'Bob Baker', role: 'required', response: 'tentative' },
      { email: 'guest@partner.org', name: 'Gus Guest', role: 'optional', response: 'needs_action' },
    ] } });
    const text = meetingInvitation('REQUEST', { meeting: doc, occurrences: [] }, icalContext());
    const calendar = parseIcal(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe('M-QA@labflow');
    expect(event.sequence).toBe(4);
    expect(event.startDate.toJSDate().toISOString()).toBe(doc.startsAt);
    expect(event.endDate.toJSDate().toISOString()).toBe(doc.endsAt);
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Berlin');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const organizer = vevent.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:ada@lab.org');
    expect(organizer.getParameter('cn')).toBe('Ada Lovelace');
    const attendees = vevent.getAllProperties('attendee').map((p) => [p.getFirstValue(), p.getParameter('partstat'), p.getParameter('role'), p.getParameter('cn')]);
    expect(attendees).toEqual([
      ['mailto:ada@lab.org', 'ACCEPTED', 'REQ-PARTICIPANT', 'Ada Lovelace'],
      ['mailto:bob@lab.org', 'TENTATIVE', 'REQ-PARTICIPANT', 'Bob Baker'],
      ['mailto:guest@partner.org', 'NEEDS-ACTION', 'OPT-PARTICIPANT', 'Gus Guest'],
    ]);

    const node = Object.values(nodeIcal.sync.parseICS(text)).find((c) => c.type === 'VEVENT') as unknown as Record<string, unknown>;
    expect(node.uid).toBe('M-QA@labflow');
    expect(Number(node.sequence)).toBe(4);
    expect((node.start as Date).toISOString()).toBe(doc.startsAt);
    expect((node.start as { tz?: string }).tz).toBe('Europe/Berlin');
    expect((node.organizer as { params: { CN: string }; val: string }).val).toBe('mailto:ada@lab.org');
    const nodeAttendees = (node.attendee as { params: { PARTSTAT: string; CN: string }; val: string }[]).map((a) => [a.val, a.params.PARTSTAT]);
    expect(nodeAttendees).toEqual([['mailto:ada@lab.org', 'ACCEPTED'], ['mailto:bob@lab.org', 'TENTATIVE'], ['mailto:guest@partner.org', 'NEEDS-ACTION']]);
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED under the same UID', () => {
    const doc = meeting({ status: 'cancelled', data: { sequence: 5 } });
    const text = meetingInvitation('CANCEL', { meeting: doc, occurrences: [] }, icalContext());
    const calendar = parseIcal(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('uid')).toBe('M-QA@labflow');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(5);
    const node = Object.values(nodeIcal.sync.parseICS(text)).find((c) => c.type === 'VEVENT') as unknown as Record<string, unknown>;
    expect(node.status).toBe('CANCELLED');
  });
});

describe('a series with a moved occurrence', () => {
  it('round-trips through ical.js: RRULE, EXDATE and RECURRENCE-ID give our occurrences, the moved one in its new place', () => {
    const { series, moved } = seriesWithMovedOccurrence();
    const text = meetingInvitation('REQUEST', { meeting: series, occurrences: [moved] }, icalContext());
    const [main, override] = events(text);
    expect(main!.isRecurring()).toBe(true);
    expect(override!.uid).toBe(main!.uid);
    expect(override!.recurrenceId.toJSDate().toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(override!.sequence).toBe(3);
    main!.relateException(override!);
    const expected = expandSeries({ startsAt: series.startsAt, endsAt: series.endsAt, timeZone: 'Europe/Berlin', recurrence: series.data.recurrence! }, 0, Date.parse('2027-01-01'))
      .map((o) => (o.recurrenceId === '2026-03-30T08:00:00.000Z' ? [moved.startsAt, moved.endsAt, moved.title] : [o.startsAt, o.endsAt, series.title]));
    const iterator = main!.iterator();
    const seen: string[][] = [];
    for (let next = iterator.next(); next && seen.length < 20; next = iterator.next()) {
      const details = main!.getOccurrenceDetails(next);
      seen.push([details.startDate.toJSDate().toISOString(), details.endDate.toJSDate().toISOString(), details.item.summary]);
    }
    expect(seen).toEqual(expected);
    // The exception and the moved occurrence's original time are not occurrences any more.
    expect(seen.map((s) => s[0])).not.toContain('2026-04-06T08:00:00.000Z');
  });

  it('round-trips through node-ical: its rrule expansion minus EXDATE plus RECURRENCE-ID overrides', () => {
    const { series, moved } = seriesWithMovedOccurrence();
    const text = meetingInvitation('REQUEST', { meeting: series, occurrences: [moved] }, icalContext());
    const main = Object.values(nodeIcal.sync.parseICS(text)).find((c) => c.type === 'VEVENT') as unknown as {
      rrule: { between(a: Date, b: Date, inc: boolean): Date[] };
      exdate: Record<string, Date>;
      recurrences: Record<string, { start: Date; end: Date; summary: string; recurrenceid: Date }>;
    };
    const isExcluded = (d: Date) => Object.values(main.exdate ?? {}).some((x) => x.getTime() === d.getTime());
    const overrides = Object.values(main.recurrences ?? {});
    expect(overrides.map((o) => [o.recurrenceid.toISOString(), o.start.toISOString(), o.end.toISOString(), o.summary])).toEqual([['2026-03-30T08:00:00.000Z', moved.startsAt, moved.endsAt, 'QA meeting (moved)']]);
    const starts = main.rrule
      .between(new Date('2026-01-01'), new Date('2027-01-01'), true)
      .filter((d) => !isExcluded(d))
      .map((d) => overrides.find((o) => o.recurrenceid.getTime() === d.getTime())?.start ?? d)
      .map((d) => d.toISOString());
    const ours = expandSeries({ startsAt: series.startsAt, endsAt: series.endsAt, timeZone: 'Europe/Berlin', recurrence: series.data.recurrence! }, 0, Date.parse('2027-01-01')).map((o) =>
      o.recurrenceId === '2026-03-30T08:00:00.000Z' ? moved.startsAt : o.startsAt,
    );
    expect(starts).toEqual(ours);
  });

  it('turns a cancelled occurrence into an EXDATE of the series', () => {
    const { series } = seriesWithMovedOccurrence();
    const cancelled = { ...series, ...materialiseOccurrence(series, '2026-03-23T09:00:00.000Z'), status: 'cancelled' } as MeetingDocument;
    const text = meetingInvitation('REQUEST', { meeting: series, occurrences: [cancelled] }, icalContext());
    const vevent = parseIcal(text).getFirstSubcomponent('vevent')!;
    const exdates = vevent.getAllProperties('exdate').map((p) => (p.getFirstValue() as ICAL.Time).toJSDate().toISOString());
    expect(exdates).toEqual(['2026-03-23T09:00:00.000Z', '2026-04-06T08:00:00.000Z']);
    expect(parseIcal(text).getAllSubcomponents('vevent')).toHaveLength(1);
  });
});

describe('a calendar feed (METHOD:PUBLISH)', () => {
  it('names the calendar and holds all-day entries for due dates', () => {
    const text = calendarFeed('LabFlow — Ada', [{ meeting: meeting(), occurrences: [] }], [{ uid: 'task-T1@labflow', date: '2026-03-20', summary: 'Due: Recalibrate B-12', description: 'Task', updatedAt: '2026-03-01T08:00:00.000Z', category: 'Task' }], icalContext());
    const calendar = parseIcal(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('LabFlow — Ada');
    const due = events(text).find((e) => e.uid === 'task-T1@labflow')!;
    expect(due.startDate.isDate).toBe(true);
    expect(due.startDate.toString()).toBe('2026-03-20');
    const node = Object.values(nodeIcal.sync.parseICS(text)).find((c) => (c as { uid?: string }).uid === 'task-T1@labflow') as unknown as { datetype: string; summary: string };
    expect(node.datetype).toBe('date');
    expect(node.summary).toBe('Due: Recalibrate B-12');
  });
});

describe('a feed of many meetings', () => {
  it('gives each meeting its own people, answers, times and texts, as ical.js and node-ical read them', () => {
    // The feed writes each person's line once and reuses it: answers that differ per meeting must stay apart.
    const bobAnswers = ['accepted', 'declined', 'tentative', 'needs_action'] as const;
    const meetings = bobAnswers.map((response, i) =>
      meeting({
        id: `M-${i}`,
        title: i === 1 ? tricky.split('\n')[0]! : `QA meeting ${i}`,
        date: `2026-0${3 + i}-16`,
        data: {
          timeZone: i === 3 ? 'UTC' : 'Europe/Berlin',
          description: i === 1 ? tricky : `Review ${i}`,
          attendees: [
            { personId: 'P-ADA', name: 'Ada Lovelace', role: 'required', response: 'accepted' },
            { personId: 'P-BOB', name: 'Bob Bench', role: i === 2 ? 'optional' : 'required', response },
          ],
        },
      }),
    );
    const text = calendarFeed('LabFlow — Ada', meetings.map((m) => ({ meeting: m, occurrences: [] })), [], icalContext());
    const read = events(text);
    expect(read.map((e) => e.uid)).toEqual(['M-0@labflow', 'M-1@labflow', 'M-2@labflow', 'M-3@labflow']);
    expect(read.map((e) => e.startDate.toJSDate().toISOString())).toEqual(meetings.map((m) => m.startsAt));
    expect(read[1]!.summary).toBe(tricky.split('\n')[0]);
    expect(read[1]!.description).toContain(tricky);
    const bob = (e: ICAL.Event) => e.attendees.find((a) => String(a.getFirstValue()).includes('bob'))!;
    expect(read.map((e) => bob(e).getParameter('partstat'))).toEqual(['ACCEPTED', 'DECLINED', 'TENTATIVE', 'NEEDS-ACTION']);
    expect(read.map((e) => bob(e).getParameter('role'))).toEqual(['REQ-PARTICIPANT', 'REQ-PARTICIPANT', 'OPT-PARTICIPANT', 'REQ-PARTICIPANT']);
    expect(read[3]!.startDate.zone.tzid).toBe('UTC');
    const parsed = Object.values(nodeIcal.sync.parseICS(text)).filter((c) => (c as { type?: string }).type === 'VEVENT') as unknown as { uid: string; start: Date; summary: string }[];
    expect(parsed.map((e) => [e.uid, e.start.toISOString()])).toEqual(meetings.map((m) => [`${m.id}@labflow`, m.startsAt]));
    expect(parsed[1]!.summary).toBe(tricky.split('\n')[0]);
  });
});
