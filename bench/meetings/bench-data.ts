import { emptyMinutes, type MeetingDocument } from '../../src-shared/meetings/meeting-model';
import { instantOfLocal } from '../../src-shared/meetings/time-zones';

/** Deterministic meetings for the benchmark: `count` one-off meetings spread over [fromMs, toMs), the first person organising, everyone attending. */
export function benchMeetings(count: number, fromMs: number, toMs: number, organiser: { id: string; name: string }, people: readonly { id: string; name: string }[]): MeetingDocument[] {
  const at = new Date(fromMs).toISOString();
  const hours = Math.max(1, Math.floor((toMs - fromMs) / 3_600_000));
  return Array.from({ length: count }, (_, i) => {
    const startMs = fromMs + ((i * 7919) % hours) * 3_600_000;
    const startsAt = new Date(startMs).toISOString();
    const endsAt = new Date(startMs + 45 * 60_000).toISOString();
    return {
      id: `BENCH${String(i).padStart(7, '0')}`,
      createdAt: at,
      updatedAt: at,
      createdBy: organiser.id,
      updatedBy: organiser.id,
      auditId: 'bench',
      title: `Bench meeting ${i}`,
      startsAt,
      endsAt,
      untilAt: endsAt,
      organiserId: organiser.id,
      seriesId: '',
      status: 'scheduled',
      roomId: '',
      data: {
        type: 'project_review',
        timeZone: 'Europe/Berlin',
        place: `Room ${i % 12}`,
        videoUrl: '',
        description: `Agenda for bench meeting ${i}: results, deviations, next steps.`,
        isPrivate: false,
        attendees: people.map((p) => ({ personId: p.id, name: p.name, role: 'required' as const, response: p.id === organiser.id ? ('accepted' as const) : ('needs_action' as const) })),
        minuteTakerIds: [],
        agenda: [],
        minutes: emptyMinutes(),
        actionItems: [],
        minutesVersions: [],
        signoffs: [],
        sequence: 0,
      },
    };
  });
}

/** 500 weekly series in four time zones, started over the year before, without end. */
export function benchSeries(count: number): { startsAt: string; endsAt: string; timeZone: string; recurrence: { frequency: 'weekly'; interval: number; weekdays: []; end: { type: 'never' }; exceptions: [] } }[] {
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];
  return Array.from({ length: count }, (_, i) => {
    const zone = zones[i % zones.length]!;
    const day = new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
    const startsAt = instantOfLocal(day, `${String(8 + (i % 9)).padStart(2, '0')}:30`, zone);
    return { startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), timeZone: zone, recurrence: { frequency: 'weekly', interval: 1, weekdays: [], end: { type: 'never' }, exceptions: [] } };
  });
}
