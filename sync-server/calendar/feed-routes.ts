import type { FastifyInstance } from 'fastify';
import { personalFeed } from '../../src-shared/meetings/calendar-feed';
import { createHash } from 'node:crypto';
import { loadPerson } from '../auth/people-directory';
import type { ServerServices } from '../services';
import { feedOwner, feedSources } from './feed-source';

/**
 * `GET /calendar/<token>.ics`: a person's calendar feed for Outlook, Google Calendar, Thunderbird
 * or a phone to subscribe to. The token in the address is the only credential (calendar clients
 * send no sign-in): it is 256 random bits, stored only as a hash, and revoked by its owner in
 * LabFlow. The feed holds only what its owner may read (calendar-feed.ts), judged with their
 * current roles; a deactivated person's feed answers nothing. Clients poll: an ETag over the
 * content (without the DTSTAMP of the moment) lets unchanged feeds answer 304.
 */
const NOT_VALID = 'This calendar link is not valid: it was revoked or never existed. Make a new link in LabFlow under Meetings → Calendar settings.';

/** The ETag of a feed: its text without the DTSTAMP lines, which change with every request. */
export const feedEtag = (text: string): string => `"${createHash('sha256').update(text.replace(/^DTSTAMP:.*\r\n/gm, '')).digest('hex').slice(0, 32)}"`;

export function registerCalendarFeedRoutes(app: FastifyInstance, services: ServerServices) {
  app.get<{ Params: { file: string } }>('/calendar/:file', async (request, reply) => {
    const match = /^([A-Za-z0-9_-]{43})\.ics$/.exec(request.params.file);
    const ownerId = match ? await feedOwner(services.db, match[1] as string) : null;
    const person = ownerId ? await loadPerson(services.db, ownerId, services.clock()) : null;
    if (!person?.isActive) {
      request.log.info({ event: 'calendar.feed_refused' }, 'calendar feed refused');
      return reply.code(404).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send(NOT_VALID);
    }
    const now = services.clock();
    const sources = await feedSources(services.db, person.id, now);
    const text = personalFeed(person, sources, { now, person: (id) => sources.people.get(id), roomName: (id) => sources.rooms.get(id), appUrl: '' });
    const etag = feedEtag(text);
    reply.header('etag', etag).header('cache-control', 'private, no-cache').header('x-content-type-options', 'nosniff');
    const asked = request.headers['if-none-match'];
    if (typeof asked === 'string' && asked.split(',').some((tag) => tag.trim() === etag)) return reply.code(304).send();
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="labflow.ics"').send(text);
  });
}
