import { fail, ok } from '../../src-shared/core/result';
import { isAttendee } from '../../src-shared/meetings/meeting-access';
import { attendeeKey } from '../../src-shared/meetings/meeting-model';
import { nextMinutesVersion } from '../../src-shared/meetings/minutes';
import { fileSubjectsOf } from '../../src-shared/meetings/agenda-files';
import { recordRefusedSignature } from '../audit/refused-signatures';
import { verifyPassword } from '../auth/passwords';
import type { CommandHandlers } from '../host/handler-types';
import { findPerson } from '../people/people-store';
import { writeContextOf } from '../projects/project-access';
import { namesOf, readDirectory } from './meeting-directory';
import { editMeeting, notFoundIn, withData } from './meeting-edit';
import { tellAttendees } from './meeting-notices';
import { meetingFor } from './meeting-store';
import { renderMinutesPdf } from './minutes-pdf';
import { meetingFiles } from './meeting-files';

type Names =
  | 'meetings/minutes/attendance'
  | 'meetings/minutes/notes'
  | 'meetings/minutes/summary'
  | 'meetings/decisions/add'
  | 'meetings/decisions/remove'
  | 'meetings/minutes/publish'
  | 'meetings/minutes/sign'
  | 'meetings/minutes/pdf';

/**
 * Minutes, taken during or after the meeting by the organiser or a minute-taker: attendance, notes
 * per agenda item, a summary and decisions. Publishing freezes them as a numbered version
 * (minutes.ts), tells the attendees in the app and by email with the PDF; attendees sign a version
 * off with their password. A published version is never edited: corrections are the next version.
 */
