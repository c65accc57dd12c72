import { fail, ok, type Result } from '../../src-shared/core/result';
import { candidateKind, type CandidateData } from '../../src-shared/hr/candidate-kind';
import { employeeKind } from '../../src-shared/hr/employee-kind';
import { employeeFromHire, hiredPersonIdOf, hireRefusal, type HireResult } from '../../src-shared/hr/hire';
import { jobRequisitionKind, type JobRequisitionData } from '../../src-shared/hr/job-requisition-kind';
import { resolvePersonDepartment } from '../../src-shared/people/departments';
import type { PersonDocument } from '../../src-shared/people/person';
import { hrPeopleWriteProblem } from '../../src-shared/people/privileged-roles';
import type { RecordActor } from '../../src-shared/records/who';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { writeContextOf } from '../projects/project-access';
import { findPerson, findPersonByEmail, readDepartments } from '../people/people-store';
import { recordActorOf } from '../records/record-actor';
import { changeRecord, createRecord, recordOf, type StoredDoc } from '../records/module-records';
import { startOnboarding } from './onboarding-start';

type Candidate = StoredDoc & { data: CandidateData };

/**
 * The new person, judged by the same people rule the sync server enforces on HR's push
 * (privileged-roles.ts): a create with ordinary roles and no password hash. The id comes from the
 * candidate, so a Hire interrupted after this write finds its person again instead of making a second.
 */
async function createHiredPerson(context: CommandContext, candidate: Candidate, requisition: JobRequisitionData, input: { email: string; roles: string[] }): Promise<Result<PersonDocument>> {
  const id = hiredPersonIdOf(candidate.id);
  const existing = await findPerson(context.db, id);
  if (existing) return ok(existing);
  const sameAddress = await findPersonByEmail(context.db, input.email);
  if (sameAddress) return fail('already_exists', `${sameAddress.name} already uses ${input.email}; give the new person their own work address.`, { field: 'email' });
  const department = resolvePersonDepartment(await readDepartments(context.db), requisition.departmentId);
  if (!department.ok) return fail(department.error.code, `The requisition's department cannot take the new person: ${department.error.message}`, { field: 'departmentId' });
  const doc = { id, kind: 'person', name: candidate.data.name, email: input.email, roles: input.roles, isActive: true, passwordHash: '', ...(department.value ? { departmentId: department.value } : {}) };
  const problem = hrPeopleWriteProblem('create', doc, null);
  if (problem) return fail('forbidden', problem, { field: 'roles' });
  return ok(await context.writer.insert<PersonDocument>('people', doc, writeContextOf(context)));
}

/** The person's employee record: the one a first, interrupted Hire wrote, or a new one. */
async function employeeOf(context: CommandContext, actor: RecordActor, personId: string, candidate: Candidate, requisition: JobRequisitionData): Promise<Result<string>> {
  const standing = await context.db.records.findOne({ selector: { kind: employeeKind.kind, personId } }).exec();
  if (standing) return ok(standing.id);
  const employee = employeeFromHire(personId, candidate.data, requisition);
  if ('error' in employee) return fail(employee.error.code, employee.error.message, { field: employee.error.field ?? 'candidateId' });
  const created = await createRecord(context, employeeKind, actor, employee.data);
  return created.ok ? ok(created.value.id) : created;
}

export const hireCommandHandlers: CommandHandlers<'hr/hire'> = {
  async 'hr/hire'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    if (!actor.roles.includes('hr')) return fail('forbidden', 'Only HR can hire a candidate.');
    const found = await recordOf(context.db, candidateKind, input.candidateId, actor);
    if (found.error) return found.error;
    const candidate = found.value as Candidate;
    const hiredBefore = candidate.data.hiredPersonId ? await findPerson(context.db, candidate.data.hiredPersonId) : null;
    const refused = hireRefusal(candidate, hiredBefore?.name ?? null);
    if (refused) return fail(refused.code, refused.message, { field: refused.field ?? 'candidateId' });
    const requisition = await recordOf(context.db, jobRequisitionKind, candidate.data.requisitionId, actor);
    if (requisition.error) return requisition.error;
    const post = requisition.value.data as JobRequisitionData;
    // Checked before anything is written, so a refusal leaves no person behind.
    const planned = employeeFromHire(hiredPersonIdOf(candidate.id), candidate.data, post);
    if ('error' in planned) return fail(planned.error.code, planned.error.message, { field: planned.error.field ?? 'candidateId' });

    const person = await createHiredPerson(context, candidate, post, input);
    if (!person.ok) return person;
    const employeeId = await employeeOf(context, actor, person.value.id, candidate, post);
    if (!employeeId.ok) return employeeId;
    const hired = await changeRecord(context, candidateKind, actor, candidate, { data: { hiredPersonId: person.value.id }, status: 'hired' });
    if (!hired.ok) return hired;
    const onboarding = await startOnboarding(context, actor, employeeId.value);
    return ok({ personId: person.value.id, employeeId: employeeId.value, onboardingTaskIds: onboarding.ok ? onboarding.value.taskIds : [] } satisfies HireResult);
  },
};
