import { z } from 'zod';
import type { RecordDocument } from '../../../src-shared/records/record-document';
import { defineRecordKind } from '../../../src-shared/records/record-kind';
import type { RecordActor } from '../../../src-shared/records/who';

/** A leave-request-like kind for the rules' tests: scoped to HR, the person and their managers; approval by workflow only. */
export const testLeaveKind = defineRecordKind<{ personId: string; days: number; reason: string; hrNote?: string }>({
  kind: 'test_leave',
  module: 'hr',
  label: 'Leave request',
  pluralLabel: 'Leave requests',
  version: 2,
  data: z.object({ personId: z.string(), days: z.number().int().min(1), reason: z.string().default(''), hrNote: z.string().optional() }),
  migrations: { 2: (old) => ({ ...old, days: Number(old.days ?? old.length ?? 1) }) },
  title: (d) => `${d.days} days`,
  statuses: [
    { id: 'draft', label: 'Draft' },
    { id: 'submitted', label: 'Submitted' },
    { id: 'approved', label: 'Approved', isReadOnly: true },
    { id: 'cancelled', label: 'Cancelled', isReadOnly: true },
  ],
  initialStatus: 'draft',
  transitions: [
    { from: ['draft'], to: 'submitted', label: 'Submit', who: 'subject' },
    { from: ['submitted'], to: 'approved', label: 'Approve', who: 'workflow' },
    { from: ['draft', 'submitted'], to: 'cancelled', label: 'Cancel', who: { anyOf: ['subject', { roles: ['hr'] }] }, needsReason: true },
  ],
  number: { prefix: 'LV', isYearly: true },
  columns: { personId: (d) => d.personId },
  fields: [
    { field: 'days', label: 'Days', type: 'number', isEditable: true },
    { field: 'reason', label: 'Reason', type: 'text', isEditable: true },
    { field: 'hrNote', label: 'HR note', type: 'text', isEditable: true },
  ],
  readScope: { anyOf: [{ roles: ['hr'] }, 'subject', 'manager'] },
  create: { anyOf: ['subject', { roles: ['hr'] }] },
  edit: [
    { fields: ['days', 'reason'], who: 'subject', inStatuses: ['draft'] },
    { fields: ['hrNote'], who: { roles: ['hr'] } },
  ],
  remove: { who: 'creator', inStatuses: ['draft'] },
});

export const person = (id: string, roles: string[] = ['member'], extra: Partial<RecordActor> = {}): RecordActor => ({ id, roles, isActive: true, ...extra });

export function leave(personId: string, status = 'draft', data: Record<string, unknown> = {}, extra: Partial<RecordDocument> = {}): RecordDocument {
  return {
    id: 'r1',
    kind: 'test_leave',
    kindVersion: 2,
    title: '3 days',
    status,
    number: '',
    numberState: '',
    parentId: '',
    personId,
    managerIds: ['boss'],
    ownerId: '',
    departmentId: '',
    date: '',
    data: { personId, days: 3, reason: 'Holiday', ...data },
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    createdBy: personId,
    updatedBy: personId,
    auditId: 'a1',
    ...extra,
  };
}