export const minutesCommandHandlers: CommandHandlers<Names> = {
  async 'meetings/minutes/attendance'(input, context) {
    const saved = await editMeeting(context, input.id, 'minutes', ({ doc }) => {
      if (!doc.data.attendees.some((a) => attendeeKey(a) === input.attendeeKey)) return notFoundIn('attendee', 'attendeeKey');
      return ok(withData(doc, { minutes: { ...doc.data.minutes, attendance: { ...doc.data.minutes.attendance, [input.attendeeKey]: input.mark } } }));
    });
    return saved.ok ? ok({ id: saved.value.id }) : saved;
  },

  async 'meetings/minutes/notes'(input, context) {
    const saved = await editMeeting(context, input.id, 'minutes', ({ doc }) => {
      if (!doc.data.agenda.some((i) => i.id === input.itemId)) return notFoundIn('agenda item', 'itemId');
      return ok(withData(doc, { agenda: doc.data.agenda.map((i) => (i.id === input.itemId ? { ...i, notes: input.notes } : i)) }));
    });
    return saved.ok ? ok({ id: saved.value.id }) : saved;
  },

  async 'meetings/minutes/summary'(input, context) {
    const saved = await editMeeting(context, input.id, 'minutes', ({ doc }) => ok(withData(doc, { minutes: { ...doc.data.minutes, summary: input.summary } })));
    return saved.ok ? ok({ id: saved.value.id }) : saved;
  },

  async 'meetings/decisions/add'(input, context) {
    const decisionId = context.newId();
    const saved = await editMeeting(context, input.id, 'minutes', ({ doc }) => {
      if (input.agendaItemId && !doc.data.agenda.some((i) => i.id === input.agendaItemId)) return notFoundIn('agenda item', 'agendaItemId');
      const decision = { id: decisionId, text: input.text, ...(input.agendaItemId ? { agendaItemId: input.agendaItemId } : {}) };
      return ok(withData(doc, { minutes: { ...doc.data.minutes, decisions: [...doc.data.minutes.decisions, decision] } }));
    });
    return saved.ok ? ok({ id: saved.value.id, decisionId }) : saved;
  },

  async 'meetings/decisions/remove'(input, context) {
    const saved = await editMeeting(context, input.id, 'minutes', ({ doc }) => {
      if (!doc.data.minutes.decisions.some((d) => d.id === input.decisionId)) return notFoundIn('decision', 'decisionId');
      return ok(withData(doc, { minutes: { ...doc.data.minutes, decisions: doc.data.minutes.decisions.filter((d) => d.id !== input.decisionId) } }));
    });
    return saved.ok ? ok({ id: saved.value.id }) : saved;
  },

  async 'meetings/minutes/publish'(input, context) {
    const directory = await readDirectory(context.db);
    let version = 0;
    const saved = await editMeeting(context, input.id, 'minutes', async ({ doc }) => {
      if (doc.data.recurrence && !doc.seriesId) return fail('invalid_state', 'Minutes belong to one meeting of the series: open the meeting that took place.');
      const files = await meetingFiles(context.db, fileSubjectsOf(doc));
      const next = nextMinutesVersion(doc, { ...namesOf(directory), file: (id) => files.get(id)?.name }, { now: context.clock(), publisherId: context.actor.id, changeNote: input.changeNote });
      if (!next.ok) return next;
      version = next.value.version;
      return ok(withData(doc, { minutesVersions: [...doc.data.minutesVersions, next.value] }));
    });
    if (!saved.ok) return saved;
    const published = saved.value.data.minutesVersions.at(-1)!;
    const pdf = await renderMinutesPdf(context, saved.value.id, published, saved.value.data.signoffs);
    if (!pdf.ok) return pdf;
    const series = saved.value.seriesId ? await meetingFor(context, saved.value.seriesId) : null;
    await tellAttendees(
      context,
      'minutes',
      { doc: saved.value, series: series?.ok && series.value.resolved.kind === 'document' ? series.value.resolved.doc : null, occurrences: [] },
      { version, attachments: [{ filename: pdf.value.filename, contentType: 'application/pdf', contentBase64: pdf.value.bytes.toString('base64') }] },
    );
    return ok({ id: saved.value.id, version });
  },

  async 'meetings/minutes/sign'(input, context) {
    const person = await findPerson(context.db, context.actor.id);
    const saved = await editMeeting(context, input.id, 'none', async ({ doc, actor }) => {
      if (!isAttendee(doc, actor.id)) return fail('forbidden', 'Only attendees of the meeting sign off its minutes.');
      if (!doc.data.minutesVersions.some((v) => v.version === input.version)) return fail('not_found', `Version ${input.version} of the minutes is not published.`, { field: 'version' });
      if (doc.data.signoffs.some((s) => s.version === input.version && s.personId === actor.id)) return fail('invalid_state', `You already signed off version ${input.version}.`);
      if (!(await verifyPassword(person?.passwordHash, input.password))) {
        context.log.warn('a sign-off of meeting minutes was refused: wrong password', { meetingId: doc.id, personId: actor.id, version: input.version });
        await recordRefusedSignature(context.writer, writeContextOf(context), { subjectType: 'meetings', subjectId: doc.id, meaning: input.meaning, what: `Minutes version ${input.version} of “${doc.title}”` });
        return fail('signature_invalid', 'The password is not correct; nothing was signed.', { field: 'password' });
      }
      const signoff = { version: input.version, personId: actor.id, name: person?.name ?? context.actor.name, meaning: input.meaning, signedAt: context.clock().toISOString() };
      return ok(withData(doc, { signoffs: [...doc.data.signoffs, signoff] }));
    });
    return saved.ok ? ok({ id: saved.value.id }) : saved;
  },

  async 'meetings/minutes/pdf'(input, context) {
    const found = await meetingFor(context, input.id);
    if (!found.ok) return found;
    const { resolved } = found.value;
    const doc = resolved.kind === 'document' ? resolved.doc : null;
    const version = doc?.data.minutesVersions.find((v) => v.version === input.version);
    if (!doc || !version) return fail('not_found', `Version ${input.version} of the minutes is not published.`, { field: 'version' });
    const pdf = await renderMinutesPdf(context, doc.id, version, doc.data.signoffs);
    return pdf.ok ? ok({ filename: pdf.value.filename, base64: pdf.value.bytes.toString('base64') }) : pdf;
  },
};

