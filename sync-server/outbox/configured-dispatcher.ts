import type { SyncServerConfig } from '../config';
import type { ServerOutboxDispatcher } from './outbox-dispatcher';

/**
 * The hook where the server's own email (SMTP) and webhook sending plugs in. The PCs' channel
 * settings keep their secrets encrypted for the PC that stored them, so the server cannot reuse
 * them; until the server has channel settings of its own there is no dispatcher, the worker does
 * not run, and deliveries wait in `outbox_deliveries` (each still sent at most once when it does).
 */
export function configuredOutboxDispatcher(_config: SyncServerConfig): ServerOutboxDispatcher | null {
  return null;
}
