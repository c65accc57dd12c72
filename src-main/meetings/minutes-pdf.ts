import { fail, ok, type Result } from '../../src-shared/core/result';
import type { MinutesVersion, Signoff } from '../../src-shared/meetings/meeting-model';
import { loadDocumentData } from '../documents/document-data';
import { renderDocument } from '../documents/render-document';
import { meetingMinutesTemplate, minutesFilename } from '../documents/templates/meeting-minutes';
import { fileServiceOf } from '../files/file-service';
import type { CommandContext } from '../host/handler-types';

/**
 * The PDF of one published version of a meeting's minutes, rendered in the host through the shared
 * document mechanism (src-main/documents: the organisation's letterhead, font and page numbers).
 */
export async function renderMinutesPdf(context: CommandContext, meetingId: string, version: MinutesVersion, signoffs: readonly Signoff[]): Promise<Result<{ filename: string; bytes: Buffer }>> {
  const loaded = await loadDocumentData(context.db, fileServiceOf(context.db)?.blobs ?? null, { subjectType: 'meetings', subjectId: meetingId, personId: context.actor.id, now: context.clock() });
  if (!loaded.ok) return fail(loaded.error.code, loaded.error.message);
  const { bytes } = await renderDocument(meetingMinutesTemplate(version, signoffs), loaded.value.data);
  return ok({ filename: minutesFilename(version), bytes });
}
