import { describe, expect, it } from 'vitest';
import { companyDomain, duplicateGroups, findDuplicates, normalisedName } from '../../../src-shared/crm/duplicates';
import { kindsReferencingOrganisations, mergedOrganisationData, mergeProblem, repointedData } from '../../../src-shared/crm/organisation-merge';
import { recordKinds } from '../../../src-shared/records/record-kinds';

describe('duplicate organisations', () => {
  it('set aside legal forms, case, accents and punctuation in names', () => {
    expect(normalisedName('Acme Labs GmbH & Co. KG')).toBe('acme labs');
    expect(normalisedName('ACME LABS')).toBe('acme labs');
    expect(normalisedName('Müller Analytik AG')).toBe('muller analytik');
    // A name that is only a legal form stays comparable rather than empty.
    expect(normalisedName('The Company')).toBe('the company');
  });

  it('ignore public mail providers as a company domain', () => {
    expect(companyDomain('Jo@Acme-Labs.com ')).toBe('acme-labs.com');
    expect(companyDomain('jo@gmail.com')).toBe('');
    expect(companyDomain('')).toBe('');
  });

  it('find the same name, the same email and the same company domain, strongest first, never the candidate itself', () => {
    const existing = [
      { id: 'o1', name: 'Acme Labs Ltd', email: 'info@acme.com' },
      { id: 'o2', name: 'Other', email: 'sales@acme.com' },
      { id: 'o3', name: 'Acme Labs', email: 'buy@acme.com' },
      { id: 'o4', name: 'Unrelated', email: 'a@gmail.com' },
      { id: 'me', name: 'Acme Labs', email: 'buy@acme.com' },
    ];
    expect(findDuplicates({ id: 'me', name: 'ACME Labs GmbH', email: 'buy@acme.com' }, existing)).toEqual([
      { id: 'o3', reasons: ['same_name', 'same_email'] },
      { id: 'o1', reasons: ['same_name', 'same_domain'] },
      { id: 'o2', reasons: ['same_domain'] },
    ]);
    expect(findDuplicates({ name: 'Someone', email: 'b@gmail.com' }, existing)).toEqual([]);
  });

  it('group a register by name or email, joining chains (A~B by name, B~C by email)', () => {
    const groups = duplicateGroups([
      { id: 'a', name: 'Acme', email: 'x@acme.com' },
      { id: 'b', name: 'ACME GmbH', email: 'y@acme.com' },
      { id: 'c', name: 'Acme Europe', email: 'Y@acme.com' },
      { id: 'd', name: 'Beta', email: '' },
      { id: 'e', name: 'Gamma', email: '' },
    ]);
    expect(groups).toEqual([['a', 'b', 'c']]);
  });
});

describe('the organisation merge', () => {
  it('repoints every field that names the loser, and only for kinds that reference organisations', () => {
    expect(repointedData('contact', { organisationId: 'L', lastName: 'Doe' }, 'L', 'S')).toEqual({ organisationId: 'S', lastName: 'Doe' });
    expect(repointedData('purchase_order', { supplierId: 'L' }, 'L', 'S')).toEqual({ supplierId: 'S' });
    expect(repointedData('contact', { organisationId: 'X' }, 'L', 'S')).toBeNull();
    expect(repointedData('leave_request', { organisationId: 'L' }, 'L', 'S')).toBeNull();
  });

  it('repoints interactions only when their subject is the organisation', () => {
    expect(repointedData('interaction', { subjectKind: 'organisation', subjectId: 'L' }, 'L', 'S')).toEqual({ subjectKind: 'organisation', subjectId: 'S' });
    expect(repointedData('interaction', { subjectKind: 'lead', subjectId: 'L' }, 'L', 'S')).toBeNull();
  });

  it('keeps the survivor once in an RFQ sent to both duplicates', () => {
    expect(repointedData('rfq', { supplierIds: ['L', 'S', 'T'] }, 'L', 'S')).toEqual({ supplierIds: ['S', 'T'] });
  });

  it('names only kinds that are declared', () => {
    const declared = new Set(recordKinds.map((k) => k.kind));
    for (const kind of kindsReferencingOrganisations) expect(declared, kind).toContain(kind);
  });

  it('refuses merging an organisation into itself, a removed one, or something else', () => {
    const org = (id: string, extra = {}) => ({ id, kind: 'organisation', ...extra });
    expect(mergeProblem(org('a'), org('a'))).toBe('An organisation cannot be merged into itself.');
    expect(mergeProblem(org('a'), org('b', { deletedAt: '2026-01-01T00:00:00.000Z' }))).toBe('One of the organisations was removed or merged already.');
    expect(mergeProblem(org('a'), { id: 'b', kind: 'contact' })).toBe('Pick two organisations to merge.');
    expect(mergeProblem(org('a'), org('b'))).toBeNull();
  });

  it('gives the survivor both roles and fills its blanks from the loser', () => {
    expect(mergedOrganisationData({ name: 'Acme', roles: ['customer'], email: '', phone: '1', addresses: [] }, { name: 'ACME', roles: ['supplier'], email: 'a@acme.com', phone: '2', addresses: [{ id: 'x' }] })).toEqual({
      name: 'Acme',
      roles: ['customer', 'supplier'],
      email: 'a@acme.com',
      phone: '1',
      addresses: [{ id: 'x' }],
    });
  });
});
