/** Stored meetings (schema v1) for tests and benchmarks that seed the database directly. */

/** The indexed columns of a one-off meeting (meetings schema v1) starting at `startsAt`, lasting an hour. */
export const meetingColumns = (startsAt: string, organiserId: string) => {
  const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
  return { startsAt, endsAt, untilAt: endsAt, organiserId, seriesId: '', status: 'scheduled', roomId: '' };
};

/** Meeting data (src-shared/meetings/meeting-model.ts) with these people attending. */
export const meetingData = (attendeeIds: readonly string[], extra: Record<string, unknown> = {}) => ({
  type: 'other',
  timeZone: 'UTC',
  place: '',
  videoUrl: '',
  description: '',
  isPrivate: false,
  attendees: attendeeIds.map((personId) => ({ personId, name: personId, role: 'required', response: 'accepted' })),
  minuteTakerIds: [],
  agenda: [],
  minutes: { attendance: {}, summary: '', decisions: [] },
  actionItems: [],
  minutesVersions: [],
  signoffs: [],
  sequence: 0,
  ...extra,
});
