import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OUTBOX_KEY_PATH, type OutboxKey } from '../../src-shared/notifications/channel-settings';
import type { ServerServices } from '../services';

type Authenticate = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

const keyResponse = {
  type: 'object',
  required: ['keyId', 'algorithm', 'publicKey'],
  additionalProperties: false,
  properties: { keyId: { type: 'string' }, algorithm: { type: 'string' }, publicKey: { type: 'string' } },
} as const;

/**
 * `GET /sync/v2/outbox/key`: the public half of the server's outbox key, which administrators'
 * PCs seal the SMTP password and webhook secrets with so that the server can send for the team.
 * Public by nature, but only for signed-in people: nothing about the server is told to strangers.
 */
export function registerOutboxRoutes(app: FastifyInstance, services: ServerServices, authenticate: Authenticate) {
  app.get(OUTBOX_KEY_PATH, { preHandler: authenticate, schema: { response: { 200: keyResponse } } }, async (): Promise<OutboxKey> => services.outboxKey.pair.key);
}
