import { definitionSchema } from '../workflows/definition-schema';
import { API_PREFIX, type HttpMethod, type InputRecipe, type ListShape, type RouteTarget } from './http-route';

/**
 * The feature spec's 28 endpoints (its "API Endpoints" section), each mapped to the contract entry
 * it runs: the path and verb the spec fixes, request fields under the spec's names where it gives
 * them (`workflow_definition_id`, `initial_variables`, `entity_type` …). Everything else about a
 * route — module, validation, docs — is derived as for any other (api-routes.ts). An entry whose
 * command is not in the contract yet belongs to a module that has not landed: the route answers
 * 404 with a problem saying so, and starts working when the module's command arrives.
 *
 * Ids in paths are LabFlow's ids; a workflow's `{id}` (and `workflow_definition_id`) is its code.
 */
export interface SpecPath {
  method: HttpMethod;
  /** After /api/v1. */
  path: string;
  operation: string;
  summary: string;
  tag: string;
  input?: InputRecipe;
  target?: RouteTarget;
  list?: ListShape;
  successStatus?: 200 | 201 | 204;
}

const instance: RouteTarget = { collection: 'workflow_instances', param: 'id' };
const planItem: RouteTarget = { collection: 'plan_items', param: 'id' };
const quotation: RouteTarget = { collection: 'records', param: 'id', kind: 'quotation' };
const onProject = { projectId: 'project_id' };

