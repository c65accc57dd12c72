import { canEditTask, isProjectMember, type ProjectAccessFields } from '../projects/project-access';
import { canRead, canReadRecord } from '../sync/read-scope';
import type { SyncPerson } from '../sync/sync-person';
import { isSyncAdmin } from '../sync/sync-person';
import { allow, deny, type Decision } from '../sync/write-rule';
import type { AttachmentSubjectType } from './attachment-model';

/**
 * Who may attach files to what, and who may remove them. Pure and shared: the host checks its
 * commands with it and the sync server checks pushed attachment documents with it, so a PC cannot
 * attach where its person could not.
 *
 * - a record: whoever may read it (its kind's read scope — an HR record's files are for HR, the
 *   person and their managers);
 * - a project: its owner, team and administrators;
 * - a task: its assignee, watchers and the project team (who may also comment on it);
 * - a meeting or a workflow instance: whoever may read it.
 * Removing (which hides the file and keeps its bytes) is for whoever attached it and administrators.
 */

type Doc = Record<string, unknown>;

/** The subject as the deciding side has it: the stored document (null when it does not have it) and, for a task, its project. */
export interface AttachmentSubject {
  type: AttachmentSubjectType;
  doc: Doc | null;
  project?: Doc | null;
}

const titleOf = (doc: Doc): string => String(doc.title ?? doc.name ?? doc.code ?? doc.id ?? '');

/**
 * Whether `person` may attach a file to `subject`. A subject the deciding side does not have is
 * refused on the host (nothing to attach to) but allowed on the server when `isMissingAllowed`:
 * collections replicate independently, and the subject is judged when it arrives — as for comments.
 */
export function attachDecision(person: SyncPerson, subject: AttachmentSubject, isMissingAllowed = false): Decision {
  const { doc } = subject;
  if (!person.isActive) return deny('This account is deactivated.');
  if (!doc || doc._deleted === true) return isMissingAllowed ? allow : deny('What you want to attach the file to no longer exists.');
  switch (subject.type) {
    case 'records':
      return canReadRecord(person, doc) ? allow : deny('This record is not shared with you, so you cannot add files to it.');
    case 'projects':
      return isProjectMember(doc as Doc & ProjectAccessFields, person) ? allow : deny(`Only the ${titleOf(doc)} team can add files to the project.`);
    case 'tasks': {
      const project = subject.project ?? null;
      if (!project) return isMissingAllowed ? allow : deny('The project of this task no longer exists.');
      return canEditTask(doc, project as Doc & ProjectAccessFields, person) ? allow : deny(`Only the assignee, watchers and the project team can add files to “${titleOf(doc)}”.`);
    }
    case 'meetings':
      return allow;
    case 'workflow_instances':
      return canRead(person, 'workflow_instances', doc) ? allow : deny('This workflow is not shared with you, so you cannot add files to it.');
  }
}

/** Whether `person` may see the subject's files at all (and so list them, open them, or download them). */
export function canReadSubject(person: SyncPerson, subject: AttachmentSubject): boolean {
  if (!person.isActive || !subject.doc) return false;
  if (subject.type === 'records') return canReadRecord(person, subject.doc);
  if (subject.type === 'workflow_instances') return canRead(person, 'workflow_instances', subject.doc);
  return true;
}

/** Whether `person` may remove (hide) an attachment: whoever attached it, and administrators. */
export function removeDecision(person: SyncPerson, attachment: { createdBy?: unknown; personId?: unknown }): Decision {
  if (attachment.createdBy === person.id || attachment.personId === person.id || isSyncAdmin(person)) return allow;
  return deny('Only whoever attached a file (or an administrator) can remove it.');
}
