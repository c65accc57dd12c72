import Fastify, { type FastifyInstance } from 'fastify';
import { concatMap, distinctUntilChanged, from, type Subscription } from 'rxjs';
import type { Host } from '../host/create-host';
import type { Logger } from '../logging/logger';
import { apiPlugin } from './api-plugin';
import { answerFrameworkError } from './framework-errors';
import { apiSettings$, reportApiListener, type ApiSettings } from './api-settings-store';

/**
 * The desktop app's API listener: follows Settings → API. Off by default; when an administrator
 * turns it on it listens on this PC only (127.0.0.1), on every address only when they allowed
 * remote calls. A change of port or reach restarts it; where it answers, or why it does not (the port
 * is taken), is reported for the settings page. Serve mode mounts the API on its own server instead.
 */
export interface DesktopApi {
  stop(): Promise<void>;
}

const sameSettings = (a: ApiSettings, b: ApiSettings) => a.isEnabled === b.isEnabled && a.port === b.port && a.allowRemote === b.allowRemote;

function problemOf(error: unknown, settings: ApiSettings): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'EADDRINUSE') return `Port ${settings.port} is used by another program. Choose another port.`;
  if (code === 'EACCES') return `This PC does not let LabFlow listen on port ${settings.port}. Choose another port.`;
  return `The API could not start: ${error instanceof Error ? error.message : String(error)}`;
}

export function startDesktopApi(host: Host, log: Logger, options: { clock?: () => Date } = {}): DesktopApi {
  const clock = options.clock ?? (() => new Date());
  let server: FastifyInstance | undefined;
  let isStopped = false;

  const stopServer = async () => {
    const running = server;
    server = undefined;
    if (running) await running.close();
  };

  const apply = async (settings: ApiSettings) => {
    await stopServer();
    if (!settings.isEnabled) {
      await reportApiListener(host.db, { controlledBy: 'settings', address: null, problem: null });
      return;
    }
    const listenHost = settings.allowRemote ? '0.0.0.0' : '127.0.0.1';
    const app = Fastify({ logger: false, trustProxy: false, frameworkErrors: answerFrameworkError });
    try {
      await app.register(apiPlugin, { prefix: '/api', host, log, clock });
      await app.listen({ port: settings.port, host: listenHost });
      if (isStopped) return void (await app.close());
      server = app;
      const shownHost = settings.allowRemote ? 'localhost' : '127.0.0.1';
      const address = `http://${shownHost}:${settings.port}/api/v1`;
      log.info('api listening', { listenHost, port: settings.port });
      await reportApiListener(host.db, { controlledBy: 'settings', address, problem: null });
    } catch (error) {
      await app.close().catch(() => undefined);
      log.warn('api could not listen', { port: settings.port, reason: (error as { code?: string }).code ?? String(error) });
      await reportApiListener(host.db, { controlledBy: 'settings', address: null, problem: problemOf(error, settings) });
    }
  };

  // One change at a time, in order: a restart finishes before the next one begins.
  const subscription: Subscription = apiSettings$(host.db)
    .pipe(distinctUntilChanged(sameSettings), concatMap((settings) => from(apply(settings).catch((error: unknown) => void log.error('the api listener could not follow its settings', error)))))
    .subscribe({ error: (error: unknown) => log.error('the api listener stopped following its settings', error) });

  return {
    async stop() {
      isStopped = true;
      subscription.unsubscribe();
      await stopServer();
    },
  };
}
