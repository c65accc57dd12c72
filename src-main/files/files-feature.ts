import type { HostFeature } from '../host/feature';
import { attachmentCommandHandlers } from './attachment-handlers';
import { attachmentQueryHandlers, servedAttachment } from './attachment-queries';
import { startBlobReplication } from './blob-replication';
import { createFileRoutes, type FileRouteHandler } from './file-routes';
import { createFileService, fileServiceOf, forgetFileService } from './file-service';
import { ok } from '../../src-shared/core/result';
import { fail } from '../../src-shared/core/result';
import type { LabDatabase } from '../database/open-database';

const SWEEP_MS = 10 * 60_000;

const routes = new WeakMap<LabDatabase, FileRouteHandler>();

/** The file routes of the host on `db`, for serve mode's HTTP server and the desktop's app:// protocol. */
export const fileRoutesOf = (db: LabDatabase): FileRouteHandler | undefined => routes.get(db);

/**
 * Attachments: the blob store in `<data folder>/attachments`, the file routes, the commands and
 * queries, and — in a team — the background transfer of files with the sync server.
 */
export const filesFeature: HostFeature = {
  name: 'files',
  commands: attachmentCommandHandlers,
  queries: attachmentQueryHandlers,
  start(services) {
    const service = createFileService(services.db, services.platform.dataDir);
    routes.set(
      services.db,
      createFileRoutes({
        access: service.access,
        blobs: service.blobs,
        uploads: service.uploads,
        attachment: (personId, id) => servedAttachment(services.db, personId, id),
        draft: (personId, id) => {
          const draft = service.drafts.get(personId, id, services.clock());
          return draft ? ok({ name: draft.name, mediaType: 'application/pdf', size: draft.size, open: () => service.drafts.open(draft) }) : fail('not_found', 'That document was not kept and is gone; generate it again.');
        },
        clock: services.clock,
        log: services.log,
      }),
    );
    // Uploads nobody attached and documents nobody kept are dropped after an hour.
    const sweep = setInterval(() => {
      const now = services.clock();
      for (const upload of service.uploads.expire(now)) void service.blobs?.discard(upload.path);
      void service.drafts.expire(now);
    }, SWEEP_MS);
    sweep.unref();
    const replication = service.blobs ? startBlobReplication({ services, blobs: service.blobs, transfers$: service.transfers$ }) : null;
    return {
      async dispose() {
        clearInterval(sweep);
        await replication?.stop();
        routes.delete(services.db);
        if (fileServiceOf(services.db) === service) forgetFileService(services.db);
      },
    };
  },
};
