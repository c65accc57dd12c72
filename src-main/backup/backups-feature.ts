import { BehaviorSubject, map } from 'rxjs';
import { isAdmin } from '../../src-shared/people/roles';
import type { PersonDocument } from '../../src-shared/people/person';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { BackupListEntry, BackupStep, BackupsView } from '../../src-shared/backup/backup-contract';
import { backupFolderProblem } from '../../src-shared/backup/backup-folder';
import { isDailyBackupDue } from '../../src-shared/backup/backup-schedule';
import type { HostFeature } from '../host/feature';
import type { HostServices } from '../host/handler-types';
import { findPerson } from '../people/people-store';
import { createBackupKeeper, type BackupKeeper } from './backup-keeper';

/** How often the host looks whether the daily backup is due (it runs when due, not at a set hour). */
const SCHEDULE_CHECK_MS = 15 * 60_000;

const NO_DATA_FOLDER = 'This LabFlow runs without a data folder, so it has nothing to back up.';

/**
 * Settings → Backups and the daily backup. Each host keeps its own keeper (by database), started
 * with the host: it reads this PC's backup state from the data folder and lists the backups there.
 */
export function createBackupsFeature(): HostFeature {
  const keepers = new WeakMap<object, BackupKeeper>();
  const unavailable = new BehaviorSubject<BackupsView>({ folder: '', folderProblem: NO_DATA_FOLDER, backups: [], running: null, lastRun: null, canRestore: false });
  const keeperOf = (services: HostServices) => keepers.get(services.db);

  async function asAdmin<T>(services: HostServices & { actor: { id: string } }, act: (keeper: BackupKeeper) => Promise<Result<T>>): Promise<Result<T>> {
    const person = await findPerson(services.db, services.actor.id);
    if (!person?.isActive || !isAdmin(person.roles)) return fail('forbidden', 'Only an administrator can manage backups.');
    const keeper = keeperOf(services);
    return keeper ? act(keeper) : fail('invalid_state', NO_DATA_FOLDER);
  }

  return {
    name: 'backups',
    queries: {
      'backups/overview': (_input, context) => (keeperOf(context)?.view$ ?? unavailable).pipe(map((view) => ok(view))),
    },
    commands: {
      'backups/set-folder': (input, context) =>
        asAdmin(context, async (keeper) => {
          const problem = backupFolderProblem(input.folder, keeper.dataDir) ?? (await keeper.writableProblem(input.folder));
          if (problem) return fail('invalid_input', problem, { field: 'folder' });
          await keeper.setFolder(input.folder);
          context.log.info('backup folder chosen', { folder: input.folder, by: context.actor.id });
          return ok(keeper.view$.value);
        }),
      'backups/create': (_input, context) =>
        asAdmin(context, async (keeper) => {
          const taken = await keeper.takeBackup('manual');
          return taken.ok ? ok(taken.value) : taken;
        }),
      'backups/verify': (input, context) =>
        asAdmin(context, async (keeper): Promise<Result<BackupListEntry>> => keeper.verify(input.id)),
      'backups/restore': (input, context) =>
        asAdmin(context, async (keeper) => {
          const restore = context.platform.restoreData;
          if (!restore) return fail('invalid_state', 'This LabFlow cannot replace its data while it runs; restore with `npm run labflow -- backup restore` while it is closed.');
          const checked = await keeper.verify(input.id);
          if (!checked.ok) return checked;
          if (checked.value.verification !== 'sound') return fail('file_corrupt', `This backup is damaged and cannot be restored: ${checked.value.problems.join(' ')}`);
          context.log.warn('restore requested', { backup: input.id, by: context.actor.id });
          // After this answer: the host closes, the data is replaced, and a new host opens on it.
          restore(keeper.pathOf(input.id), keeper.folder());
          return ok({ id: input.id });
        }),
    },
    async start(services) {
      const dataDir = services.platform.dataDir;
      if (!dataDir) return { dispose: () => undefined };
      const keeper = await createBackupKeeper({
        dataDir,
        clock: services.clock,
        log: services.log,
        canRestore: services.platform.restoreData !== undefined,
        onFailure: (message) => void notifyAdmins(services, message),
      });
      keepers.set(services.db, keeper);
      const runIfDue = async () => {
        if (keeper.isFolderChosen() && isDailyBackupDue(keeper.lastScheduledAt(), services.clock().toISOString())) await keeper.takeBackup('schedule');
      };
      let running: Promise<void> = runIfDue();
      const timer = setInterval(() => {
        running = running.then(runIfDue);
      }, SCHEDULE_CHECK_MS);
      timer.unref();
      return {
        async dispose() {
          clearInterval(timer);
          await running;
          keepers.delete(services.db);
        },
      };
    },
  };
}

/** A failed daily backup pops up for every administrator signed in on this PC (the tray in the desktop app). */
async function notifyAdmins(services: HostServices, message: string): Promise<void> {
  const notifier = services.platform.desktopNotifier;
  if (!notifier) return;
  const people = (await services.db.people.find({ selector: { kind: 'person' } }).exec()).map((d) => d.toJSON() as PersonDocument);
  for (const admin of people.filter((p) => p.isActive && isAdmin(p.roles))) {
    notifier.show({ id: `backup-failed-${services.clock().toISOString()}-${admin.id}`, recipientId: admin.id, title: 'The daily backup failed', body: message, link: { section: 'settings', itemId: 'backups' } });
  }
}

export type { BackupStep };
