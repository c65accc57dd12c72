/**
 * A fresh id for one user intent. Commands that write carry it so that a retried send (a reconnect,
 * a double click) changes nothing twice. `randomUUID` needs a secure context, which both the
 * Electron window and serve mode on 127.0.0.1 are; the fallback covers anything else.
 */
export function newCommandId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
