import { z } from 'zod';
import type { PersonView, RoleView } from '../../people/person';
import type { DepartmentSummary, DepartmentView } from '../../people/departments';
import { moneySchema } from '../../projects/document-fields';
import { deliverableSchema, milestoneSchema, milestoneStatusSchema, planItemSchema, riskSchema } from '../../projects/plan-item-model';
import type { MilestoneView, RiskRegisterView } from '../../projects/plan-views';
import { projectStatuses, type ProjectDocument } from '../../projects/project-contract';
import { riskRatingSchema } from '../../projects/risk-matrix';
import { taskSchema, taskStatusSchema } from '../../tasks/task-model';
import type { CommentDocument, CommentResultView, MoveResultView, RescheduleResultView, TimeEntryDocument, TimerResultView } from '../../tasks/task-views';
import type { TimeSummary } from '../../tasks/time-summary';
import { exactly } from '../schema-types';

/** Projects, plan items, tasks, time, comments and people as the API answers them, tied to the contract's types. */

const id = z.string();
const time = z.string();
const base = { id, createdAt: time, updatedAt: time, createdBy: id, updatedBy: id, auditId: id };
const personRef = z.object({ id, name: z.string() });

export const projectSchema = exactly<ProjectDocument>()(
  z.object({
    ...base,
    code: z.string(),
    name: z.string(),
    description: z.string(),
    status: z.enum(projectStatuses),
    isArchived: z.boolean(),
    startDate: z.string().optional(),
    endDate: z.string().optional(),
    ownerId: id.optional(),
    teamIds: z.array(id).optional(),
    budget: moneySchema.optional(),
    tags: z.array(z.string()).optional(),
    wipLimits: z.partialRecord(taskStatusSchema, z.number()).optional(),
    costRates: z.array(z.object({ personId: id, hourlyRateMinor: z.number(), currency: z.string(), validFrom: z.string().optional() })).optional(),
  }),
);

const milestoneViewSchema = exactly<MilestoneView>()(
  z.object({
    milestone: milestoneSchema,
    evaluation: z.object({ status: milestoneStatusSchema, isReached: z.boolean(), unmetCriteria: z.array(z.string()), openTasks: z.array(z.object({ id, title: z.string() })) }),
    linkedTasks: z.array(z.object({ id, title: z.string(), status: taskStatusSchema })),
    daysLeft: z.number(),
  }),
);

const riskRegisterSchema = exactly<RiskRegisterView>()(
  z.object({
    risks: z.array(z.object({ risk: riskSchema, level: riskRatingSchema, owner: personRef.nullable(), isReviewDue: z.boolean() })),
    heatmap: z.object({
      cells: z.array(z.object({ probability: riskRatingSchema, impact: riskRatingSchema, level: riskRatingSchema, count: z.number().int() })),
      countByLevel: z.record(riskRatingSchema, z.number().int()),
      total: z.number().int(),
    }),
  }),
);

export const timeEntrySchema = exactly<TimeEntryDocument>()(
  z.object({
    ...base,
    kind: z.literal('time_entry'),
    subjectType: z.literal('task'),
    subjectId: id,
    projectId: id,
    personId: id,
    at: time,
    data: z.object({ date: z.string(), hours: z.number(), note: z.string(), isBillable: z.boolean(), isRunning: z.boolean(), startedAt: time.optional(), endedAt: time.optional() }),
  }),
);

const totals = { hours: z.number(), billableHours: z.number(), nonBillableHours: z.number(), entryCount: z.number().int() };
const timeSummarySchema = exactly<TimeSummary>()(
  z.object({
    ...totals,
    from: z.string().nullable(),
    to: z.string().nullable(),
    byPerson: z.array(z.object({ ...totals, personId: id, name: z.string() })),
    byProject: z.array(z.object({ ...totals, projectId: id, code: z.string(), name: z.string() })),
  }),
);

const commentSchema = exactly<CommentDocument>()(
  z.object({
    ...base,
    kind: z.literal('comment'),
    subjectType: z.literal('task'),
    subjectId: id,
    projectId: id,
    personId: id,
    at: time,
    data: z.object({ body: z.string(), mentionIds: z.array(id), editedAt: time.optional() }),
  }),
);
const commentResultSchema = exactly<CommentResultView>()(
  z.object({ comment: commentSchema, unresolved: z.array(z.object({ text: z.string(), reason: z.enum(['unknown', 'ambiguous']) })) }),
);

const personSchema = exactly<PersonView>()(z.object({ id, name: z.string(), email: z.string(), roles: z.array(z.string()), isActive: z.boolean(), departmentId: z.string().optional() }));
const roleSchema = exactly<RoleView>()(z.object({ code: z.string(), name: z.string(), isBuiltIn: z.boolean() }));
const departmentSchema = exactly<DepartmentView>()(z.object({ id, code: z.string(), name: z.string(), isActive: z.boolean() }));
const departmentSummarySchema = exactly<DepartmentSummary>()(departmentSchema.extend({ heads: z.array(personRef), memberCount: z.number().int() }));

const removed = z.object({ id });

/** Results by contract entry. */
export const projectResults = {
  'projects/create': projectSchema,
  'projects/rename': projectSchema,
  'projects/set-archived': projectSchema,
  'projects/update': projectSchema,
  'projects/set-status': projectSchema,
  'projects/create-from-template': projectSchema,
  'projects/list': z.array(projectSchema),
  'plan-items/create': planItemSchema,
  'plan-items/update': planItemSchema,
  'plan-items/remove': removed,
  'milestones/set-criterion': milestoneSchema,
  'milestones/link-task': milestoneSchema,
  'deliverables/set-status': deliverableSchema,
  'milestones/list': z.array(milestoneViewSchema),
  'deliverables/list': z.array(deliverableSchema),
  'risks/list': riskRegisterSchema,
  'tasks/create': taskSchema,
  'tasks/update': taskSchema,
  'tasks/set-status': taskSchema,
  'tasks/move': exactly<MoveResultView>()(z.object({ task: taskSchema, respreadIds: z.array(id), isOverWipLimit: z.boolean() })),
  'tasks/assign': taskSchema,
  'tasks/set-watchers': taskSchema,
  'tasks/watch': taskSchema,
  'tasks/set-progress': taskSchema,
  'tasks/edit-checklist': taskSchema,
  'tasks/add-dependency': taskSchema,
  'tasks/remove-dependency': taskSchema,
  'tasks/reschedule': exactly<RescheduleResultView>()(z.object({ changed: z.array(taskSchema) })),
  'tasks/remove': removed,
  'comments/add': commentResultSchema,
  'comments/edit': commentResultSchema,
  'comments/list': z.array(commentSchema),
  'time/start-timer': exactly<TimerResultView>()(z.object({ entry: timeEntrySchema, stopped: timeEntrySchema.nullable() })),
  'time/stop-timer': timeEntrySchema,
  'time/log': timeEntrySchema,
  'time/update': timeEntrySchema,
  'time/remove': removed,
  'time/list': z.array(timeEntrySchema),
  'time/summary': timeSummarySchema,
  'people/create': personSchema,
  'people/update': personSchema,
  'people/set-active': personSchema,
  'people/reset-password': personSchema,
  'people/list': z.array(personSchema),
  'roles/create': roleSchema,
  'roles/list': z.array(roleSchema),
  'departments/create': departmentSchema,
  'departments/rename': departmentSchema,
  'departments/set-active': departmentSchema,
  'departments/list': z.array(departmentSummarySchema),
} satisfies Record<string, z.ZodType>;
