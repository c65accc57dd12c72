import { combineLatest, debounceTime, from, map, merge, startWith, switchMap, timer, type Observable } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { isAdmin } from '../../src-shared/people/roles';
import { definitionVersionView } from '../../src-shared/workflows/definition-views';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import type { Actor, WorkflowInstance } from '../../src-shared/workflows/instance';
import type { SlaViolation } from '../../src-shared/workflows/sla';
import type { InstanceDetailView, InstanceSummaryView, MyWorkItemView, SlaViolationView } from '../../src-shared/workflows/workflow-contract';
import type { WorkflowEvent } from '../../src-shared/workflows/workflow-events';
import { availableActions, canCancel, canReassign, compareWork, instanceSummary, myWorkItems, timelineEntry } from '../../src-shared/workflows/workflow-views';
import type { QueryContext, QueryHandlers } from '../host/handler-types';
import { nameOfPeople, type RuntimeOf } from './handler-support';
import { plainInstance } from './instance-store';
import type { InstanceDocument } from './workflow-documents';

type Names = 'workflows/my-work' | 'workflows/instances/list' | 'workflows/instances/get' | 'workflows/sla-violations';

/** SLA states change with time alone, so views that show them are recomputed at least this often. */
const SLA_REFRESH_MS = 60_000;

const emptyDefinition = (code: string): WorkflowDefinition => ({ workflow_code: code, name: code, steps: [], initial_step: '' });

