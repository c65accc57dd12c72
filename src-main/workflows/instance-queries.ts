import { auditTime, combineLatest, debounceTime, from, map, merge, of, startWith, switchMap, timer, type Observable } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { isAdmin } from '../../src-shared/people/roles';
import { definitionVersionView } from '../../src-shared/workflows/definition-views';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import type { Actor, WorkflowInstance } from '../../src-shared/workflows/instance';
import type { SlaViolation } from '../../src-shared/workflows/sla';
import type { InstanceDetailView, InstanceSummaryView, MyWorkItemView, SlaViolationView } from '../../src-shared/workflows/workflow-contract';
import type { WorkflowEvent } from '../../src-shared/workflows/workflow-events';
import { availableActions, canCancel, canReassign, compareWork, instanceSummary, myWorkItems, timelineEntry } from '../../src-shared/workflows/workflow-views';
import type { RecordActor } from '../../src-shared/records/who';
import type { QueryContext, QueryHandlers } from '../host/handler-types';
import { recordActor$ } from '../records/record-queries';
import { nameOfPeople, type RuntimeOf } from './handler-support';
import { plainInstance } from './instance-store';
import { bindingKey, loadBindings, mayReadBound, recordRefFor, type Binding } from './record-link';
import type { InstanceDocument } from './workflow-documents';

type Names = 'workflows/my-work' | 'workflows/instances/list' | 'workflows/instances/get' | 'workflows/sla-violations';

/** SLA states change with time alone, so views that show them are recomputed at least this often. */
const SLA_REFRESH_MS = 60_000;

const emptyDefinition = (code: string): WorkflowDefinition => ({ workflow_code: code, name: code, steps: [], initial_step: '' });

/** An instance the signed-in person may see, with the record it is about. */
interface Visible {
  doc: InstanceDocument;
  binding: Binding | undefined;
}

/**
 * Live views of instances: recomputed when the data changes, and every minute for SLA states. An
 * instance about a record is shown only to those who may read the record (a shared PC holds what
 * any of its users may read), and views follow changes of the person's roles and of records.
 */
export function instanceQueryHandlers(runtimeOf: RuntimeOf): QueryHandlers<Names> {
  const withTime = <T>(source$: Observable<T>): Observable<T> => combineLatest([source$, timer(0, SLA_REFRESH_MS)]).pipe(map(([value]) => value));
  const compute = <T>(work: () => Promise<Result<T>>): Observable<Result<T>> => from(work());
  /** The source with the person as the record rules see them, again whenever records change (their scope may have). */
  const scoped = <T>(context: QueryContext, source$: Observable<T>): Observable<[T, RecordActor]> =>
    combineLatest([source$, recordActor$(context.db, context.actor.id), context.db.records.$.pipe(auditTime(100), startWith(null))]).pipe(map(([value, actor]) => [value, actor]));

  async function visibleOf(context: QueryContext, docs: InstanceDocument[], actor: RecordActor): Promise<Visible[]> {
    const bindings = await loadBindings(context.db, docs);
    return docs.flatMap((doc) => {
      const binding = bindings.get(bindingKey(doc));
      return mayReadBound(actor, binding, doc.subjectScope) ? [{ doc, binding }] : [];
    });
  }

  async function summaries(context: QueryContext, visible: Visible[]): Promise<InstanceSummaryView[]> {
    const runtime = runtimeOf(context);
    const nameOf = nameOfPeople(await runtime.directory.load());
    const now = context.clock().toISOString();
    const out: InstanceSummaryView[] = [];
    for (const { doc, binding } of visible) {
      const definition = (await runtime.definitions.version(doc.code, doc.version))?.definition ?? emptyDefinition(doc.code);
      const record = recordRefFor(binding);
      out.push({ ...instanceSummary(doc.state, definition, doc.definitionId, nameOf, now), ...(record ? { record } : {}) });
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
      withTime(scoped(context, context.db.workflow_instances.find({ selector: { status: 'running' } }).$)).pipe(
        switchMap(([docs, recordActor]) =>
          compute(async () => {
            const runtime = runtimeOf(context);
            const actor = await actorFor(context);
            const nameOf = nameOfPeople(await runtime.directory.load());
            const now = context.clock().toISOString();
            const items: MyWorkItemView[] = [];
            for (const { doc, binding } of await visibleOf(context, docs.map(plainInstance), recordActor)) {
              const definition = await runtime.definitions.version(doc.code, doc.version);
              const record = recordRefFor(binding);
              if (definition) items.push(...myWorkItems(definition.definition, doc.state, actor, nameOf, now).map((item) => (record ? { ...item, record } : item)));
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
      return withTime(scoped(context, query.$)).pipe(
        switchMap(([docs, actor]) =>
          compute(async () => {
            const views = await summaries(context, await visibleOf(context, docs.map(plainInstance), actor));
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
          recordActor$(context.db, context.actor.id),
        ]),
      ).pipe(
        // The record it is about, live: a status moved by the step shows at once, a scope change hides the instance.
        switchMap(([doc, eventDocs, recordActor]) =>
          (doc ? context.db.records.findOne(String(doc.get('entityId'))).$ : of(null)).pipe(map(() => [doc, eventDocs, recordActor] as const)),
        ),
        switchMap(([doc, eventDocs, recordActor]) =>
          compute(async (): Promise<Result<InstanceDetailView>> => {
            if (!doc) return fail('not_found', 'That workflow instance does not exist.');
            const instance = plainInstance(doc);
            const [visible] = await visibleOf(context, [instance], recordActor);
            if (!visible) return fail('not_found', 'That workflow instance does not exist, or its record is not shared with you.');
            const record = recordRefFor(visible.binding);
            const runtime = runtimeOf(context);
            const definitionDoc = await runtime.definitions.version(instance.code, instance.version);
            if (!definitionDoc) return fail('not_found', `Version ${instance.version} of ${instance.code} is not on this computer.`);
            const definition = definitionDoc.definition;
            const nameOf = nameOfPeople(await runtime.directory.load());
            const actor = await actorFor(context);
            const state: WorkflowInstance = instance.state;
            const events = eventDocs.map((d) => d.get('data') as WorkflowEvent).sort((a, b) => a.seq - b.seq);
            return ok({
              instance: { ...instanceSummary(state, definition, instance.definitionId, nameOf, context.clock().toISOString()), ...(record ? { record } : {}) },
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
      return merge(scoped(context, combineLatest([breaches$, instances$]))).pipe(
        switchMap(([[docs], actor]) =>
          compute(async () => {
            const runtime = runtimeOf(context);
            const all = docs.map((d) => d.get('data') as Extract<WorkflowEvent, { type: 'sla_breached' }>).filter((e) => !input.code || e.violation.workflow_code === input.code);
            const found = await context.db.workflow_instances.findByIds([...new Set(all.map((e) => e.instanceId))]).exec();
            const visible = new Set((await visibleOf(context, [...found.values()].map(plainInstance), actor)).map((v) => v.doc.id));
            const breaches = all.filter((e) => visible.has(e.instanceId));
            const instanceIds = [...visible];
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
