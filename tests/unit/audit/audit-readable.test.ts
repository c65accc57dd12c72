import { describe, expect, it } from 'vitest';
import { auditTrailCsv } from '../../../src-shared/audit/audit-csv';
import type { AuditTrailEntryView } from '../../../src-shared/audit/audit-contract';
import {
  actionLabel, areaOfCommand, fieldLabel, readableChanges, recordLabel, refusedSignatureOf, signaturesInChanges, valueText,
} from '../../../src-shared/audit/audit-readable';

const names = new Map([['01PERSONBOB', 'Bob Tester'], ['01PERSONANA', 'Ana Lab'], ['01PROJECT', 'ASSAY-7 Assay validation']]);

describe('the audit trail in a lab person’s words', () => {
  it('names actions in words, known ones specifically and others by their area', () => {
    expect(actionLabel('tasks/assign')).toBe('Assigned a task');
    expect(actionLabel('workflows/instances/advance')).toBe('Acted on a workflow step');
    expect(actionLabel('tasks/set-status')).toBe('Tasks: set status');
    expect(actionLabel('plan-items/update')).toBe('Plan items: update');
    expect(actionLabel('scheduler')).toBe('Scheduler');
  });

  it('sorts commands into the areas people filter by', () => {
    expect(areaOfCommand('projects/set-status')).toBe('projects');
    expect(areaOfCommand('sync/link-person')).toBe('people');
    expect(areaOfCommand('sync/connect')).toBe('settings');
    expect(areaOfCommand('equipment/qualification/sign')).toBe('equipment');
    expect(areaOfCommand('something/else')).toBeNull();
  });

  it('names records by what people call them, not by ids', () => {
    expect(recordLabel('projects', { code: 'ASSAY-7', name: 'Assay validation' })).toBe('Project ASSAY-7 Assay validation');
    expect(recordLabel('tasks', { title: 'Run assay' })).toBe('Task “Run assay”');
    expect(recordLabel('people', { name: 'Ana Lab' })).toBe('Person Ana Lab');
    const run = { code: 'EQUIPMENT_PROCUREMENT', definitionId: 'def-1', entityType: 'procurement', entityId: 'EQ-1', state: {} };
    expect(recordLabel('workflow_instances', run, new Map([['def-1', 'Equipment Procurement Workflow']]))).toBe('Equipment Procurement Workflow for EQ-1');
    // A definition this PC does not know (yet) falls back to the code.
    expect(recordLabel('workflow_instances', run)).toBe('Workflow EQUIPMENT_PROCUREMENT for EQ-1');
    expect(recordLabel('activity', { kind: 'signature_refused', subjectId: 'x', data: { what: 'Manager Approval' } })).toBe('Refused signature for Manager Approval');
    expect(recordLabel('activity', { kind: 'comment', subjectId: '01PROJECT' }, names)).toBe('Comment on ASSAY-7 Assay validation');
  });

  it('writes field names in words', () => {
    expect(fieldLabel('assigneeId')).toBe('Assignee');
    expect(fieldLabel('dueDate')).toBe('Due date');
    expect(fieldLabel('watcherIds')).toBe('Watchers');
    expect(fieldLabel('data.approved_amount')).toBe('Approved amount');
  });

  it('shows ids as names, lists joined, yes/no, a dash for nothing, long values cut', () => {
    expect(valueText('01PERSONBOB', names)).toBe('Bob Tester');
    expect(valueText(['01PERSONBOB', '01PERSONANA'], names)).toBe('Bob Tester, Ana Lab');
    expect(valueText(null, names)).toBe('—');
    expect(valueText(true, names)).toBe('Yes');
    expect(valueText({ text: 'x'.repeat(400) }, names)).toBe('(details)');
    expect(valueText({ amountMinor: 1200, currency: 'EUR' }, names)).toBe('Amount minor 1200, Currency EUR');
  });

  it('leaves out book-keeping, opens a record’s data into its fields and never shows a password hash', () => {
    const changes = readableChanges(
      [
        { field: 'id', old: null, new: '01TASK' },
        { field: 'assigneeId', old: null, new: '01PERSONBOB' },
        { field: 'status', old: 'todo', new: 'in_progress' },
        { field: 'definition', old: { steps: 'a'.repeat(300) }, new: { steps: 'b'.repeat(300) } },
        { field: 'eventCount', old: 4, new: 7 },
        { field: 'passwordHash', old: 'argon2…', new: 'argon2…' },
        { field: 'data', old: { amount: 10, note: 'same' }, new: { amount: 12, note: 'same', ownerId: '01PERSONANA' } },
      ],
      names,
    );
    expect(changes).toEqual([
      { field: 'Assignee', old: '—', new: 'Bob Tester' },
      { field: 'Status', old: 'Todo', new: 'In progress' },
      { field: 'Definition', old: '(details)', new: '(details changed)' },
      { field: 'Password', old: '—', new: 'changed' },
      { field: 'Amount', old: '10', new: '12' },
      { field: 'Owner', old: '—', new: 'Ana Lab' },
    ]);
    expect(JSON.stringify(changes)).not.toContain('argon2');
  });

  it('says a secret changed without showing it or its ciphertext', () => {
    const changes = readableChanges(
      [
        { field: 'secretCipher', old: null, new: 'kf1:6ivgibwgXbl5' },
        { field: 'smtp.passwordCipher', old: 'kf1:aaaa', new: 'kf1:bbbb' },
        { field: 'data', old: {}, new: { apiSecret: 'plain-secret' } },
        { field: 'name', old: null, new: 'LIMS' },
      ],
      names,
    );
    expect(changes).toEqual([
      { field: 'Secret', old: '—', new: 'changed' },
      { field: 'Password', old: '—', new: 'changed' },
      { field: 'Api secret', old: '—', new: 'changed' },
      { field: 'Name', old: '—', new: 'LIMS' },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/kf1|plain-secret/);
  });

  it('finds the signatures a change adds to a record, not the ones it already had', () => {
    const earlier = { meaning: 'executed', name: 'Ana Lab', at: '2026-12-01T09:00:00.000Z' };
    const added = { meaning: 'reviewed', name: 'Bob Tester', at: '2026-12-02T10:00:00.000Z' };
    const found = signaturesInChanges([{ field: 'data', old: { signatures: [earlier] }, new: { signatures: [earlier, added] } }], 'Qualification OQ-1');
    expect(found).toEqual([{ signerName: 'Bob Tester', signedAt: added.at, meaning: 'reviewed', what: 'Qualification OQ-1', isRefused: false }]);
    const minutes = signaturesInChanges([{ field: 'data', old: { signoffs: [] }, new: { signoffs: [{ version: 2, name: 'Ana Lab', meaning: 'approved', signedAt: added.at }] } }], 'Meeting “Weekly”');
    expect(minutes[0]).toMatchObject({ signerName: 'Ana Lab', what: 'Meeting “Weekly” (version 2)' });
    expect(signaturesInChanges([{ field: 'title', old: 'a', new: 'b' }], 'x')).toEqual([]);
  });

  it('reads a refused attempt out of its activity entry, and nothing out of others', () => {
    const after = { kind: 'signature_refused', at: '2026-12-02T10:00:00.000Z', data: { meaning: 'approved', what: 'Manager Approval' } };
    expect(refusedSignatureOf({ collectionName: 'activity', actorName: 'Bob Tester', at: after.at, after })).toEqual({
      signerName: 'Bob Tester', signedAt: after.at, meaning: 'approved', what: 'Manager Approval', isRefused: true,
    });
    expect(refusedSignatureOf({ collectionName: 'activity', actorName: 'Bob', at: after.at, after: { kind: 'comment' } })).toBeNull();
    expect(refusedSignatureOf({ collectionName: 'records', actorName: 'Bob', at: after.at, after })).toBeNull();
  });
});

describe('the audit trail as CSV', () => {
  const entry: AuditTrailEntryView = {
    id: 'a1', at: '2026-12-02T10:00:00.000Z', actorId: '01PERSONBOB', actorName: 'Bob Tester', command: 'tasks/update', action: 'Tasks: update',
    area: 'tasks', collectionName: 'tasks', recordId: 't1', record: '=HYPERLINK("x")', changes: [{ field: 'Title', old: 'a, b', new: 'c' }],
    signatures: [{ signerName: 'Bob Tester', signedAt: '2026-12-02T10:00:00.000Z', meaning: 'approved', what: 'Step', isRefused: true }],
  };
  const csv = auditTrailCsv([entry], { locale: 'en-GB', timeZone: 'UTC' });

  it('has the screen’s columns, dates in the one format, quoting where needed', () => {
    const [header, row] = csv.replace('\uFEFF', '').split('\r\n');
    expect(header).toBe('When,Who,Action,Record,Changes,Signatures,Command');
    expect(row).toContain('2 Dec 2026, 10:00');
    expect(row).toContain('"Title: a, b → c"');
    expect(row).toContain('Refused (wrong password): Bob Tester');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
