import { fail, ok, type Result } from '../../src-shared/core/result';
import { isAdmin } from '../../src-shared/people/roles';
import type { Actor } from '../../src-shared/workflows/instance';
import type { InstanceSummaryView } from '../../src-shared/workflows/workflow-contract';
import { instanceSummary, type NameOf } from '../../src-shared/workflows/workflow-views';
import type { LabDatabase } from '../database/open-database';
import type { HostServices } from '../host/handler-types';
import type { DirectoryPerson } from './people-directory';
import { bindingKey, loadBindings, recordRefFor } from './record-link';
import type { InstanceDocument } from './workflow-documents';
import type { WorkflowRuntime } from './workflow-runtime';

/** What the workflow handlers share: finding the runtime, the acting person, and instance views. */

export type RuntimeOf = (services: HostServices) => WorkflowRuntime;

export const nameOfPeople = (people: ReadonlyMap<string, DirectoryPerson>): NameOf => (id) => people.get(id)?.name;

/** The signed-in person as the engine sees them, with roles read fresh from the directory. */
export async function actorOf(runtime: WorkflowRuntime, personId: string): Promise<Result<Actor>> {
  const person = (await runtime.directory.load()).get(personId);
  if (!person || !person.isActive) return fail('forbidden', 'Your account is not active.');
  return ok({ userId: person.id, name: person.name, roles: person.roles });
}

export async function adminOf(runtime: WorkflowRuntime, personId: string): Promise<Result<Actor>> {
  const actor = await actorOf(runtime, personId);
  if (actor.ok && !isAdmin(actor.value.roles)) return fail('forbidden', 'Only an administrator can manage workflow definitions.');
  return actor;
}

/** The instance a command left, as the person who gave it sees it (with the record it is about). */
export async function summaryOf(runtime: WorkflowRuntime, db: LabDatabase, doc: InstanceDocument, now: Date): Promise<InstanceSummaryView> {
  const [definition, people, bindings] = await Promise.all([runtime.definitions.version(doc.code, doc.version), runtime.directory.load(), loadBindings(db, [doc])]);
  const fallback = { workflow_code: doc.code, name: doc.code, steps: [], initial_step: '' };
  const record = recordRefFor(bindings.get(bindingKey(doc)));
  return { ...instanceSummary(doc.state, definition?.definition ?? fallback, doc.definitionId, nameOfPeople(people), now.toISOString()), ...(record ? { record } : {}) };
}

