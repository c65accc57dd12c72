import type { FastifyInstance } from 'fastify';
import type { ServerServices } from './services';

/**
 * `/health`: the process is up (for restarts). `/ready`: it can serve — the database answers and
 * the schema is migrated (for load balancers).
 */
export function registerHealthRoutes(app: FastifyInstance, services: ServerServices) {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (request, reply) => {
    try {
      const { rows } = await services.db.query<{ n: string | number }>('SELECT count(*) AS n FROM schema_migrations');
      return { status: 'ready', database: services.db.kind, migrations: Number(rows[0]?.n ?? 0) };
    } catch (error) {
      request.log.warn({ err: error }, 'not ready');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
}
