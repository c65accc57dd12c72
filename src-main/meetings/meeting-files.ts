import { ATTACHMENT_KIND, type AttachmentDocument } from '../../src-shared/files/attachment-model';
import type { MeetingFile } from '../../src-shared/meetings/agenda-files';
import type { LabDatabase } from '../database/open-database';

/**
 * The live files of a meeting and its series (attachments the files feature keeps on them; removed
 * ones are soft-deleted, so they are not found), by id: what agenda items may name and show.
 */
export async function meetingFiles(db: LabDatabase, subjectIds: readonly string[]): Promise<Map<string, MeetingFile>> {
  const docs = await db.activity.find({ selector: { kind: ATTACHMENT_KIND, subjectType: 'meetings', subjectId: { $in: [...subjectIds] } } }).exec();
  return new Map(
    docs.map((d) => {
      const doc = d.toJSON() as AttachmentDocument;
      return [doc.id, { id: doc.id, name: doc.data.name, subjectId: doc.subjectId }];
    }),
  );
}
