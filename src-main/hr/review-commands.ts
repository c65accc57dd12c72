import { fail, ok } from '../../src-shared/core/result';
import { performanceReviewKind, type PerformanceReviewData } from '../../src-shared/hr/performance-review-kind';
import { reviewsForCycle } from '../../src-shared/hr/review-cycle';
import { recordRefusedSignature } from '../audit/refused-signatures';
import { verifyPassword } from '../auth/passwords';
import { changeRecord, createRecord, recordOf } from '../records/module-records';
import type { CommandHandlers } from '../host/handler-types';
import { findPerson } from '../people/people-store';
import { writeContextOf } from '../projects/project-access';
import { recordActorOf } from '../records/record-actor';

type Names = 'hr/reviews/start-cycle' | 'hr/reviews/sign';

/**
 * Performance reviews (src-shared/hr/performance-review-kind.ts) through the records platform's
 * writer: a cycle's reviews created by HR, and the two e-signatures — the signer's password checked
 * here (a refused attempt kept with the review), the signature's id written into the field the kind
 * lets only that signer fill, so host and sync server both refuse a forged one.
 */
export const reviewCommandHandlers: CommandHandlers<Names> = {
  async 'hr/reviews/start-cycle'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    if (!actor.roles.includes('hr')) return fail('forbidden', 'Only HR can start a review cycle.');
    const people = await context.db.people.findByIds(input.personIds).exec();
    const unknown = input.personIds.find((id) => people.get(id)?.get('kind') !== 'person');
    if (unknown) return fail('invalid_input', 'Choose people from the directory.', { field: 'personIds' });
    const existing = (await context.db.records.find({ selector: { kind: 'performance_review', personId: { $in: input.personIds } } }).exec()).map((d) => ({
      personId: String(d.get('personId')), cycle: String((d.get('data') as PerformanceReviewData).cycle), status: String(d.get('status')),
    }));
    const planned = reviewsForCycle(input, existing);
    for (const data of planned) {
      const created = await createRecord(context, performanceReviewKind, actor, data);
      if (!created.ok) return created;
    }
    return ok({ created: planned.length, skipped: new Set(input.personIds).size - planned.length });
  },

  async 'hr/reviews/sign'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const found = await recordOf(context.db, performanceReviewKind, input.id, actor);
    if (found.error) return found.error;
    const review = found.value;
    const data = review.data as PerformanceReviewData;
    const field = data.personId === actor.id ? 'employeeSignatureId' : (actor.managedIds ?? []).includes(data.personId) ? 'managerSignatureId' : null;
    if (!field) return fail('forbidden', 'Only the person reviewed and their manager sign a review.');
    if (review.status !== 'sign_off') return fail('invalid_state', 'The review is signed once it has been discussed (stage Sign-off).');
    if (data[field]) return fail('invalid_state', 'You have signed this review already.');
    const person = await findPerson(context.db, actor.id);
    if (!(await verifyPassword(person?.passwordHash, input.password))) {
      await recordRefusedSignature(context.writer, writeContextOf(context), { subjectType: 'records', subjectId: review.id, meaning: 'review_sign_off', what: `${performanceReviewKind.label} ${data.cycle}` });
      return fail('signature_invalid', 'The password is not correct; nothing was signed.', { field: 'password' });
    }
    const signed = { ...data, [field]: `sig-${context.newId()}` };
    const isComplete = Boolean(signed.employeeSignatureId && signed.managerSignatureId);
    const first = await changeRecord(context, performanceReviewKind, actor, review, { data: { [field]: signed[field] } });
    if (!first.ok || !isComplete) return first;
    const after = await recordOf(context.db, performanceReviewKind, review.id, actor);
    if (after.error) return after.error;
    return changeRecord(context, performanceReviewKind, actor, after.value, { status: 'signed' });
  },
};
