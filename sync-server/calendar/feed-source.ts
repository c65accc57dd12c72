import type { FeedMilestone, FeedProject, FeedSources, FeedTask } from '../../src-shared/meetings/calendar-feed';
import { calendarSettingsId, hashFeedToken, parseCalendarSettings, FEED_TOKEN } from '../../src-shared/meetings/calendar-settings';
import { meetingDataSchema, type MeetingDocument } from '../../src-shared/meetings/meeting-model';
import type { SqlClient } from '../db/sql-database';

/** What a calendar feed is made of, read from the team's documents on the server. */

type Row = { id: string; data: Record<string, unknown> | string };
const dataOf = (row: Row): Record<string, unknown> => (typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data);

/**
 * The person a feed token belongs to: the one whose calendar settings hold its hash, not revoked.
 * Only that person can have written those settings (meeting-notification-rules.ts), so a token
 * cannot be planted for someone else. Null for a malformed, unknown or revoked token.
 */
export async function feedOwner(db: SqlClient, token: string): Promise<string | null> {
  if (!FEED_TOKEN.test(token)) return null;
  const tokenHash = hashFeedToken(token);
  const { rows } = await db.query<Row>(
    `SELECT id, data FROM documents WHERE collection = 'notifications' AND NOT deleted
       AND data->>'kind' = 'calendar_settings' AND data->'data'->'feeds' @> $1::jsonb`,
    [JSON.stringify([{ tokenHash }])],
  );
  for (const row of rows) {
    const doc = dataOf(row);
    const personId = String(doc.recipientId ?? '');
    if (row.id !== calendarSettingsId(personId)) continue;
    const feed = parseCalendarSettings(doc.data).feeds.find((f) => f.tokenHash === tokenHash);
    if (feed && !feed.revokedAt) return personId;
  }
  return null;
}

async function live(db: SqlClient, collection: string, where = '', params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const { rows } = await db.query<Row>(`SELECT id, data FROM documents WHERE collection = $1 AND NOT deleted ${where}`, [collection, ...params]);
  return rows.map(dataOf);
}

const HISTORY_MS = 180 * 86_400_000;

export interface FeedDirectory {
  people: ReadonlyMap<string, { name: string; email: string }>;
  rooms: ReadonlyMap<string, string>;
}

/** Meetings still relevant to a feed, the person's tasks with a due date, milestones and projects, and the names they use. */
export async function feedSources(db: SqlClient, personId: string, now: Date): Promise<FeedSources & FeedDirectory> {
  const since = new Date(now.getTime() - HISTORY_MS).toISOString();
  const [meetings, tasks, milestones, projects, people, rooms] = await Promise.all([
    live(db, 'meetings', "AND data->>'untilAt' >= $2", [since]),
    live(db, 'tasks', "AND data->>'assigneeId' = $2 AND data ? 'dueDate'", [personId]),
    live(db, 'plan_items', "AND data->>'kind' = 'milestone'"),
    live(db, 'projects'),
    live(db, 'people', "AND data->>'kind' = 'person'"),
    live(db, 'records', "AND data->>'kind' = 'meeting_room'"),
  ]);
  return {
    people: new Map(people.map((p) => [String(p.id), { name: String(p.name ?? ''), email: String(p.email ?? '') }])),
    rooms: new Map(rooms.map((r) => [String(r.id), String(r.title ?? '')])),
    meetings: meetings.flatMap((doc) => {
      const parsed = meetingDataSchema.safeParse(doc.data);
      return parsed.success ? [{ ...(doc as unknown as MeetingDocument), data: parsed.data }] : [];
    }),
    tasks: tasks as unknown as FeedTask[],
    milestones: milestones as unknown as FeedMilestone[],
    projects: projects as unknown as FeedProject[],
  };
}
