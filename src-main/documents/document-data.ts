import { fail, ok, type Result } from '../../src-shared/core/result';
import { fieldText, fieldValue } from '../../src-shared/documents/field-text';
import { ORGANISATION_PROFILE_ID, type OrganisationData } from '../../src-shared/documents/organisation-profile-kind';
import { documentNumberOf } from '../../src-shared/documents/document-numbering';
import { formatDocumentDay, signatureLines, type SignedEvent } from '../../src-shared/documents/signature-lines';
import { canReadSubject } from '../../src-shared/files/attachment-access';
import type { AttachmentDocument, AttachmentSubjectType } from '../../src-shared/files/attachment-model';
import type { PersonDocument } from '../../src-shared/people/person';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { LabDatabase } from '../database/open-database';
import { loadSubject, syncPersonFrom } from '../files/attachment-subjects';
import type { BlobStore } from '../files/blob-store';
import { loadDirectory, recordActorOf } from '../records/record-actor';
import { canReadRecordDoc, readRecord, readStored } from '../records/record-store';
import type { DocumentData } from './document-template';
import { readFile } from 'node:fs/promises';

/**
 * Everything a template prints, read once from this PC's database: the organisation and its logo,
 * the subject with its fields as text, and the e-signatures of every workflow run about it.
 */
const subjectLabels: Record<AttachmentSubjectType, string> = { records: 'Record', projects: 'Project', tasks: 'Task', meetings: 'Meeting', workflow_instances: 'Workflow' };

export interface DocumentRequest {
  subjectType: AttachmentSubjectType;
  subjectId: string;
  personId: string;
  now: Date;
}

export async function loadOrganisation(db: LabDatabase): Promise<{ profile: OrganisationData | null; updatedAt: string }> {
  const found = await readRecord(db, ORGANISATION_PROFILE_ID);
  return found ? { profile: found.doc.data as OrganisationData, updatedAt: found.doc.updatedAt } : { profile: null, updatedAt: '' };
}

/** The logo's bytes when its file is here and intact; a missing or damaged logo prints no logo. */
async function logoOf(db: LabDatabase, blobs: BlobStore | null, attachmentId: string | undefined): Promise<Buffer | null> {
  if (!attachmentId || !blobs) return null;
  const doc = (await db.activity.findOne(attachmentId).exec())?.toJSON() as AttachmentDocument | undefined;
  if (!doc || (await blobs.verify(doc.data.sha256, doc.data.size)) !== 'available') return null;
  return readFile(blobs.pathOf(doc.data.sha256)!);
}

async function signaturesOf(db: LabDatabase, subjectId: string) {
  const instances = (await db.workflow_instances.find({ selector: { entityId: subjectId } }).exec()).map((d) => d.toJSON() as { id: string; code: string });
  if (instances.length === 0) return [];
  const codes = new Map(instances.map((i) => [i.id, i.code]));
  const events = await db.workflow_events.find({ selector: { instanceId: { $in: [...codes.keys()] } } }).exec();
  return signatureLines(events.map((e) => (e.toJSON() as { data: SignedEvent }).data), (id) => codes.get(id) ?? '');
}

/**
 * The records under a record (an instrument's calibrations and repairs, a quotation's lines) that
 * `personId` may read, oldest first by their date: what a history card or a list document prints.
 */
async function childrenOf(db: LabDatabase, parentId: string, personId: string): Promise<RecordDocument[]> {
  const actor = await recordActorOf(db, personId);
  const found = await db.records.find({ selector: { parentId } }).exec();
  return found
    .map((d) => readStored(d.toJSON() as RecordDocument))
    .filter((r) => canReadRecordDoc(actor, r))
    .map((r) => r.doc)
    .sort((a, b) => (a.date || a.createdAt).localeCompare(b.date || b.createdAt) || a.id.localeCompare(b.id));
}

