import { fail, ok, type Result } from '../../src-shared/core/result';
import { holidayCalendarsParent } from '../../src-shared/hr/holiday-calendar-kind';
import { withLocationHolidays } from '../../src-shared/hr/workflow-holidays';
import { parseDefinition, type WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import { builtInTemplates } from '../../src-shared/workflows/templates/built-in-templates';
import { contentKey, currentPublished, latestVersion, publishDefinition, retireDefinition, saveDraft } from '../../src-shared/workflows/versions';
import type { DefinitionSource } from '../../src-shared/workflows/workflow-contract';
import type { WriteContext } from '../audit/audited-writer';
import type { HostServices } from '../host/handler-types';
import type { DefinitionStore } from './definition-store';
import { definitionDocId } from './workflow-ids';
import { MAX_COMMAND_IDS, type DefinitionDocument } from './workflow-documents';

type Services = Pick<HostServices, 'db' | 'writer'>;

export interface DefinitionService {
  create(commandId: string, source: DefinitionSource, context: WriteContext): Promise<Result<DefinitionDocument>>;
  update(commandId: string, code: string, input: unknown, context: WriteContext): Promise<Result<DefinitionDocument>>;
  publish(commandId: string, code: string, version: number | undefined, context: WriteContext): Promise<Result<{ doc: DefinitionDocument; isNew: boolean }>>;
  retire(commandId: string, code: string, context: WriteContext): Promise<Result<DefinitionDocument[]>>;
  import(commandId: string, input: unknown, isPublish: boolean, context: WriteContext): Promise<Result<{ doc: DefinitionDocument; isNew: boolean }>>;
  export(code: string, version: number | undefined): Promise<Result<{ code: string; version: number; json: string }>>;
}

const withCommand = (ids: readonly string[], commandId: string): string[] => [...ids.filter((id) => id !== commandId), commandId].slice(-MAX_COMMAND_IDS);

/**
 * Definitions as stored versions (one `workflow_definitions` document per code and version, with a
 * deterministic id): drafts saved as they are edited, published versions validated and never
 * changed afterwards except to retire them. Repeated command ids return what the first call wrote.
 * Callers check that the person is an administrator.
 */
export function createDefinitionService(services: Services, store: DefinitionStore): DefinitionService {
  const { db, writer } = services;

  const repeated = (versions: readonly DefinitionDocument[], commandId: string) => versions.find((v) => v.commandIds.includes(commandId));

  async function insertVersion(definition: WorkflowDefinition, commandId: string, context: WriteContext): Promise<DefinitionDocument> {
    const version = definition.version ?? 1;
    const status = definition.status ?? 'draft';
    return writer.insert<DefinitionDocument>(
      'workflow_definitions',
      { id: definitionDocId(definition.workflow_code, version), code: definition.workflow_code, version, status, definition, commandIds: [commandId] },
      context,
    );
  }

  async function writeVersion(existing: DefinitionDocument | undefined, definition: WorkflowDefinition, commandId: string, context: WriteContext): Promise<DefinitionDocument> {
    if (!existing) return insertVersion(definition, commandId, context);
    const updated = await writer.update<DefinitionDocument>(
      'workflow_definitions',
      existing.id,
      { status: definition.status ?? existing.status, definition, commandIds: withCommand(existing.commandIds, commandId) },
      context,
    );
    return updated ?? existing;
  }

  async function saveAsDraft(versions: DefinitionDocument[], parsed: WorkflowDefinition, commandId: string, context: WriteContext): Promise<DefinitionDocument> {
    const draft = saveDraft(versions.map((v) => v.definition), parsed);
    if (!draft.ok) throw new Error(draft.error.message);
    return writeVersion(versions.find((v) => v.version === draft.value.version), draft.value, commandId, context);
  }

  async function sourceDefinition(source: DefinitionSource): Promise<Result<WorkflowDefinition>> {
    if (source.kind === 'json') return parseDefinition(source.definition);
    if (source.kind === 'template') {
      const template = builtInTemplates.find((t) => t.workflow_code === source.templateCode);
      if (!template) return fail('not_found', `There is no template ${source.templateCode}.`, { field: 'source.templateCode' });
      return parseDefinition({ ...template, workflow_code: source.workflowCode ?? template.workflow_code, ...(source.name ? { name: source.name } : {}) });
    }
    const versions = await store.versions(source.code);
    const from = source.version === undefined ? latestVersion(versions.map((v) => v.definition)) : versions.find((v) => v.version === source.version)?.definition;
    if (!from) return fail('not_found', `There is no ${source.code}${source.version ? ` version ${source.version}` : ''} to copy.`, { field: 'source.code' });
    return parseDefinition({ ...from, workflow_code: source.workflowCode, ...(source.name ? { name: source.name } : {}) });
  }

  /** HR's public holiday calendars (read by everyone), for a working calendar that names a location. */
  const holidayCalendars = async () =>
    (await db.records.find({ selector: { kind: 'holiday_calendar', parentId: holidayCalendarsParent } }).exec()).map((d) => d.toJSON() as Record<string, unknown>);

  const publishFrom = async (versions: DefinitionDocument[], draft: WorkflowDefinition, commandId: string, context: WriteContext) => {
    const candidate = draft.working_calendar?.holiday_location ? withLocationHolidays(draft, await holidayCalendars()) : ok(draft);
    if (!candidate.ok) return candidate;
    const published = publishDefinition(versions.map((v) => v.definition), candidate.value);
    if (!published.ok) return published;
    const { definition, isNew } = published.value;
    const current = versions.find((v) => v.version === definition.version);
    if (!isNew) return ok({ doc: current as DefinitionDocument, isNew: false });
    return ok({ doc: await writeVersion(current, definition, commandId, context), isNew: true });
  };

  return {
    async create(commandId, source, context) {
      const parsed = await sourceDefinition(source);
      if (!parsed.ok) return parsed;
      const code = parsed.value.workflow_code;
      const versions = await store.versions(code);
      const again = repeated(versions, commandId);
      if (again) return ok(again);
      if (versions.length > 0) return fail('already_exists', `A workflow with the code ${code} exists already; edit it or choose another code.`, { field: 'workflow_code' });
      return ok(await saveAsDraft([], parsed.value, commandId, context));
    },

    async update(commandId, code, input, context) {
      const versions = await store.versions(code);
      const again = repeated(versions, commandId);
      if (again) return ok(again);
      if (versions.length === 0) return fail('not_found', `There is no workflow ${code}.`, { field: 'code' });
      const parsed = parseDefinition(input);
      if (!parsed.ok) return parsed;
      if (parsed.value.workflow_code !== code) return fail('invalid_input', `The code of a workflow cannot change (${code}); copy it to a new one instead.`, { field: 'workflow_code' });
      return ok(await saveAsDraft(versions, parsed.value, commandId, context));
    },

    async publish(commandId, code, version, context) {
      const versions = await store.versions(code);
      const again = repeated(versions, commandId);
      if (again) return ok({ doc: again, isNew: false });
      if (versions.length === 0) return fail('not_found', `There is no workflow ${code}.`, { field: 'code' });
      const candidate = version === undefined ? versions.find((v) => v.status === 'draft') : versions.find((v) => v.version === version);
      if (!candidate) {
        return version === undefined
          ? fail('invalid_state', `${code} has no draft to publish.`)
          : fail('not_found', `${code} has no version ${version}.`, { field: 'version' });
      }
      return publishFrom(versions, candidate.definition, commandId, context);
    },

    async retire(commandId, code, context) {
      const versions = await store.versions(code);
      const again = repeated(versions, commandId);
      if (again) return ok(versions.filter((v) => v.status === 'retired'));
      if (versions.length === 0) return fail('not_found', `There is no workflow ${code}.`, { field: 'code' });
      const retired = retireDefinition(versions.map((v) => v.definition));
      if (!retired.ok) return retired;
      const written: DefinitionDocument[] = [];
      for (const definition of retired.value) {
        written.push(await writeVersion(versions.find((v) => v.version === definition.version), definition, commandId, context));
      }
      return ok(written);
    },

    async import(commandId, input, isPublish, context) {
      const parsed = parseDefinition(input);
      if (!parsed.ok) return parsed;
      const code = parsed.value.workflow_code;
      const versions = await store.versions(code);
      const again = repeated(versions, commandId);
      if (again) return ok({ doc: again, isNew: false });
      const current = currentPublished(versions.map((v) => v.definition));
      if (isPublish && current && contentKey(current) === contentKey(parsed.value)) {
        return ok({ doc: versions.find((v) => v.version === current.version) as DefinitionDocument, isNew: false });
      }
      if (isPublish) {
        const checked = publishDefinition(versions.map((v) => v.definition), parsed.value);
        if (!checked.ok) return checked;
      }
      const draft = await saveAsDraft(versions, parsed.value, commandId, context);
      if (!isPublish) return ok({ doc: draft, isNew: true });
      return publishFrom(await store.versions(code), draft.definition, commandId, context);
    },

    async export(code, version) {
      const versions = await store.versions(code);
      if (versions.length === 0) return fail('not_found', `There is no workflow ${code}.`, { field: 'code' });
      const picked =
        version === undefined
          ? (currentPublished(versions.map((v) => v.definition)) ?? latestVersion(versions.map((v) => v.definition)))
          : versions.find((v) => v.version === version)?.definition;
      if (!picked) return fail('not_found', `${code} has no version ${version}.`, { field: 'version' });
      return ok({ code, version: picked.version ?? 1, json: `${JSON.stringify(picked, null, 2)}\n` });
    },
  };
}
