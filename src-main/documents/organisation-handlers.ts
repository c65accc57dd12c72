import { combineLatest, map } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import type { OrganisationView } from '../../src-shared/documents/document-contract';
import { ORGANISATION_PROFILE_ID, organisationProfileKind, type OrganisationData } from '../../src-shared/documents/organisation-profile-kind';
import { previewKindOf } from '../../src-shared/files/attachment-model';
import { parseData } from '../../src-shared/records/record-data';
import type { RecordDocument } from '../../src-shared/records/record-document';
import { isAdmin } from '../../src-shared/people/roles';
import type { CommandHandlers, QueryHandlers } from '../host/handler-types';
import { attachFile } from '../files/attachment-handlers';
import { fileServiceOf } from '../files/file-service';
import { recordActorOf } from '../records/record-actor';
import { writeRecord } from '../records/record-handlers';
import { readRecord } from '../records/record-store';

/**
 * Settings → Organisation: the letterhead of generated documents, kept as the one
 * `organisation_profile` record (src-shared/documents/organisation-profile-kind.ts), so it syncs
 * and the kind's rules — administrators only — apply here and on the sync server alike. A new logo
 * is an upload attached to that record.
 */
export const organisationQueryHandlers: QueryHandlers<'organisation/get'> = {
  'organisation/get': (_input, context) =>
    combineLatest([context.db.records.findOne(ORGANISATION_PROFILE_ID).$, context.db.people.findOne(context.actor.id).$]).pipe(
      map(([doc, person]) => {
        const record = doc?.toJSON() as RecordDocument | undefined;
        const roles = ((person?.toJSON() as { roles?: string[] } | undefined)?.roles ?? []) as string[];
        return ok<OrganisationView>({ profile: record ? { ...(record.data as OrganisationData), updatedAt: record.updatedAt } : null, canEdit: isAdmin(roles) });
      }),
    ),
};

export const organisationCommandHandlers: CommandHandlers<'organisation/save'> = {
  async 'organisation/save'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    if (!isAdmin(actor.roles)) return fail('forbidden', 'Only an administrator can change the organisation’s details.');
    const before = await readRecord(context.db, ORGANISATION_PROFILE_ID);
    const current = (before?.doc.data ?? {}) as Partial<OrganisationData>;
    const { logoUploadId, logoMediaType, removeLogo, ...fields } = input;
    if (logoUploadId && previewKindOf(logoMediaType) !== 'image') return fail('invalid_input', 'A logo must be a PNG, JPEG, GIF or WebP image.', { field: 'logo' });
    let logoAttachmentId = removeLogo ? undefined : current.logoAttachmentId;
    const parsed = parseData(organisationProfileKind, { ...fields, ...(logoAttachmentId ? { logoAttachmentId } : {}) });
    if (!parsed.ok) return parsed;
    const base = { kind: organisationProfileKind.kind, kindVersion: organisationProfileKind.version, status: 'active', number: '', numberState: '' };
    const written = await writeRecord(context, organisationProfileKind, actor, before?.doc ?? null, before ? { ...before.doc, data: parsed.value } : { ...base, id: ORGANISATION_PROFILE_ID, data: parsed.value });
    if (!written.ok) return written;
    if (logoUploadId) {
      const service = fileServiceOf(context.db);
      const upload = service?.uploads.take(context.actor.id, logoUploadId, context.clock());
      if (!upload) return fail('not_found', 'The logo upload is gone; choose the logo again.', { field: 'logo' });
      const logo = await attachFile(context, { subjectType: 'records', subjectId: ORGANISATION_PROFILE_ID, file: upload, name: 'Logo', mediaType: logoMediaType, source: 'upload' });
      if (!logo.ok) return { ok: false, error: { ...logo.error, field: 'logo' } };
      logoAttachmentId = logo.value.id;
      const withLogo = await readRecord(context.db, ORGANISATION_PROFILE_ID);
      const again = await writeRecord(context, organisationProfileKind, actor, withLogo?.doc ?? null, { ...withLogo!.doc, data: { ...parsed.value, logoAttachmentId } });
      if (!again.ok) return again;
    }
    const saved = await readRecord(context.db, ORGANISATION_PROFILE_ID);
    return ok({ profile: saved ? { ...(saved.doc.data as OrganisationData), updatedAt: saved.doc.updatedAt } : null, canEdit: true });
  },
};
