import { describe, expect, it } from 'vitest';
import type { DocumentTemplate } from '../../../src-main/documents/document-template';
import { documentTemplates, printsSubject, templatesFor } from '../../../src-main/documents/document-templates';
import { recordKinds } from '../../../src-shared/records/record-kinds';

const ids = (templates: readonly DocumentTemplate[]) => templates.map((t) => t.id);

/** A module's template as it would declare it: only the kinds it prints. */
const quotation: DocumentTemplate = { ...documentTemplates[0]!, id: 'quotation', label: 'Quotation', prints: { recordKinds: ['leave_request'] } };

describe('document templates', () => {
  it('offer a kind’s own document first, then the summary', () => {
    expect(ids(templatesFor({ type: 'records', kind: 'purchase_request' }))).toEqual(['purchase_request', 'record_summary']);
    expect(ids(templatesFor({ type: 'records', kind: 'leave_request' }))).toEqual(['record_summary']);
    expect(ids(templatesFor({ type: 'tasks', kind: null }))).toEqual(['record_summary']);
    expect(ids(templatesFor({ type: 'meetings', kind: null }))).toEqual([]);
  });

  it('put a module’s template first on its kind wherever it is listed, and nowhere else', () => {
    const listed = [...documentTemplates, quotation];
    expect(ids(templatesFor({ type: 'records', kind: 'leave_request' }, listed))).toEqual(['quotation', 'record_summary']);
    expect(ids(templatesFor({ type: 'records', kind: 'purchase_request' }, listed))).toEqual(['purchase_request', 'record_summary']);
    // A kind's name on another subject type is not that kind.
    expect(printsSubject(quotation, { type: 'tasks', kind: 'leave_request' })).toBe(false);
  });

  it('name only declared kinds, and every declared kind can be printed', () => {
    const declared = new Set(recordKinds.map((k) => k.kind));
    for (const template of documentTemplates) {
      if ('recordKinds' in template.prints) for (const kind of template.prints.recordKinds) expect(declared).toContain(kind);
    }
    for (const kind of declared) expect(templatesFor({ type: 'records', kind }).length).toBeGreaterThan(0);
  });
});
