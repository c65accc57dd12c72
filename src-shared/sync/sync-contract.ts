import { z } from 'zod';
import { command, query } from '../bridge/define';
import { collectionNames } from '../db/schemas';
import { emailSchema } from '../people/person';
import type { RecordConflictsView } from './record-conflicts';
import type { ConflictView, SyncStatusView } from './sync-status';

const serverUrlSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s/?#]+(:\d+)?(\/[^\s?#]*)?$/i, 'Enter the server address, like https://sync.lab.org or http://192.168.1.20:4800.')
  .transform((url) => url.replace(/\/+$/, ''));

/** Settings → Team sync. */
export const syncContract = {
  'sync/status': query<SyncStatusView>()(z.object({})),
  /**
   * Signs this PC in to a sync server and starts syncing every collection. With `setupToken` (printed
   * by a new server) it first makes the signed-in person the server's administrator.
   */
  'sync/connect': command<SyncStatusView>()(
    z.object({
      serverUrl: serverUrlSchema,
      email: emailSchema,
      password: z.string().min(1, 'Enter your password.').max(200),
      setupToken: z.string().trim().max(200).optional(),
    }),
  ),
  /** Stops syncing and forgets the sign-in; every record stays on this PC. */
  'sync/disconnect': command<SyncStatusView>()(z.object({})),
  /** Retries now instead of waiting for the next back-off step. */
  'sync/sync-now': command<SyncStatusView>()(z.object({})),
  'sync/conflicts': query<ConflictView[]>()(z.object({ recordId: z.string().optional(), limit: z.number().int().min(1).max(200).default(50) })),
  /**
   * What one record shows about team sync: the versions the server replaced (newest first, with
   * names, field labels, values as text and the commands that would put them back) and this PC's
   * writes to it that the server refused. Updates as conflicts arrive, the record changes or one is dismissed.
   */
  'sync/record-conflicts': query<RecordConflictsView>()(z.object({ collection: z.enum(collectionNames), recordId: z.string().min(1).max(40) })),
  /**
   * "Dismiss": marks a conflict (its id) or a refused write (its `key`) reviewed by the signed-in
   * person on this PC, so the record stops showing it. Only a flag on this PC: the conflict itself
   * stays in the team's history. `not_found` when there is no such conflict or refusal here.
   */
  'sync/review-conflict': command<{ id: string }>()(z.object({ id: z.string().min(1).max(200) })),
};
