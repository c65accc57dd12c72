import type { RxJsonSchema } from 'rxdb';
import { baseProperties, baseRequired, idField, shortText, timeField } from './base-fields';

/**
 * The JSON schemas of LabFlow's collections (DESIGN.md §2). RxDB's open-source core refuses more
 * than 13 open collections per process, so records are grouped by access pattern with a `kind`.
 * Bump `version` and add a migration in `migrations.ts` whenever a schema changes.
 */
type Schema = RxJsonSchema<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- documents are typed per feature; the schema only describes storage

const withBase = (
  properties: Record<string, unknown>,
  required: string[],
  indexes: (string | string[])[],
  version = 0,
): Schema => ({
  version,
  primaryKey: 'id',
  type: 'object',
  properties: { ...baseProperties, ...properties },
  required: [...baseRequired, ...required],
  indexes,
}) as Schema;

const kind = (maxLength = 40) => shortText(maxLength);
const anyObject = { type: 'object' } as const;
const stringArray = { type: 'array', items: { type: 'string' } } as const;

export const schemas = {
  people: withBase(
    {
      kind: kind(),
      name: shortText(),
      email: shortText(254),
      roles: stringArray,
      departmentId: shortText(40),
      isActive: { type: 'boolean' },
      passwordHash: { type: 'string' },
    },
    ['kind', 'name', 'email', 'isActive'],
    [['kind', 'email'], ['kind', 'name']],
    1,
  ),
  // v1: `teamIds`, Kanban `wipLimits` and labour `costRates` (projects/project-contract).
  projects: withBase(
    {
      code: shortText(40),
      name: shortText(),
      description: { type: 'string' },
      status: kind(),
      isArchived: { type: 'boolean' },
      startDate: shortText(30),
      endDate: shortText(30),
      ownerId: shortText(40),
      budget: anyObject,
      tags: stringArray,
      teamIds: stringArray,
      wipLimits: anyObject,
      costRates: { type: 'array', items: anyObject },
    },
    ['code', 'name', 'status', 'isArchived'],
    [['isArchived', 'name'], 'code', 'updatedAt'],
    1,
  ),
  // v1: every field of tasks/task-model (description, watchers, priority, dates, estimate, progress,
  // checklist, dependencies) and an index for "my tasks".
  tasks: withBase(
    {
      projectId: idField,
      parentId: shortText(40),
      title: shortText(500),
      description: { type: 'string' },
      status: kind(),
      priority: kind(20),
      assigneeId: shortText(40),
      watcherIds: stringArray,
      startDate: shortText(30),
      dueDate: shortText(30),
      estimateHours: { type: 'number', minimum: 0, maximum: 100_000 },
      progress: { type: 'integer', minimum: 0, maximum: 100 },
      checklist: { type: 'array', items: anyObject },
      dependsOn: stringArray,
      kanbanRank: shortText(100),
    },
    ['projectId', 'title', 'status', 'kanbanRank'],
    [['projectId', 'status', 'kanbanRank'], ['assigneeId', 'status'], 'updatedAt'],
    1,
  ),
  plan_items: withBase(
    { kind: kind(), projectId: idField, title: shortText(500), data: anyObject },
    ['kind', 'projectId'],
    [['projectId', 'kind']],
  ),
  // v1: optional `projectId` and `personId` (comments and time entries: budget, utilisation, "my timer").
  activity: withBase(
    { kind: kind(), subjectType: kind(), subjectId: idField, at: timeField, projectId: idField, personId: idField, data: anyObject },
    ['kind', 'subjectType', 'subjectId', 'at'],
    [['subjectId', 'at'], ['kind', 'at'], ['projectId', 'kind', 'at'], ['personId', 'kind', 'at']],
    1,
  ),
  // v1: `commandIds`, the client command ids that wrote a version (repeats change nothing).
  workflow_definitions: withBase(
    { code: shortText(80), version: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 }, status: kind(), definition: anyObject, commandIds: stringArray },
    ['code', 'version', 'status'],
    [['code', 'version'], 'status'],
    1,
  ),
  // v1: `code`, `version` and `eventCount` copied out of `state` (filters, and crash repair: see src-main/workflows/repair-instances.ts).
  // v2: `subjectScope`, the read scope of the record the instance is about (src-shared/records/record-scope.ts).
  workflow_instances: withBase(
    {
      definitionId: idField,
      code: shortText(80),
      version: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
      status: kind(),
      entityType: kind(),
      entityId: shortText(40),
      eventCount: { type: 'integer', minimum: 0, maximum: 1_000_000_000, multipleOf: 1 },
      state: anyObject,
      subjectScope: anyObject,
    },
    ['definitionId', 'code', 'version', 'status', 'entityType', 'entityId', 'eventCount'],
    [['status', 'updatedAt'], ['entityType', 'entityId'], 'definitionId', ['code', 'updatedAt']],
    2,
  ),
  // v1: `subjectScope`, the read scope of the record the instance is about, like the instance's.
  workflow_events: withBase(
    { instanceId: idField, at: timeField, type: kind(), data: anyObject, subjectScope: anyObject },
    ['instanceId', 'at', 'type'],
    [['instanceId', 'at'], ['type', 'at']],
    1,
  ),
  meetings: withBase(
    { title: shortText(500), startsAt: timeField, endsAt: timeField, data: anyObject },
    ['title', 'startsAt'],
    ['startsAt'],
  ),
  // v1: the columns a record kind derives from its data (src-shared/records/record-document.ts):
  // number, parent, subject and their managers, owner, department, main date, and the data's version.
  records: withBase(
    {
      kind: kind(),
      kindVersion: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
      title: shortText(500),
      status: kind(),
      number: shortText(60),
      numberState: kind(20),
      parentId: shortText(40),
      personId: shortText(40),
      managerIds: stringArray,
      ownerId: shortText(40),
      departmentId: shortText(40),
      date: shortText(30),
      data: anyObject,
    },
    ['kind', 'title', 'status', 'number', 'parentId', 'personId', 'date'],
    [['kind', 'status'], ['kind', 'updatedAt'], ['kind', 'number'], ['parentId', 'kind'], ['personId', 'kind'], ['kind', 'date']],
    1,
  ),
  // v1: `event` (filter by type), `status` and `dueAt` (the outbox's queue), see notifications/notification-model.ts.
  notifications: withBase(
    { kind: kind(), recipientId: idField, isRead: { type: 'boolean' }, at: timeField, event: kind(), status: kind(20), dueAt: timeField, data: anyObject },
    ['kind', 'recipientId', 'isRead', 'at', 'event', 'status', 'dueAt'],
    [['recipientId', 'isRead', 'at'], ['kind', 'at'], ['kind', 'recipientId', 'at'], ['kind', 'status', 'dueAt']],
    1,
  ),
  // v1: the writer's hash chain (`writerId`, `seq`, `prevHash`, `hash`; src-shared/audit/audit-chain.ts).
  audit: withBase(
    {
      at: timeField,
      actorId: idField,
      actorName: shortText(),
      command: shortText(100),
      collectionName: shortText(40),
      recordId: idField,
      operation: kind(),
      changes: { type: 'array', items: anyObject },
      after: anyObject,
      writerId: shortText(100),
      seq: { type: 'integer', minimum: 0, maximum: 1_000_000_000_000, multipleOf: 1 },
      prevHash: shortText(64),
      hash: shortText(64),
    },
    ['at', 'actorId', 'command', 'collectionName', 'recordId', 'operation'],
    [['recordId', 'at'], 'at', ['writerId', 'seq']],
    1,
  ),
} satisfies Record<string, Schema>;

export type CollectionName = keyof typeof schemas;
export const collectionNames = Object.keys(schemas) as CollectionName[];
