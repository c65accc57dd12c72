import type { CollectionName } from './schemas';

/** A migration step: takes a document of version N-1 and returns it at version N (or null to drop it). */
export type DocumentMigration = (oldDocument: Record<string, unknown>) => Record<string, unknown> | null;

/**
 * Migration strategies per collection, keyed by the target schema version (RxDB's
 * `migrationStrategies`). Pure functions, tested on fixture documents in tests/unit/db.
 */
export const migrations: Partial<Record<CollectionName, Record<number, DocumentMigration>>> = {
  projects: {
    // v1 adds the team (empty: the owner and admins manage until people are added), WIP limits and cost rates are optional.
    1: (old) => ({ ...old, teamIds: Array.isArray(old.teamIds) ? old.teamIds : [], tags: Array.isArray(old.tags) ? old.tags : [] }),
  },
  tasks: {
    // v1 declares every task-model field; v0 documents get the model's defaults (a done task is 100% done).
    1: (old) => ({
      ...old,
      description: typeof old.description === 'string' ? old.description : '',
      watcherIds: Array.isArray(old.watcherIds) ? old.watcherIds : [],
      priority: typeof old.priority === 'string' ? old.priority : 'medium',
      progress: typeof old.progress === 'number' ? old.progress : old.status === 'done' ? 100 : 0,
      checklist: Array.isArray(old.checklist) ? old.checklist : [],
      dependsOn: Array.isArray(old.dependsOn) ? old.dependsOn : [],
    }),
  },
  activity: {
    // v1 lifts `projectId` and `personId` out of `data` where an entry had them, so they can be indexed.
    1: (old) => {
      const data = (old.data ?? {}) as Record<string, unknown>;
      return {
        ...old,
        ...(typeof data.projectId === 'string' ? { projectId: data.projectId } : {}),
        ...(typeof data.personId === 'string' ? { personId: data.personId } : {}),
      };
    },
  },
  workflow_definitions: {
    // v1 remembers the command ids that wrote a version; older versions were written by none.
    1: (old) => ({ ...old, commandIds: [] }),
  },
  workflow_instances: {
    // v2 may carry the scope of the record the instance is about (stamped when it is written next).
    2: (old) => old,
    // v1 copies code, version and event count out of the engine's state for queries and crash repair.
    1: (old) => {
      const state = (old.state ?? {}) as Record<string, unknown>;
      return {
        ...old,
        code: typeof state.workflowCode === 'string' ? state.workflowCode : '',
        version: typeof state.definitionVersion === 'number' ? state.definitionVersion : 0,
        eventCount: typeof state.eventCount === 'number' ? state.eventCount : 0,
      };
    },
  },
  records: {
    // v1 adds the derived columns; records written before kinds were declared keep their data as version 1.
    1: (old) => {
      const data = (old.data ?? {}) as Record<string, unknown>;
      const text = (v: unknown) => (typeof v === 'string' ? v : '');
      return {
        ...old,
        kindVersion: 1,
        number: text(data.number),
        numberState: text(data.number) ? 'final' : '',
        parentId: '',
        personId: text(data.personId),
        managerIds: text(data.managerId) ? [text(data.managerId)] : [],
        ownerId: '',
        departmentId: '',
        date: '',
      };
    },
  },
  workflow_events: {
    // v1 may carry the scope of the record the instance is about; older events are about no scoped record.
    1: (old) => old,
  },
  people: {
    // v0 stored `active` and a single `role`; v1 uses `isActive` and a list of roles.
    1: (old) => {
      const { active, role, ...rest } = old;
      const roles = Array.isArray(rest.roles) ? rest.roles : typeof role === 'string' ? [role] : [];
      return { ...rest, isActive: active !== false, roles };
    },
  },
  notifications: {
    // v0 had no event, status or dueAt: entries keep their event in `data.event` if anything.
    1: (old) => {
      const data = (old.data ?? {}) as Record<string, unknown>;
      return { ...old, event: typeof data.event === 'string' ? data.event : '', status: '', dueAt: typeof old.at === 'string' ? old.at : '' };
    },
  },
  audit: {
    // v1 chains each writer's entries; older entries were written before the chain and say so with an empty writer.
    1: (old) => ({ ...old, writerId: '', seq: 0, prevHash: '', hash: '' }),
  },
};
