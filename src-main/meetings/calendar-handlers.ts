import { randomBytes } from 'node:crypto';
import { combineLatest, map } from 'rxjs';
import { ok } from '../../src-shared/core/result';
import { personalFeed, type FeedMilestone, type FeedProject, type FeedTask } from '../../src-shared/meetings/calendar-feed';
import { calendarSettingsId, hashFeedToken, parseCalendarSettings, type CalendarSettingsData } from '../../src-shared/meetings/calendar-settings';
import { meetingFile } from '../../src-shared/meetings/ical/ical-calendar';
import type { CalendarSettingsView } from '../../src-shared/meetings/meeting-views';
import type { CommandContext, CommandHandlers, QueryHandlers } from '../host/handler-types';
import { writeContextOf } from '../projects/project-access';
import { TEAM_SYNC_SETTINGS_KEY } from '../sync/sync-settings-store';
import { appUrlOf, icalContextOf, readDirectory } from './meeting-directory';
import { meetingFor, occurrenceDocumentsOf, toMeeting } from './meeting-store';
import { localDocument$ } from '../database/local-document';

type Commands = 'calendar/set-lead-times' | 'calendar/create-feed' | 'calendar/revoke-feed' | 'calendar/export' | 'meetings/ics';

/**
 * A person's calendar: reminder lead times, links to their calendar feed (served by the team's sync
 * server at `/calendar/<token>.ics`), the same calendar as a file for PCs without a server, and any
 * meeting as an `.ics` file.
 */

const viewOf = (data: CalendarSettingsData, serverUrl: string): CalendarSettingsView => ({
  meetingLeadMinutes: data.meetingLeadMinutes,
  feeds: data.feeds.map(({ tokenHash: _hash, ...feed }) => feed),
  feedBaseUrl: serverUrl ? `${serverUrl.replace(/\/+$/, '')}/calendar/` : '',
});

async function serverUrlOf(context: CommandContext): Promise<string> {
  const local = await context.db.getLocal<{ serverUrl?: string }>(TEAM_SYNC_SETTINGS_KEY);
  return (local?.toJSON().data as { serverUrl?: string } | undefined)?.serverUrl ?? '';
}

async function readSettings(context: CommandContext): Promise<CalendarSettingsData> {
  const doc = await context.db.notifications.findOne(calendarSettingsId(context.actor.id)).exec();
  return parseCalendarSettings(doc?.get('data'));
}

async function saveSettings(context: CommandContext, data: CalendarSettingsData): Promise<CalendarSettingsView> {
  const id = calendarSettingsId(context.actor.id);
  const now = context.clock().toISOString();
  const write = writeContextOf(context);
  const existing = await context.db.notifications.findOne(id).exec();
  if (existing) await context.writer.update('notifications', id, { data, at: now, dueAt: now }, write);
  else await context.writer.insert('notifications', { id, kind: 'calendar_settings', recipientId: context.actor.id, isRead: true, at: now, event: '', status: '', dueAt: now, data }, write);
  return viewOf(data, await serverUrlOf(context));
}

const safeName = (text: string) => text.replace(/[^\w .-]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'meeting';

export const calendarCommandHandlers: CommandHandlers<Commands> = {
  async 'calendar/set-lead-times'(input, context) {
    const settings = await readSettings(context);
    return ok(await saveSettings(context, { ...settings, meetingLeadMinutes: [...new Set(input.meetingLeadMinutes)].sort((a, b) => a - b) }));
  },

  async 'calendar/create-feed'(input, context) {
    const settings = await readSettings(context);
    const token = randomBytes(32).toString('base64url');
    const feedId = context.newId();
    const feed = { id: feedId, tokenHash: hashFeedToken(token), label: input.label || 'Calendar feed', createdAt: context.clock().toISOString() };
    const view = await saveSettings(context, { ...settings, feeds: [...settings.feeds.filter((f) => !f.revokedAt).slice(-19), feed] });
    // The only time the token is seen: it is not stored anywhere but in this address.
    return ok({ feedId, url: view.feedBaseUrl ? `${view.feedBaseUrl}${token}.ics` : `${token}.ics` });
  },

  async 'calendar/revoke-feed'(input, context) {
    const settings = await readSettings(context);
    const at = context.clock().toISOString();
    return ok(await saveSettings(context, { ...settings, feeds: settings.feeds.map((f) => (f.id === input.feedId && !f.revokedAt ? { ...f, revokedAt: at } : f)) }));
  },

  async 'calendar/export'(_input, context) {
    const [directory, meetings, tasks, milestones, projects] = await Promise.all([
      readDirectory(context.db),
      context.db.meetings.find().exec(),
      context.db.tasks.find({ selector: { assigneeId: context.actor.id } }).exec(),
      context.db.plan_items.find({ selector: { kind: 'milestone' } }).exec(),
      context.db.projects.find().exec(),
    ]);
    const person = await context.db.people.findOne(context.actor.id).exec();
    const actor = { id: context.actor.id, roles: (person?.get('roles') as string[] | undefined) ?? [], name: context.actor.name };
    const content = personalFeed(
      actor,
      {
        meetings: meetings.flatMap((d) => toMeeting(d) ?? []),
        tasks: tasks.map((t) => t.toJSON() as FeedTask),
        milestones: milestones.map((m) => m.toJSON() as FeedMilestone),
        projects: projects.map((p) => p.toJSON() as FeedProject),
      },
      icalContextOf(directory, context.clock(), await appUrlOf(context)),
    );
    return ok({ filename: `${safeName(`LabFlow calendar ${context.actor.name}`)}.ics`, content });
  },

  async 'meetings/ics'(input, context) {
    const found = await meetingFor(context, input.id);
    if (!found.ok) return found;
    const { resolved } = found.value;
    const series = resolved.kind === 'occurrence' ? resolved.series : (resolved.series ?? (resolved.doc.data.recurrence ? resolved.doc : null));
    const main = series ?? (resolved.kind === 'document' ? resolved.doc : resolved.series);
    const occurrences = series ? await occurrenceDocumentsOf(context.db, series.id) : [];
    const directory = await readDirectory(context.db);
    const content = meetingFile({ meeting: main, occurrences }, icalContextOf(directory, context.clock(), await appUrlOf(context)));
    return ok({ filename: `${safeName(main.title)}.ics`, content });
  },
};

export const calendarQueryHandlers: QueryHandlers<'calendar/settings'> = {
  'calendar/settings': (_input, context) =>
    combineLatest([context.db.notifications.findOne(calendarSettingsId(context.actor.id)).$, localDocument$<{ serverUrl?: string }>(context.db, TEAM_SYNC_SETTINGS_KEY)]).pipe(
      map(([doc, local]) => ok(viewOf(parseCalendarSettings(doc?.get('data')), (local?.toJSON().data as { serverUrl?: string } | undefined)?.serverUrl ?? ''))),
    ),
};
