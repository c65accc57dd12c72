import { combineLatest, firstValueFrom, map, Observable } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import type { StoredNotification } from '../../src-shared/notifications/notification-model';
import { START_AT_SIGN_IN_DESKTOP_ONLY, type DesktopSettings } from '../../src-shared/notifications/notification-views';
import { defaultPreferences, preferencesSchema } from '../../src-shared/notifications/preferences';
import { isAdmin } from '../../src-shared/people/roles';
import type { CommandContext, CommandHandlers, HostServices, QueryHandlers } from '../host/handler-types';
import { findPerson } from '../people/people-store';
import type { DesktopRelay } from './desktop-relay';
import { DESKTOP_SETTINGS_ID, preferencesId } from './notification-store';
import { toNotificationView } from './notification-views';
import { notify } from './notify';
import { saveStartAtSignIn, startAtSignIn$ } from './start-at-sign-in';

type CentreCommands =
  | 'notifications/mark-read'
  | 'notifications/mark-all-read'
  | 'notifications/set-preferences'
  | 'notifications/send-test'
  | 'notifications/set-desktop-settings';
type CentreQueries = 'notifications/list' | 'notifications/unread-count' | 'notifications/preferences' | 'notifications/desktop-settings';

const write = (context: CommandContext) => ({ actor: context.actor, command: context.command, now: context.clock() });

/** Marks entries of the signed-in person read or unread. Not audited: reading is not a change to the lab's records. */
async function setRead(context: CommandContext, docs: { toJSON(): unknown }[], isRead: boolean): Promise<number> {
  const at = context.clock().toISOString();
  const changed = docs
    .map((d) => d.toJSON() as StoredNotification)
    .filter((d) => d.kind === 'notification' && d.recipientId === context.actor.id && d.isRead !== isRead)
    .map((d) => ({ ...d, isRead, updatedAt: at, updatedBy: context.actor.id }));
  if (changed.length > 0) await context.db.notifications.bulkUpsert(changed);
  return changed.length;
}

/** Settings documents are upserted through the audited writer: who changed their notification settings is on record. */
async function saveSetting(context: CommandContext, id: string, kind: StoredNotification['kind'], recipientId: string, data: unknown) {
  const now = context.clock().toISOString();
  const existing = await context.db.notifications.findOne(id).exec();
  if (existing) return context.writer.update('notifications', id, { data, at: now, dueAt: now }, write(context));
  return context.writer.insert('notifications', { id, kind, recipientId, isRead: true, at: now, event: '', status: '', dueAt: now, data }, write(context));
}

export const notificationCommandHandlers = (): CommandHandlers<CentreCommands> => ({
  async 'notifications/mark-read'(input, context) {
    const docs = await context.db.notifications.findByIds(input.ids).exec();
    return ok({ changed: await setRead(context, [...docs.values()], input.isRead) });
  },

  async 'notifications/mark-all-read'(input, context) {
    const selector = { recipientId: context.actor.id, isRead: false, kind: 'notification', ...(input.event ? { event: input.event } : {}) };
    const docs = await context.db.notifications.find({ selector }).exec();
    return ok({ changed: await setRead(context, docs, true) });
  },

  async 'notifications/set-preferences'(input, context) {
    await saveSetting(context, preferencesId(context.actor.id), 'preferences', context.actor.id, input);
    return ok(input);
  },

  async 'notifications/send-test'(input, context) {
    if (!context.session || !isAdmin(context.session.person.roles)) return fail('forbidden', 'Only an administrator can send test notifications.');
    const person = await findPerson(context.db, input.recipientId);
    if (!person) return fail('not_found', 'That person no longer exists.', { field: 'recipientId' });
    if (!person.isActive) return fail('invalid_state', `${person.name} is deactivated and would not see it.`, { field: 'recipientId' });
    const { ids } = await notify(context, {
      event: 'system',
      recipientIds: [person.id],
      subject: input.subject,
      body: input.body,
      link: { section: 'notifications' },
      actor: context.actor,
    });
    return ok({ id: ids[0]! });
  },

  async 'notifications/set-desktop-settings'(input, context) {
    if (input.startAtSignIn !== undefined) {
      const loginItems = context.platform.loginItems;
      if (!loginItems) return fail('invalid_state', START_AT_SIGN_IN_DESKTOP_ONLY, { field: 'startAtSignIn' });
      try {
        await saveStartAtSignIn(context.db, loginItems, input.startAtSignIn);
      } catch (error) {
        const errorId = context.log.error('the login item could not be changed', error, { startAtSignIn: input.startAtSignIn });
        return fail('internal', `This computer did not accept the change to starting at sign-in (error ${errorId}). Try again, or ask IT whether programs may start at sign-in here.`, { field: 'startAtSignIn' });
      }
      context.log.info('start at sign-in changed', { isOn: input.startAtSignIn, by: context.actor.id });
    }
    if (input.keepRunningInTray !== undefined) await saveSetting(context, DESKTOP_SETTINGS_ID, 'desktop_settings', 'system', { keepRunningInTray: input.keepRunningInTray });
    return ok(await firstValueFrom(desktopSettings$(context)));
  },
});

export const notificationQueryHandlers = (relay: { current?: DesktopRelay }): QueryHandlers<CentreQueries> => ({
  'notifications/list': (input, context) =>
    context.db.notifications
      .find({
        selector: { kind: 'notification', recipientId: context.actor.id, ...(input.event ? { event: input.event } : {}), ...(input.isUnreadOnly ? { isRead: false } : {}) },
        sort: [{ at: 'desc' }],
        limit: input.limit,
      })
      .$.pipe(map((docs) => ok(docs.map((d) => toNotificationView(d.toJSON() as StoredNotification))))),

  // Watching the count is also how the host knows who is signed in on this PC (desktop pop-ups, tray).
  'notifications/unread-count': (_input, context) =>
    new Observable((subscriber) => {
      const leave = relay.current?.enter(context.actor.id);
      const subscription = context.db.notifications
        .count({ selector: { recipientId: context.actor.id, isRead: false, kind: 'notification' } })
        .$.pipe(map((count) => ok({ count })))
        .subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        // The session ending for inactivity locks the window: reminders keep coming, without detail.
        leave?.(context.sessions.lastEnd === 'timeout' ? 'locked' : 'left');
      };
    }),

  'notifications/preferences': (_input, context) =>
    context.db.notifications.findOne(preferencesId(context.actor.id)).$.pipe(
      map((doc) => {
        const parsed = preferencesSchema.safeParse(doc?.get('data'));
        return ok(parsed.success ? parsed.data : defaultPreferences);
      }),
    ),

  'notifications/desktop-settings': (_input, context) => desktopSettings$(context).pipe(map((settings) => ok(settings))),
});

/** This computer's settings as Settings → Notifications shows them. */
function desktopSettings$(services: HostServices): Observable<DesktopSettings> {
  return combineLatest([services.db.notifications.findOne(DESKTOP_SETTINGS_ID).$, startAtSignIn$(services.db)]).pipe(
    map(([doc, startAtSignIn]) => ({
      keepRunningInTray: (doc?.get('data') as { keepRunningInTray?: boolean } | undefined)?.keepRunningInTray ?? true,
      startAtSignIn,
      canStartAtSignIn: services.platform.loginItems !== undefined,
    })),
  );
}