/** Live views of instances: recomputed when the data changes, and every minute for SLA states. */
export function instanceQueryHandlers(runtimeOf: RuntimeOf): QueryHandlers<Names> {
  const withTime = <T>(source$: Observable<T>): Observable<T> => combineLatest([source$, timer(0, SLA_REFRESH_MS)]).pipe(map(([value]) => value));
  const compute = <T>(work: () => Promise<Result<T>>): Observable<Result<T>> => from(work());

  async function summaries(context: QueryContext, docs: InstanceDocument[]): Promise<InstanceSummaryView[]> {
    const runtime = runtimeOf(context);
    const nameOf = nameOfPeople(await runtime.directory.load());
    const now = context.clock().toISOString();
    const out: InstanceSummaryView[] = [];
    for (const doc of docs) {
      const definition = (await runtime.definitions.version(doc.code, doc.version))?.definition ?? emptyDefinition(doc.code);
      out.push(instanceSummary(doc.state, definition, doc.definitionId, nameOf, now));
    }
    return out;
  }

  /** The signed-in person with fresh roles; an inactive or unknown person may do nothing. */
  async function actorFor(context: QueryContext): Promise<Actor & { isActive: boolean }> {
    const person = (await runtimeOf(context).directory.load()).get(context.actor.id);
    const isActive = person?.isActive === true;
    return { userId: context.actor.id, name: person?.name ?? context.actor.name, roles: isActive ? (person?.roles ?? []) : [], isActive };
  }

  return {
    'workflows/my-work': (_input, context) =>
      withTime(context.db.workflow_instances.find({ selector: { status: 'running' } }).$).pipe(
        switchMap((docs) =>
          compute(async () => {
            const runtime = runtimeOf(context);
            const actor = await actorFor(context);
            const nameOf = nameOfPeople(await runtime.directory.load());
            const now = context.clock().toISOString();
            const items: MyWorkItemView[] = [];
            for (const doc of docs.map(plainInstance)) {
              const definition = await runtime.definitions.version(doc.code, doc.version);
              if (definition) items.push(...myWorkItems(definition.definition, doc.state, actor, nameOf, now));
            }
            return ok(items.sort(compareWork));
          }),
        ),
      ),

    'workflows/instances/list': (input, context) => {
      const selector: Record<string, unknown> = {};
      if (input.code) selector.code = input.code;
      if (input.status) selector.status = input.status;
      if (input.entityType) selector.entityType = input.entityType;
      if (input.entityId) selector.entityId = input.entityId;
      // With an SLA filter the limit applies after filtering, so the query itself is not limited.
      const query = context.db.workflow_instances.find({ selector, sort: [{ updatedAt: 'desc' }], ...(input.slaState ? {} : { limit: input.limit }) });
      return withTime(query.$).pipe(
        switchMap((docs) =>
          compute(async () => {
            const views = await summaries(context, docs.map(plainInstance));
            return ok((input.slaState ? views.filter((v) => v.slaState === input.slaState) : views).slice(0, input.limit));
          }),
        ),
      );
    },

    'workflows/instances/get': (input, context) =>
      withTime(
        combineLatest([
          context.db.workflow_instances.findOne(input.instanceId).$,
          context.db.workflow_events.find({ selector: { instanceId: input.instanceId } }).$,
        ]),
      ).pipe(
        switchMap(([doc, eventDocs]) =>
          compute(async (): Promise<Result<InstanceDetailView>> => {
            if (!doc) return fail('not_found', 'That workflow instance does not exist.');
            const instance = plainInstance(doc);
            const runtime = runtimeOf(context);
            const definitionDoc = await runtime.definitions.version(instance.code, instance.version);
            if (!definitionDoc) return fail('not_found', `Version ${instance.version} of ${instance.code} is not on this computer.`);
            const definition = definitionDoc.definition;
            const nameOf = nameOfPeople(await runtime.directory.load());
            const actor = await actorFor(context);
            const state: WorkflowInstance = instance.state;
            const events = eventDocs.map((d) => d.get('data') as WorkflowEvent).sort((a, b) => a.seq - b.seq);
            return ok({
              instance: instanceSummary(state, definition, instance.definitionId, nameOf, context.clock().toISOString()),
              definition: definitionVersionView(definitionDoc, nameOf),
              timeline: events.map((event) => timelineEntry(event, definition, nameOf)),
              availableActions: actor.isActive ? availableActions(definition, state, actor) : [],
              canCancel: actor.isActive && canCancel(state, actor),
              canReassign: actor.isActive && canReassign(state, actor),
              canComment: actor.isActive,
              canResolveIncident: state.status === 'incident' && isAdmin(actor.roles),
            });
          }),
        ),
      ),

    'workflows/sla-violations': (input, context) => {
      const selector: Record<string, unknown> = { type: 'sla_breached', ...(input.since ? { at: { $gte: input.since } } : {}) };
      const breaches$ = context.db.workflow_events.find({ selector, sort: [{ at: 'desc' }] }).$;
      const instances$ = context.db.workflow_instances.$.pipe(debounceTime(100), startWith(null));
      return merge(combineLatest([breaches$, instances$])).pipe(
        switchMap(([docs]) =>
          compute(async () => {
            const runtime = runtimeOf(context);
            const breaches = docs.map((d) => d.get('data') as Extract<WorkflowEvent, { type: 'sla_breached' }>).filter((e) => !input.code || e.violation.workflow_code === input.code);
            const instanceIds = [...new Set(breaches.map((e) => e.instanceId))];
            const [instances, completions] = await Promise.all([
              context.db.workflow_instances.findByIds(instanceIds).exec(),
              context.db.workflow_events.find({ selector: { instanceId: { $in: instanceIds }, type: 'step_completed' } }).exec(),
            ]);
            const completedAt = new Map<string, string>();
            for (const d of completions) {
              const event = d.get('data') as Extract<WorkflowEvent, { type: 'step_completed' }>;
              completedAt.set(event.token, event.at);
              for (const token of event.consumedTokens ?? []) completedAt.set(token, event.at);
            }
            const views: SlaViolationView[] = [];
            for (const event of breaches) {
              const state = instances.get(event.instanceId)?.get('state') as WorkflowInstance | undefined;
              const isOpen = Boolean(state && state.activeSteps.some((s) => s.token === event.violation.token) && (state.status === 'running' || state.status === 'incident'));
              const actual = completedAt.get(event.violation.token) ?? (isOpen ? null : (state?.endedAt ?? null));
              if (input.isOpenOnly && !isOpen) continue;
              const definition = await runtime.definitions.version(event.violation.workflow_code, event.violation.definition_version);
              const violation: SlaViolation = { ...event.violation, actual_completion_time: actual };
              views.push({ ...violation, id: event.id, workflow_name: definition?.definition.name ?? event.violation.workflow_code, is_open: isOpen });
              if (views.length >= input.limit) break;
            }
            return ok(views);
          }),
        ),
      );
    },
  };
}
