import { describe, expect, it } from 'vitest';
import { schemas } from '../../../src-shared/db/schemas';
import { defineSyncCollection, syncCollections, validationSchemaOf } from '../../../src-shared/sync/collections';
import { keepLocalOnlyFields, redactForPush, redactForSync } from '../../../src-shared/sync/redaction';
import { derivePhase, type PhaseInputs } from '../../../src-shared/sync/sync-status';

const people = defineSyncCollection('people', schemas.people);
const audit = defineSyncCollection('audit', schemas.audit);

describe('redaction', () => {
  it('never lets a password hash leave a PC, in the person or in an audit entry about them', () => {
    expect(redactForSync(people, { id: 'p', passwordHash: '$argon2id$x', name: 'Ada' }, syncCollections)).toEqual({ id: 'p', name: 'Ada' });
    const entry = { collectionName: 'people', after: { id: 'p', passwordHash: '$argon2id$x' }, changes: [{ field: 'passwordHash', old: null, new: '$argon2id$x' }, { field: 'name', old: null, new: 'Ada' }] };
    expect(JSON.stringify(redactForSync(audit, entry, syncCollections))).not.toContain('argon2');
  });

  it('sends a person’s hash to the server only (credentials), never inside an audit entry', () => {
    expect(redactForPush(people, { id: 'p', passwordHash: 'h', name: 'Ada' }, syncCollections)).toEqual({ id: 'p', passwordHash: 'h', name: 'Ada' });
    expect(redactForPush(audit, { collectionName: 'people', after: { passwordHash: 'h' }, changes: [] }, syncCollections)).toEqual({ collectionName: 'people', after: {}, changes: [] });
  });

  it('puts the PC’s own hash back on a person that came from the server', () => {
    expect(keepLocalOnlyFields(people, { id: 'p', name: 'Ada' }, { id: 'p', passwordHash: 'h' })).toEqual({ id: 'p', name: 'Ada', passwordHash: 'h' });
    expect(keepLocalOnlyFields(people, { id: 'p' }, null)).toEqual({ id: 'p' });
  });

  it('registers every collection of the schemas, with plain JSON schemas for validation', () => {
    expect(syncCollections.map((c) => c.name).sort()).toEqual(Object.keys(schemas).sort());
    const plain = validationSchemaOf(people);
    expect(plain).not.toHaveProperty('primaryKey');
    expect(plain).toHaveProperty('properties.email');
  });
});

describe('derivePhase', () => {
  const base: PhaseInputs = { isConfigured: true, endedMessage: null, isStarting: false, isUnreachable: false, isActive: false, pendingChanges: 0, toReceive: 0 };
  it.each([
    [{ isConfigured: false }, 'standalone'],
    [{ endedMessage: 'signed out' }, 'error'],
    [{ isUnreachable: true, pendingChanges: 3 }, 'offline'],
    [{ isStarting: true }, 'connecting'],
    [{ isActive: true }, 'syncing'],
    [{ pendingChanges: 2 }, 'syncing'],
    [{ toReceive: 40 }, 'syncing'],
    [{}, 'up_to_date'],
  ] as [Partial<PhaseInputs>, string][])('%j → %s', (inputs, phase) => {
    expect(derivePhase({ ...base, ...inputs })).toBe(phase);
  });
});
