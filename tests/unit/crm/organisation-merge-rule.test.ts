import { describe, expect, it } from 'vitest';
import { kindsFiledUnderOrganisations, mergedOrganisationData } from '../../../src-shared/crm/organisation-merge';
import { describeCounts, organisationMergeInvariant } from '../../../src-shared/crm/organisation-merge-rule';
import type { RecordDocument } from '../../../src-shared/records/record-document';
import type { RecordLookup } from '../../../src-shared/records/record-kind';
import { recordKindOf } from '../../../src-shared/records/record-kinds';

type Data = { name: string; mergedIntoId?: string };
const org = (id: string, status: string, data: Data) => ({ id, kind: 'organisation', status, data }) as unknown as Omit<RecordDocument, 'data'> & { data: Data };
const lookup = (docs: Record<string, Record<string, unknown>>, children: Record<string, number> = {}): RecordLookup => ({
  get: (_c, id) => docs[id] ?? null,
  byParent: (kind) => Array.from({ length: children[kind] ?? 0 }, () => ({})),
  byPerson: () => [],
});
const keep = { id: 'K', kind: 'organisation', status: 'active' };
const check = (record: ReturnType<typeof org>, previous: ReturnType<typeof org> | null, l: RecordLookup) =>
  organisationMergeInvariant.check({ record, previous: previous as RecordDocument | null, lookup: l, now: '2026-05-04T09:00:00.000Z', actorId: 'P' });

describe('retiring a merged organisation (the kind invariant)', () => {
  const active = org('D', 'active', { name: 'ACME' });
  it('allows it once nothing is filed under the duplicate and the survivor is a live organisation', () => {
    expect(check(org('D', 'merged', { name: 'ACME', mergedIntoId: 'K' }), active, lookup({ K: keep }))).toBeNull();
  });
  it('names what is still filed under it', () => {
    expect(check(org('D', 'merged', { name: 'ACME', mergedIntoId: 'K' }), active, lookup({ K: keep }, { contact: 2, invoice: 1 }))?.message).toBe(
      'ACME still has 2 contacts and 1 invoice. Move them to the organisation it is merged into first (CRM → Possible duplicates → Merge does).',
    );
  });
  it('refuses itself, a merged or missing survivor (waiting for it), and a pointer without the merge or changed later', () => {
    expect(check(org('D', 'merged', { name: 'ACME', mergedIntoId: 'D' }), active, lookup({}))?.message).toBe('An organisation cannot be merged into itself.');
    expect(check(org('D', 'merged', { name: 'ACME', mergedIntoId: 'K' }), active, lookup({ K: { ...keep, status: 'merged' } }))?.message).toBe('Merge into a live organisation that was not merged itself.');
    expect(check(org('D', 'merged', { name: 'ACME', mergedIntoId: 'K' }), active, lookup({}))).toMatchObject({ isWaiting: true });
    expect(check(org('D', 'merged', { name: 'ACME' }), active, lookup({}))?.message).toBe('Name the organisation this one is merged into.');
    expect(check(org('D', 'active', { name: 'ACME', mergedIntoId: 'K' }), active, lookup({ K: keep }))?.message).toBe('Only merging an organisation names the one it was merged into.');
    expect(check(org('D', 'merged', { name: 'ACME', mergedIntoId: 'X' }), org('D', 'merged', { name: 'ACME', mergedIntoId: 'K' }), lookup({ X: keep }))?.message).toContain('cannot change');
  });
  it('reads the survivor and every kind filed under the duplicate, and only when merging', () => {
    expect(organisationMergeInvariant.reads({ name: 'A' }, org('D', 'active', { name: 'A' }))).toEqual({});
    const reads = organisationMergeInvariant.reads({ name: 'A', mergedIntoId: 'K' }, org('D', 'merged', { name: 'A' }));
    expect(reads.ids).toEqual([{ collection: 'records', id: 'K' }]);
    expect(reads.byParent?.map((r) => r.kind)).toEqual(kindsFiledUnderOrganisations);
  });
  it('lists only kinds whose parent column is their organisation', () => {
    // A kind filed under something else would make the server count the wrong records.
    for (const kind of kindsFiledUnderOrganisations) {
      const declared = recordKindOf(kind)!;
      const sample: Record<string, unknown> = { organisationId: 'O', subjectId: 'O', subjectKind: 'organisation' };
      expect(declared.columns?.parentId?.(sample as never), kind).toBe('O');
    }
  });
  it('says counts as a person would', () => {
    expect(describeCounts(new Map([['contact', 1]]))).toBe('1 contact');
    expect(describeCounts(new Map([['contact', 0], ['opportunity', 3], ['sales_order', 1], ['payment', 2]]))).toBe('3 opportunities, 1 sales order and 2 payments');
    expect(describeCounts(new Map())).toBe('');
  });
});

describe('the survivor’s details, chosen field by field', () => {
  it('takes what the person chose from the duplicate, keeps the rest, joins roles', () => {
    const survivor = { name: 'Acme Labs GmbH', roles: ['customer'], email: 'a@acme.example', phone: '1', ownerId: 'P1' };
    const loser = { name: 'ACME', roles: ['supplier'], email: 'b@acme.example', phone: '2' };
    expect(mergedOrganisationData(survivor, loser, { email: 'loser', phone: 'survivor', ownerId: 'loser' })).toEqual({ name: 'Acme Labs GmbH', roles: ['customer', 'supplier'], email: 'b@acme.example', phone: '1' });
  });
});
