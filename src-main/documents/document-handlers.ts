import { from } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import { documentNumberOf, keepRefusal } from '../../src-shared/documents/document-numbering';
import type { CommandHandlers, QueryHandlers } from '../host/handler-types';
import { attachFile } from '../files/attachment-handlers';
import { loadSubject, syncPersonOf } from '../files/attachment-subjects';
import { canReadSubject } from '../../src-shared/files/attachment-access';
import { fileServiceOf } from '../files/file-service';
import { loadDocumentData } from './document-data';
import { documentTemplateOf, printsSubject, templatesFor } from './document-templates';
import { renderDocument } from './render-document';

/**
 * Documents/generate renders a template for a subject into a draft the person can look at;
 * documents/keep attaches the draft to its subject as a generated, immutable file.
 */
export const documentCommandHandlers: CommandHandlers<'documents/generate' | 'documents/keep'> = {
  async 'documents/generate'(input, context) {
    const service = fileServiceOf(context.db);
    if (!service?.blobs) return fail('invalid_state', 'This LabFlow has no data folder to keep documents in.');
    const template = documentTemplateOf(input.template);
    const loaded = await loadDocumentData(context.db, service.blobs, { subjectType: input.subjectType, subjectId: input.subjectId, personId: context.actor.id, now: context.clock() });
    if (!loaded.ok) return loaded;
    if (!template || !printsSubject(template, { type: input.subjectType, kind: loaded.value.kind })) return fail('invalid_input', 'This document cannot be printed for it; choose one of the documents offered.', { field: 'template' });
    const { bytes, pages } = await renderDocument(template, loaded.value.data);
    const name = template.fileName(loaded.value.data).replace(/[/\\]/g, '-');
    const draft = await service.drafts.add({ personId: context.actor.id, name, template: template.id, subjectType: input.subjectType, subjectId: input.subjectId, printed: { number: loaded.value.data.subject.number, isFinal: loaded.value.data.subject.numberIsFinal }, at: context.clock().getTime() }, bytes);
    if (!draft.ok) return draft;
    const cannotKeepReason = keepRefusal(draft.value.printed, draft.value.printed);
    return ok({ draftId: draft.value.id, name, size: draft.value.size, pages, ...(cannotKeepReason ? { cannotKeepReason } : {}) });
  },

  async 'documents/keep'(input, context) {
    const service = fileServiceOf(context.db);
    const gone = () => fail('not_found', 'That document was not kept in time and is gone; generate it again.', { field: 'draftId' });
    const found = service?.drafts.get(context.actor.id, input.draftId, context.clock());
    if (!service || !found) return gone();
    // Kept documents never change, so the number they show must be the subject's for good. A refused
    // draft stays a draft: it can still be looked at and saved.
    const now = (await loadSubject(context.db, found.subjectType, found.subjectId)).doc;
    const refusal = now ? keepRefusal(found.printed, documentNumberOf(now, found.subjectType === 'records')) : null;
    if (refusal) return fail('invalid_state', refusal);
    const draft = service.drafts.take(context.actor.id, input.draftId, context.clock());
    if (!draft) return gone();
    const kept = await attachFile(context, { subjectType: draft.subjectType, subjectId: draft.subjectId, file: draft, name: draft.name, mediaType: 'application/pdf', source: 'generated', template: draft.template, number: draft.printed.number });
    if (!kept.ok) await service.blobs?.discard(draft.path);
    return kept;
  },
};

export const documentQueryHandlers: QueryHandlers<'documents/templates'> = {
  'documents/templates': (input, context) =>
    from(
      (async () => {
        const person = await syncPersonOf(context.db, context.actor.id);
        const subject = await loadSubject(context.db, input.subjectType, input.subjectId);
        if (!canReadSubject(person, subject)) return fail('not_found', 'That no longer exists, or it is not shared with you.');
        const kind = input.subjectType === 'records' && typeof subject.doc?.kind === 'string' ? subject.doc.kind : null;
        return ok(templatesFor({ type: input.subjectType, kind }).map((t) => ({ id: t.id, label: t.label })));
      })(),
    ),
};
