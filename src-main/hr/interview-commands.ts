import { fail, ok } from '../../src-shared/core/result';
import { candidateKind, type CandidateData } from '../../src-shared/hr/candidate-kind';
import { interviewScorecardKind } from '../../src-shared/hr/interview-scorecard-kind';
import { interviewEnd } from '../../src-shared/hr/interviews';
import { meetingContract } from '../../src-shared/meetings/meeting-contract';
import { checkRecordWrite } from '../../src-shared/records/record-rules';
import type { CommandHandlers } from '../host/handler-types';
import { meetingCommandHandlers } from '../meetings/meeting-handlers';
import { recordActorOf } from '../records/record-actor';
import { writeRecord } from '../records/record-handlers';
import { canReadRecordDoc, readRecord, readStored } from '../records/record-store';

/**
 * Scheduling an interview: everything is checked before anything is written (the candidate is at
 * the interview stage, the asker may create scorecards for them, each interviewer is an active
 * colleague without a scorecard for this candidate yet), then the meeting is saved through the
 * meetings module's own command (invitations, calendar, clashes) and one draft scorecard per
 * interviewer is written, naming the meeting. The meeting is private: its title names the
 * candidate, and only its attendees read it.
 */
export const interviewCommandHandlers: CommandHandlers<'hr/interviews/schedule'> = {
  async 'hr/interviews/schedule'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const record = await readRecord(context.db, input.candidateId);
    if (!record || !canReadRecordDoc(actor, record) || record.doc.kind !== candidateKind.kind) return fail('not_found', 'That candidate no longer exists, or they are not shared with you.', { field: 'candidateId' });
    if (record.doc.status !== 'interviews') return fail('invalid_state', 'Move the candidate to Interviews on the board before scheduling an interview.', { field: 'candidateId' });
    const candidate = record.doc.data as unknown as CandidateData;
    const requisition = await readRecord(context.db, candidate.requisitionId);
    const jobTitle = String((requisition?.doc.data as { jobTitle?: unknown } | undefined)?.jobTitle ?? '');

    const people = await context.db.people.findByIds(input.interviewerIds).exec();
    const index = input.interviewerIds.findIndex((id) => people.get(id)?.get('isActive') !== true);
    if (index >= 0) return fail('invalid_input', 'Choose interviewers from your active colleagues.', { field: `interviewerIds.${index}` });
    const existing = (await context.db.records.find({ selector: { kind: interviewScorecardKind.kind, parentId: record.doc.id } }).exec()).map((d) => readStored(d.toJSON() as never).doc);
    const twice = input.interviewerIds.findIndex((id) => existing.some((s) => s.data.interviewerId === id));
    if (twice >= 0) return fail('conflict', `${String(people.get(input.interviewerIds[twice] ?? '')?.get('name'))} already has a scorecard for this candidate.`, { field: `interviewerIds.${twice}` });

    const scorecardOf = (interviewerId: string, meetingId: string) => ({
      kind: interviewScorecardKind.kind, kindVersion: interviewScorecardKind.version, status: interviewScorecardKind.initialStatus, number: '', numberState: '' as const,
      data: { candidateId: record.doc.id, hiringManagerId: candidate.hiringManagerId, interviewerId, candidateName: candidate.name, jobTitle, meetingId, scores: [], recommendation: '', summary: '' },
    });
    const allowed = checkRecordWrite({ kind: interviewScorecardKind, actor, before: null, after: { ...scorecardOf(input.interviewerIds[0] ?? '', ''), id: '', personId: '', managerIds: [], ownerId: '', departmentId: '', createdBy: actor.id } });
    if (!allowed.ok) return allowed;

    const meetingInput = meetingContract['meetings/create'].input.safeParse({
      title: `Interview: ${candidate.name}${jobTitle ? ` for ${jobTitle}` : ''}`,
      type: 'other', startsAt: input.startsAt, endsAt: interviewEnd(input.startsAt, input.minutes), timeZone: input.timeZone, place: input.place,
      isPrivate: true, recordId: record.doc.id, attendees: input.interviewerIds.map((personId) => ({ personId })),
    });
    if (!meetingInput.success) return fail('invalid_input', meetingInput.error.issues[0]?.message ?? 'The interview cannot be scheduled like this.', { field: 'startsAt' });
    const meeting = await meetingCommandHandlers['meetings/create'](meetingInput.data, context);
    if (!meeting.ok) return meeting;

    const scorecardIds: string[] = [];
    for (const interviewerId of input.interviewerIds) {
      const written = await writeRecord(context, interviewScorecardKind, actor, null, scorecardOf(interviewerId, meeting.value.id));
      if (!written.ok) return written;
      scorecardIds.push(written.value.id);
    }
    return ok({ meetingId: meeting.value.id, scorecardIds });
  },
};
