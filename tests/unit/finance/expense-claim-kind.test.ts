import { describe, expect, it } from 'vitest';
import { expenseClaimKind } from '../../../src-shared/finance/expense-claim-kind';
import { expenseSettingsKind } from '../../../src-shared/finance/expense-settings-kind';
import { checkInvariant } from '../../../src-shared/records/record-invariants';
import type { RecordDocument } from '../../../src-shared/records/record-document';
import { canReadScope, scopeOfRecord } from '../../../src-shared/records/record-scope';
import { checkRecordWrite } from '../../../src-shared/records/record-rules';
import { actor, hrRecord, lookupOf } from '../hr/hr-fixtures';

const meal = { id: 'l1', date: '2026-03-02', category: 'meals', description: 'Dinner with the auditor', amountMinor: 4_000, currency: 'EUR', costCentre: 'QC' };
const claim = (lines: Record<string, unknown>[], status = 'draft', id = 'C1') =>
  hrRecord(expenseClaimKind, id, status, { personId: 'max', purpose: 'Audit visit', lines, total: { amountMinor: lines.reduce((s, l) => s + Number(l.amountMinor), 0), currency: 'EUR' } }, { managerIds: ['mia'], createdBy: 'max' });
const receipt = (id: string, subjectId: string) => ({ id, kind: 'attachment', subjectType: 'records', subjectId });
const judge = (rec: RecordDocument, previous: RecordDocument | null, docs: Record<string, unknown>[] = []) =>
  checkInvariant(expenseClaimKind, rec, previous, lookupOf(docs), '2026-03-03T09:00:00Z', 'max');

describe('an expense claim submitted against finance\'s policy', () => {
  it('refuses the submission of a line that needs a receipt, naming the line', () => {
    const draft = claim([meal]);
    expect(judge(draft, null)).toBeNull(); // a draft may be incomplete while it is filled in
    expect(judge({ ...draft, status: 'submitted' }, draft)).toEqual({
      message: expect.stringMatching(/^Line 1: Meals: a line above .+ needs a receipt/),
      field: 'data.lines.0.receiptAttachmentId',
    });
  });

  it('takes it with the receipt attached to this claim, and refuses a file of another record', () => {
    const withReceipt = claim([{ ...meal, receiptAttachmentId: 'A1' }]);
    expect(judge({ ...withReceipt, status: 'submitted' }, withReceipt, [receipt('A1', 'C1')])).toBeNull();
    expect(judge({ ...withReceipt, status: 'submitted' }, withReceipt, [receipt('A1', 'OTHER')])).toEqual({
      message: 'The receipt of line 1 is not a file of this claim; attach it here and choose it again.',
      field: 'data.lines.0.receiptAttachmentId',
    });
  });

  it('tolerates a receipt not there yet only in a draft, and has a submission wait for it rather than refuse it', () => {
    const withReceipt = claim([{ ...meal, receiptAttachmentId: 'A1' }]);
    // Made offline: the claim reaches the sync server before its receipt can.
    expect(judge(withReceipt, null)).toBeNull();
    expect(judge({ ...withReceipt, status: 'submitted' }, withReceipt)).toEqual({
      message: 'The receipt of line 1 is not a file of this claim; attach it here and choose it again.',
      field: 'data.lines.0.receiptAttachmentId',
      isWaiting: true,
    });
    // A file that is there but belongs to something else is refused in a draft too, and never waits.
    expect(judge(withReceipt, null, [receipt('A1', 'OTHER')])).toEqual({ message: expect.stringContaining('not a file of this claim'), field: 'data.lines.0.receiptAttachmentId' });
  });

  it('judges by the stored settings: a stricter limit finance saved refuses the line', () => {
    const settings = hrRecord(expenseSettingsKind, 'S1', 'active', { policies: [{ category: 'meals', limitMinor: 3_000, receiptAboveMinor: null }] });
    const draft = claim([meal]);
    expect(judge({ ...draft, status: 'submitted' }, draft, [settings])).toMatchObject({ field: 'data.lines.0.amountMinor' });
  });

  it('refuses a total that is not the sum of its lines, and lines in another currency', () => {
    const good = claim([meal]);
    expect(expenseClaimKind.data.safeParse({ ...good.data, total: { amountMinor: 1, currency: 'EUR' } }).success).toBe(false);
    const usd = expenseClaimKind.data.safeParse({ ...good.data, lines: [{ ...meal, currency: 'USD' }] });
    expect(usd.success).toBe(false);
    expect(usd.error?.issues.map((i) => i.message)).toContain('Claim every line in EUR; put USD receipts on a claim of their own.');
  });
});

describe('who does what to an expense claim', () => {
  const draft = claim([meal]);
  it('lets the claimant change their draft, not their manager or finance, and nobody submit or approve by hand', () => {
    const proposed = { ...draft, data: { ...draft.data, purpose: 'Audit visit, Berlin' } };
    expect(checkRecordWrite({ kind: expenseClaimKind, actor: actor('max'), before: draft, after: proposed }).ok).toBe(true);
    expect(checkRecordWrite({ kind: expenseClaimKind, actor: actor('mia', ['department_head'], { managedIds: ['max'] }), before: draft, after: proposed }).ok).toBe(false);
    expect(checkRecordWrite({ kind: expenseClaimKind, actor: actor('fay', ['finance']), before: draft, after: proposed }).ok).toBe(false);
    expect(checkRecordWrite({ kind: expenseClaimKind, actor: actor('max'), before: draft, after: { ...draft, status: 'submitted' } }).ok).toBe(false);
    const submitted = { ...draft, status: 'submitted' };
    expect(checkRecordWrite({ kind: expenseClaimKind, actor: actor('fay', ['finance']), before: submitted, after: { ...submitted, status: 'approved' } }).ok).toBe(false);
  });

  it('is read by the claimant, their manager and finance only', () => {
    const scope = scopeOfRecord(expenseClaimKind, draft);
    expect(canReadScope(expenseClaimKind, actor('max'), scope)).toBe(true);
    expect(canReadScope(expenseClaimKind, actor('mia', ['member'], { managedIds: ['max'] }), scope)).toBe(true);
    expect(canReadScope(expenseClaimKind, actor('fay', ['finance']), scope)).toBe(true);
    expect(canReadScope(expenseClaimKind, actor('eve', ['member'], { managedIds: [] }), scope)).toBe(false);
    expect(canReadScope(expenseClaimKind, actor('ada', ['admin']), scope)).toBe(false);
  });
});
