import { describe, expect, it } from 'vitest';
import { migrations } from '../../../src-shared/db/migrations';
import { meetingDataSchema } from '../../../src-shared/meetings/meeting-model';

describe('meetings schema v0 → v1', () => {
  const v1 = migrations.meetings?.[1];

  it('lifts organiser, status and span out of the data, keeping attendees and what was written', () => {
    const v0 = { id: 'm', createdBy: 'P1', title: 'Review', startsAt: '2026-03-02T09:00:00.000Z', endsAt: '2026-03-02T10:00:00.000Z', data: { attendeeIds: ['P1', 'P2', 7], status: 'cancelled', location: 'Lab 2' } };
    const migrated = v1?.(v0) as Record<string, unknown> & { data: unknown };
    expect(migrated).toMatchObject({ untilAt: '2026-03-02T10:00:00.000Z', organiserId: 'P1', seriesId: '', status: 'cancelled', roomId: '' });
    const data = meetingDataSchema.parse(migrated.data);
    expect(data.attendees.map((a) => a.personId)).toEqual(['P1', 'P2']);
    expect(data.place).toBe('Lab 2');
  });

  it('gives a meeting without an end an hour, and a scheduled status', () => {
    const migrated = v1?.({ id: 'm', createdBy: 'P1', title: 'x', startsAt: '2026-03-02T09:00:00.000Z', data: {} });
    expect(migrated).toMatchObject({ endsAt: '2026-03-02T10:00:00.000Z', untilAt: '2026-03-02T10:00:00.000Z', status: 'scheduled', organiserId: 'P1' });
  });
});
