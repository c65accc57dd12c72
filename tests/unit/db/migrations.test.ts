import { describe, expect, it } from 'vitest';
import { migrations } from '../../../src-shared/db/migrations';
import { schemas, collectionNames } from '../../../src-shared/db/schemas';

describe('schema migrations', () => {
  it('has a strategy for every version step of every collection', () => {
    for (const name of collectionNames) {
      const version = schemas[name].version;
      for (let v = 1; v <= version; v++) expect(migrations[name]?.[v], `${name} v${v}`).toBeTypeOf('function');
    }
  });

  it('moves people v0 (active, role) to v1 (isActive, roles)', () => {
    const v1 = migrations.people?.[1];
    expect(v1?.({ id: 'a', name: 'Ada', active: false, role: 'qa_manager' })).toEqual({ id: 'a', name: 'Ada', isActive: false, roles: ['qa_manager'] });
    expect(v1?.({ id: 'b', name: 'Bo' })).toEqual({ id: 'b', name: 'Bo', isActive: true, roles: [] });
  });

  it('keeps the collection count under RxDB\'s open-source limit of 13 per process', () => {
    expect(collectionNames.length).toBeLessThanOrEqual(12);
  });
});