export const specPaths: readonly SpecPath[] = [
  // Workflows
  {
    method: 'POST',
    path: '/workflows/definitions',
    operation: 'workflows/definitions/import',
    summary: 'Create workflow',
    tag: 'workflows',
    // The spec's body is the definition itself; it is published (new instances start from it) unless ?publish=false.
    input: { bodyField: 'definition', bodySchema: definitionSchema, queryFields: ['publish'], defaults: { publish: true } },
    successStatus: 201,
  },
  { method: 'GET', path: '/workflows/definitions', operation: 'workflows/definitions/list', summary: 'List workflows', tag: 'workflows', input: { names: { includeRetired: 'include_retired' } }, list: { kind: 'array' } },
  { method: 'GET', path: '/workflows/definitions/{id}', operation: 'workflows/definitions/get', summary: 'Get workflow (every version of the code)', tag: 'workflows', input: { params: { id: 'code' } } },
  {
    method: 'POST',
    path: '/workflows/instances',
    operation: 'workflows/instances/start',
    summary: 'Start instance',
    tag: 'workflows',
    input: { names: { code: 'workflow_definition_id', entityType: 'entity_type', entityId: 'entity_id', variables: 'initial_variables', requestedBy: 'requested_by' } },
    successStatus: 201,
  },
  {
    method: 'GET',
    path: '/workflows/instances',
    operation: 'workflows/instances/list',
    summary: 'List instances',
    tag: 'workflows',
    input: { names: { code: 'workflow_code', slaState: 'sla_state', entityType: 'entity_type', entityId: 'entity_id' } },
    list: { kind: 'array' },
  },
  { method: 'GET', path: '/workflows/instances/{id}/status', operation: 'workflows/instances/get', summary: 'Get status', tag: 'workflows', input: { params: { id: 'instanceId' } }, target: instance },
  { method: 'POST', path: '/workflows/instances/{id}/advance', operation: 'workflows/instances/advance', summary: 'Advance workflow', tag: 'workflows', input: { params: { id: 'instanceId' }, names: { stepId: 'step_id' } }, target: instance },
  { method: 'POST', path: '/workflows/instances/{id}/cancel', operation: 'workflows/instances/cancel', summary: 'Cancel workflow', tag: 'workflows', input: { params: { id: 'instanceId' } }, target: instance },
  { method: 'GET', path: '/workflows/sla-violations', operation: 'workflows/sla-violations', summary: 'Check SLA', tag: 'workflows', input: { names: { code: 'workflow_code', isOpenOnly: 'is_open' } }, list: { kind: 'array' } },

  // Milestones & deliverables
  { method: 'POST', path: '/milestones', operation: 'plan-items/create', summary: 'Create milestone', tag: 'projects', input: { fixed: { kind: 'milestone' }, names: onProject }, successStatus: 201 },
  { method: 'GET', path: '/milestones', operation: 'milestones/list', summary: 'List milestones', tag: 'projects', input: { names: onProject }, list: { kind: 'array' } },
  { method: 'PUT', path: '/milestones/{id}', operation: 'plan-items/update', summary: 'Update milestone', tag: 'projects', input: { params: { id: 'id' }, fixed: { kind: 'milestone' } }, target: planItem },
  { method: 'POST', path: '/milestones/deliverables', operation: 'plan-items/create', summary: 'Create deliverable', tag: 'projects', input: { fixed: { kind: 'deliverable' }, names: onProject }, successStatus: 201 },
  { method: 'GET', path: '/milestones/deliverables', operation: 'deliverables/list', summary: 'List deliverables', tag: 'projects', input: { names: onProject }, list: { kind: 'array' } },

  // Risks
  { method: 'POST', path: '/risks', operation: 'plan-items/create', summary: 'Create risk', tag: 'projects', input: { fixed: { kind: 'risk' }, names: onProject }, successStatus: 201 },
  { method: 'GET', path: '/risks', operation: 'risks/list', summary: 'List risks', tag: 'projects', input: { names: { ...onProject, includeClosed: 'include_closed' } }, list: { kind: 'field', field: 'risks' } },
  { method: 'PUT', path: '/risks/{id}', operation: 'plan-items/update', summary: 'Update risk', tag: 'projects', input: { params: { id: 'id' }, fixed: { kind: 'risk' } }, target: planItem },

  // Quotations (CRM & sales module: a record kind `quotation` and its conversion command)
  { method: 'POST', path: '/quotations', operation: 'records/create', summary: 'Create quotation', tag: 'crm', input: { fixed: { kind: 'quotation' }, bodyField: 'data' }, successStatus: 201 },
  { method: 'GET', path: '/quotations', operation: 'records/register', summary: 'List quotations', tag: 'crm', input: { fixed: { kind: 'quotation' } }, list: { kind: 'register' } },
  { method: 'PUT', path: '/quotations/{id}/status', operation: 'records/transition', summary: 'Update status', tag: 'crm', input: { params: { id: 'id' }, names: { to: 'status' } }, target: quotation },
  { method: 'POST', path: '/quotations/{id}/convert-to-order', operation: 'quotations/convert-to-order', summary: 'Convert to order', tag: 'crm', input: { params: { id: 'id' } }, target: quotation, successStatus: 201 },

  // Equipment lifecycle (events are derived from the instrument's records and audit trail)
  { method: 'POST', path: '/equipment-lifecycle', operation: 'equipment/lifecycle/record-event', summary: 'Create event', tag: 'equipment', successStatus: 201 },
  { method: 'GET', path: '/equipment-lifecycle', operation: 'equipment/lifecycle/list', summary: 'List events', tag: 'equipment', list: { kind: 'array' } },
  { method: 'GET', path: '/equipment-lifecycle/equipment/{id}/history', operation: 'equipment/history', summary: 'Get history', tag: 'equipment', input: { params: { id: 'equipmentId' } } },

  // Time tracking
  { method: 'POST', path: '/time-tracking', operation: 'time/log', summary: 'Log time', tag: 'tasks', input: { names: { taskId: 'task_id', isBillable: 'is_billable' } }, successStatus: 201 },
  {
    method: 'GET',
    path: '/time-tracking',
    operation: 'time/list',
    summary: 'List entries',
    tag: 'tasks',
    input: { names: { projectId: 'project_id', taskId: 'task_id', personId: 'user_id', isBillable: 'is_billable' } },
    list: { kind: 'array' },
  },
  { method: 'GET', path: '/time-tracking/summary', operation: 'time/summary', summary: 'Get summary', tag: 'tasks', input: { names: { projectId: 'project_id', taskId: 'task_id', personId: 'user_id', isBillable: 'is_billable' } } },
  { method: 'POST', path: '/time-tracking/comments', operation: 'comments/add', summary: 'Add comment', tag: 'tasks', input: { names: { taskId: 'task_id' } }, successStatus: 201 },
];

export const specPathOf = (entry: SpecPath): string => `${API_PREFIX}${entry.path}`;
