import { fail, ok, type Result } from '../core/result';
import type { AgendaItem } from './meeting-model';

/**
 * Files on agenda items. They are not a store of their own: each is an attachment of the meeting
 * (or, for items a series' standing agenda handed down, of the series), so it syncs and is read
 * exactly like the meeting's own files. An agenda item only names which of those files belong to
 * it. A file of another meeting, or one removed meanwhile, is never named: the host refuses it, and
 * what an item shows is always looked up among the meeting's live files, so an id a hostile client
 * slipped in shows nothing.
 */

/** A live attachment of a meeting, as the agenda needs it. */
export interface MeetingFile {
  id: string;
  name: string;
  /** The meeting or series document the file is attached to. */
  subjectId: string;
}

/** The documents whose files an item of `doc` may name: the meeting itself and the series it belongs to. */
export const fileSubjectsOf = (doc: { id: string; seriesId: string }): string[] => (doc.seriesId ? [doc.id, doc.seriesId] : [doc.id]);

/**
 * The ids an agenda item may keep, or the refusal: each named once, and each new one (not in
 * `alreadyNamed`) a live file of the meeting or its series. Ids the item already had may name files
 * removed since; keeping them changes nothing, as they no longer show.
 */
export function checkAgendaFiles(ids: readonly string[], files: ReadonlyMap<string, MeetingFile>, subjectIds: readonly string[], alreadyNamed: readonly string[] = []): Result<string[]> {
  if (new Set(ids).size !== ids.length) return fail('invalid_input', 'A file is named twice on this agenda item.', { field: 'attachmentIds' });
  const foreign = ids.find((id) => {
    if (alreadyNamed.includes(id)) return false;
    const file = files.get(id);
    return !file || !subjectIds.includes(file.subjectId);
  });
  if (foreign !== undefined) {
    return fail('invalid_input', 'One of the files is not a file of this meeting (it may have been removed meanwhile); attach it to the meeting again.', { field: 'attachmentIds' });
  }
  return ok([...ids]);
}

/** The item's files as the meeting shows them: only those still attached, in the order the item names them. */
export const filesOfItem = (item: Pick<AgendaItem, 'attachmentIds'>, files: ReadonlyMap<string, MeetingFile>): { id: string; name: string }[] =>
  item.attachmentIds.flatMap((id) => {
    const file = files.get(id);
    return file ? [{ id: file.id, name: file.name }] : [];
  });