const taskStatusLabels: Readonly<Record<string, string>> = { backlog: 'Backlog', todo: 'To do', in_progress: 'In progress', blocked: 'Blocked', in_review: 'In review', done: 'Done', cancelled: 'Cancelled' };
/** "on_hold" → "On hold": words for a stored status or priority without a declared label. */
const words = (code: unknown): string => (typeof code === 'string' && code ? code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ') : '');
const statusWords = (type: AttachmentSubjectType, code: unknown): string => (type === 'tasks' ? (taskStatusLabels[String(code)] ?? words(code)) : words(code));

/** Tasks and projects have no kind declaration: their printed fields are these. */
function planFields(type: AttachmentSubjectType, doc: Record<string, unknown>, project: Record<string, unknown> | null, names: ReadonlyMap<string, string>) {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const person = (v: unknown) => (typeof v === 'string' && v ? (names.get(v) ?? v) : '');
  if (type === 'tasks') {
    return [
      { label: 'Project', value: project ? `${text(project.code)} ${text(project.name)}`.trim() : '' },
      { label: 'Status', value: statusWords(type, doc.status) },
      { label: 'Priority', value: words(doc.priority) },
      { label: 'Assignee', value: person(doc.assigneeId) },
      { label: 'Start', value: formatDocumentDay(text(doc.startDate)) },
      { label: 'Due', value: formatDocumentDay(text(doc.dueDate)) },
      { label: 'Description', value: text(doc.description) },
    ];
  }
  if (type === 'projects') {
    return [
      { label: 'Code', value: text(doc.code) },
      { label: 'Status', value: statusWords(type, doc.status) },
      { label: 'Owner', value: person(doc.ownerId ?? doc.createdBy) },
      { label: 'Start', value: formatDocumentDay(text(doc.startDate)) },
      { label: 'End', value: formatDocumentDay(text(doc.endDate)) },
      { label: 'Description', value: text(doc.description) },
    ];
  }
  return [];
}

export async function loadDocumentData(db: LabDatabase, blobs: BlobStore | null, request: DocumentRequest): Promise<Result<{ data: DocumentData; kind: string | null }>> {
  const directory = await loadDirectory(db);
  const people: PersonDocument[] = directory.people;
  const person = syncPersonFrom(directory, request.personId);
  const subject = await loadSubject(db, request.subjectType, request.subjectId);
  if (!canReadSubject(person, subject) || !subject.doc) return fail('not_found', 'What you want to print no longer exists, or it is not shared with you.');
  const names = new Map(people.map((p) => [p.id, p.name]));
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const organisation = await loadOrganisation(db);
  const record = request.subjectType === 'records' ? await readRecord(db, request.subjectId) : null;
  const kind = record?.kind;
  const statusLabel = kind?.statuses.find((s) => s.id === record?.doc.status)?.label ?? statusWords(request.subjectType, subject.doc.status);
  const fields = kind && record
    ? kind.fields.map((f) => ({ label: f.label, value: fieldText(f, fieldValue(record.doc as unknown as Record<string, unknown>, f.field), { names, timeZone, statusLabel }) }))
    : planFields(request.subjectType, subject.doc, subject.project ?? null, names);
  const printed = documentNumberOf(record?.doc ?? subject.doc, record !== null);
  const numbered = { number: printed.number, numberIsFinal: printed.isFinal };
  return ok({
    kind: record?.doc.kind ?? null,
    data: {
      organisation: organisation.profile,
      logo: await logoOf(db, blobs, organisation.profile?.logoAttachmentId),
      subject: {
        type: request.subjectType,
        id: request.subjectId,
        record: record?.doc ?? null,
        doc: subject.doc,
        children: record ? await childrenOf(db, record.doc.id, request.personId) : [],
        kindLabel: kind?.label ?? subjectLabels[request.subjectType],
        title: String(record?.doc.title ?? subject.doc.title ?? subject.doc.name ?? ''),
        ...numbered,
        statusLabel,
        fields,
      },
      signatures: await signaturesOf(db, request.subjectId),
      people: names,
      generatedAt: request.now.toISOString(),
      generatedBy: names.get(request.personId) ?? request.personId,
      timeZone,
    },
  });
}
