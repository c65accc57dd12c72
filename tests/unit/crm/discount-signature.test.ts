import { describe, expect, it } from 'vitest';
import { discountApprovalSignature } from '../../../src-shared/crm/discount-signature';
import type { SignatureLine } from '../../../src-shared/documents/signature-lines';

const line = (signerName: string, signedAt: string, fields: Partial<SignatureLine> = {}): SignatureLine => ({
  signerName, signedAt, meaning: 'approved', meaningLabel: 'Approved', context: 'Sales manager approval — approve', workflowCode: 'QUOTATION_DISCOUNT', ...fields,
});

describe('the discount approval on a quotation’s PDF', () => {
  it('is the latest approving signature of the discount workflow', () => {
    const lines = [
      line('Mia Manager', '2026-05-04T10:00:00.000Z', { meaning: 'rejected', meaningLabel: 'Rejected' }),
      line('Max Manager', '2026-05-05T10:00:00.000Z'),
      line('Mia Manager', '2026-05-06T10:00:00.000Z'),
      line('Quinn QA', '2026-05-07T10:00:00.000Z', { workflowCode: 'DOCUMENT_REVIEW' }),
    ];
    expect(discountApprovalSignature(lines)).toMatchObject({ signerName: 'Mia Manager', signedAt: '2026-05-06T10:00:00.000Z' });
  });
  it('is absent when the discount never went through approval, or was only declined', () => {
    expect(discountApprovalSignature([])).toBeNull();
    expect(discountApprovalSignature([line('Mia Manager', '2026-05-04T10:00:00.000Z', { meaning: 'rejected', meaningLabel: 'Rejected' })])).toBeNull();
  });
});
