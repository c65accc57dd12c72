import { parseData } from '../../../src-shared/records/record-data';
import type { RecordDocument } from '../../../src-shared/records/record-document';
import type { AnyRecordKind, RecordLookup } from '../../../src-shared/records/record-kind';
import type { RecordActor } from '../../../src-shared/records/who';

/** Records of the HR kinds as host and server would hold them: data parsed with defaults, columns stamped. */
type Doc = Record<string, unknown>;

export const actor = (id: string, roles: string[] = ['member'], extra: Partial<RecordActor> = {}): RecordActor => ({ id, roles, isActive: true, ...extra });

export function hrRecord(kind: AnyRecordKind, id: string, status: string, data: Doc, fields: Doc = {}): RecordDocument & Doc {
  const parsed = parseData(kind, data);
  if (!parsed.ok) throw new Error(`Fixture ${id} is not valid ${kind.kind} data: ${parsed.error.message}`);
  const d = parsed.value;
  const columns = kind.columns ?? {};
  return {
    id,
    kind: kind.kind,
    kindVersion: kind.version,
    title: kind.title(d),
    status,
    number: '',
    numberState: '',
    parentId: columns.parentId?.(d) ?? '',
    personId: columns.personId?.(d) ?? '',
    managerIds: [],
    ownerId: columns.ownerId?.(d) ?? '',
    departmentId: columns.departmentId?.(d) ?? '',
    date: columns.date?.(d) ?? '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'hana',
    updatedBy: 'hana',
    auditId: '',
    data: d,
    ...fields,
  } as RecordDocument & Doc;
}

export const lookupOf = (docs: readonly Doc[]): RecordLookup => ({
  get: (collection, id) => docs.find((d) => d.id === id && (collection !== 'people' || d.kind === 'person')) ?? null,
  byParent: (kind, parentId) => docs.filter((d) => d.kind === kind && d.parentId === parentId),
  byPerson: (kind, personId) => docs.filter((d) => d.kind === kind && d.personId === personId),
});

export const personDoc = (id: string, roles: string[], isActive = true): Doc => ({ id, kind: 'person', roles, isActive });
