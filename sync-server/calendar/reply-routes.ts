import type { FastifyInstance, FastifyReply } from 'fastify';
import { hashFeedToken, FEED_TOKEN } from '../../src-shared/meetings/calendar-settings';
import { describeWhen, responseLabels } from '../../src-shared/meetings/meeting-labels';
import { meetingDataSchema, type AttendeeResponse, type MeetingDocument } from '../../src-shared/meetings/meeting-model';
import { escapeHtml } from '../../src-shared/notifications/email-templates';
import { lockCollections, notifyChanged, readForUpdate, upsertDocument } from '../replication/document-store';
import type { ServerServices } from '../services';

/**
 * `/calendar/reply/<meeting>?t=<token>`: where someone outside the lab answers an invitation
 * without an account. The token came in their invitation email; the meeting keeps only its hash on
 * their attendee entry, so the link answers for that one person of that one meeting. Opening the
 * link only shows the question (mail scanners open links); the answer is a POST of the form. The
 * change is stored like a pushed one (new sequence number, live to every PC) with an audit entry
 * naming the address that answered.
 */

const answers = ['accepted', 'tentative', 'declined'] as const satisfies readonly AttendeeResponse[];
type Answer = (typeof answers)[number];

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title>` +
  '<style>body{font-family:system-ui,sans-serif;max-width:560px;margin:40px auto;padding:0 16px;color:#222;line-height:1.5}button{font:inherit;padding:8px 16px;margin:4px 8px 4px 0;border-radius:6px;border:1px solid #888;background:#fff;cursor:pointer}</style>' +
  `</head><body><h1 style="font-size:20px">${escapeHtml(title)}</h1>${body}</body></html>`;

function send(reply: FastifyReply, status: number, title: string, body: string) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
    .send(page(title, body));
}

const NOT_VALID = 'This answer link is not valid any more: the meeting changed, was cancelled, or a newer invitation replaced it. Use the link in the latest invitation.';

type Found = { doc: MeetingDocument; stored: Record<string, unknown>; index: number };

function attendeeOf(stored: Record<string, unknown> | undefined, token: string): Found | null {
  if (!stored || !FEED_TOKEN.test(token)) return null;
  const data = meetingDataSchema.safeParse(stored.data);
  if (!data.success || stored.status === 'cancelled') return null;
  const hash = hashFeedToken(token);
  const index = data.data.attendees.findIndex((a) => !a.personId && a.replyTokenHash === hash);
  return index < 0 ? null : { doc: { ...(stored as unknown as MeetingDocument), data: data.data }, stored, index };
}

export function registerReplyRoutes(app: FastifyInstance, services: ServerServices) {
  // The form posts application/x-www-form-urlencoded; parsed here only, for these routes.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 2_000 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.get<{ Params: { meetingId: string }; Querystring: { t?: string } }>('/calendar/reply/:meetingId', async (request, reply) => {
    const token = String(request.query.t ?? '');
    const { rows } = await services.db.query<{ data: Record<string, unknown> }>("SELECT data FROM documents WHERE collection = 'meetings' AND id = $1 AND NOT deleted", [request.params.meetingId]);
    const found = attendeeOf(rows[0]?.data, token);
    if (!found) return send(reply, 404, 'Link not valid', `<p>${escapeHtml(NOT_VALID)}</p>`);
    const { doc, index } = found;
    const attendee = doc.data.attendees[index]!;
    const buttons = answers.map((a) => `<button type="submit" name="response" value="${a}">${escapeHtml(responseLabels[a])}</button>`).join('');
    return send(
      reply,
      200,
      doc.title,
      `<p>${escapeHtml(describeWhen(doc.startsAt, doc.data.timeZone, doc.endsAt))}${doc.data.place ? `<br>${escapeHtml(doc.data.place)}` : ''}</p>` +
        `<p>Your answer so far: <b>${escapeHtml(responseLabels[attendee.response])}</b></p>` +
        `<form method="post"><input type="hidden" name="t" value="${escapeHtml(token)}">${buttons}</form>`,
    );
  });

  app.post<{ Params: { meetingId: string }; Body: { t?: string; response?: string } }>('/calendar/reply/:meetingId', async (request, reply) => {
    const token = String(request.body?.t ?? '');
    const response = String(request.body?.response ?? '') as Answer;
    if (!answers.includes(response)) return send(reply, 400, 'Choose an answer', '<p>Choose Accepted, Tentative or Declined.</p>');
    const now = services.clock().toISOString();
    const title = await services.db.transaction(async (tx) => {
      await lockCollections(tx, ['meetings', 'audit']);
      const stored = (await readForUpdate(tx, 'meetings', [request.params.meetingId])).get(request.params.meetingId);
      const found = stored && !stored.deleted ? attendeeOf(stored.data, token) : null;
      if (!found) return null;
      const { doc, index } = found;
      const before = doc.data.attendees[index]!;
      const attendees = doc.data.attendees.map((a, i) => (i === index ? { ...a, response, respondedAt: now } : a));
      const auditId = services.newId();
      const after = { ...found.stored, data: { ...doc.data, attendees }, updatedAt: now, updatedBy: 'sync-server', auditId };
      await upsertDocument(tx, 'audit', auditId, {
        id: auditId, createdAt: now, updatedAt: now, createdBy: 'sync-server', updatedBy: 'sync-server', auditId, at: now,
        actorId: 'sync-server', actorName: `${before.name || before.email} <${before.email}> (answer link)`, command: 'meetings/reply-by-link',
        collectionName: 'meetings', recordId: doc.id, operation: 'update',
        changes: [{ field: `data.attendees.${before.email}.response`, old: before.response, new: response }],
        after, _deleted: false,
      });
      await upsertDocument(tx, 'meetings', doc.id, { ...after, _deleted: false });
      await notifyChanged(tx, ['meetings', 'audit']);
      return doc.title;
    });
    if (title === null) return send(reply, 404, 'Link not valid', `<p>${escapeHtml(NOT_VALID)}</p>`);
    request.log.info({ event: 'calendar.reply', meetingId: request.params.meetingId, response }, 'external attendee answered');
    return send(reply, 200, 'Thank you', `<p>Your answer to “${escapeHtml(title)}” is recorded: <b>${escapeHtml(responseLabels[response])}</b>. The organiser sees it in LabFlow.</p>`);
  });
}
