import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { shapeFor } from '../../src-shared/api/input-shape';
import type { HttpRoute } from '../../src-shared/api/http-route';
import { jsonSchemaOf } from '../../src-shared/api/openapi-document';
import { problemOf } from '../../src-shared/api/problem';
import type { RequestPlan } from '../../src-shared/api/request-plan';
import type { CallOptions } from '../bridge/direct-calls';
import type { Host } from '../host/create-host';
import { errorAnswer, problemAnswer, resultAnswer } from './api-answers';
import { ifMatchPrecondition, targetState } from './etags';
import type { IdempotencyStore, KeptAnswer } from './idempotency-store';
import type { SharedReads } from './shared-reads';
import { pagedInput, readPageRequest, type PageRequest } from './list-paging';
import { createRequestReader } from './request-input';
import type { ApiCaller } from './token-authentication';

/**
 * One route's work once the caller is known and allowed: the request read into input (and a list's
 * page), If-Match checked in the write queue right before the command, the contract entry run as
 * the caller, the answer made (with the ETag of the document the route is about), and a POST with
 * an Idempotency-Key answered once.
 */

type Query = Record<string, string | string[] | undefined>;

/** The largest `limit` the contract's list query takes, so the API pages over everything it can give. */
function limitMaxOf(plan: RequestPlan, route: HttpRoute): number | undefined {
  const limit = plan.spec ? shapeFor(plan.spec.input, route.input.fixed)?.limit : undefined;
  const maximum = limit ? (jsonSchemaOf(limit, 'input') as { maximum?: number }).maximum : undefined;
  return typeof maximum === 'number' ? maximum : undefined;
}

export function createRouteRunner(route: HttpRoute, plan: RequestPlan, parts: { host: Host; clock: () => Date; idempotency: IdempotencyStore; sharedReads: SharedReads }) {
  const { host, idempotency, sharedReads } = parts;
  const reader = createRequestReader(route, plan);
  const limitMax = route.list ? limitMaxOf(plan, route) : undefined;
  const header = (request: FastifyRequest, name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };

  const withEtag = async (answer: KeptAnswer, id: string | undefined): Promise<KeptAnswer> => {
    if (!route.target || id === undefined || answer.status >= 300 || answer.status === 204) return answer;
    const state = await targetState(host.db, route.target, id);
    return state.etag ? { ...answer, headers: { ...answer.headers, etag: state.etag } } : answer;
  };

  return async (request: FastifyRequest, caller: ApiCaller, instance: string): Promise<KeptAnswer> => {
    const params = (request.params ?? {}) as Record<string, string>;
    const query = (request.query ?? {}) as Query;
    // `/meetings/{id}` reached as `/meetings/` (an id of "..", tidied away by the client): no such record.
    if (Object.values(params).some((value) => value === '')) return errorAnswer({ code: 'not_found', message: 'That address names no record: its id is missing.' }, reader, instance);
    const read = reader.input({ params, query, body: request.body });
    if (!read.ok) return errorAnswer(read.error, reader, instance);
    let input = read.value;
    let page: PageRequest | undefined;
    if (route.list) {
      const asked = readPageRequest(query);
      if (!asked.ok) return errorAnswer(asked.error, null, instance);
      page = asked.value;
      input = pagedInput(route.list, input, page, { limitMax, hasNativeSort: plan.hasNativeSort });
    }
    const idempotencyKey = route.method === 'POST' ? header(request, 'idempotency-key') : undefined;
    if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > 200)) {
      return problemAnswer(problemOf({ code: 'invalid_input', message: 'An Idempotency-Key has 1 to 200 characters.', field: 'Idempotency-Key' }, { instance, errors: [{ field: 'Idempotency-Key', in: 'header', message: 'An Idempotency-Key has 1 to 200 characters.' }] }));
    }
    if (plan.takesCommandId) input = { ...input, commandId: idempotencyKey ?? randomUUID() };
    const targetId = route.target ? params[route.target.param] : undefined;

    if (route.kind === 'query' && route.target?.kind !== undefined && targetId !== undefined && !(await targetState(host.db, route.target, targetId)).exists) {
      return errorAnswer({ code: 'not_found', message: 'That record no longer exists, or it is not shared with you.' }, reader, instance);
    }
    const ifMatch = header(request, 'if-match');
    const options: CallOptions =
      route.kind === 'command' && route.target && targetId !== undefined ? { precondition: ifMatchPrecondition(host.db, route.target, targetId, ifMatch), isConditional: ifMatch !== undefined } : {};
    // A query reads as its person is now (roles, department): the same person asking the same thing shares a run.
    const call = () => host.calls.run(route.operation, input, caller, options);
    const run = route.kind === 'query' ? () => sharedReads.run(JSON.stringify([route.operation, input, caller.person]), call) : call;
    const act = async (): Promise<KeptAnswer> => {
      const result = await run();
      return withEtag(resultAnswer(route, result, { reader, page, hasNativeSort: plan.hasNativeSort, instance }), targetId);
    };
    if (idempotencyKey === undefined) return act();
    const outcome = await idempotency.once(`${caller.token.id}\n${route.operationId}`, idempotencyKey, { params, query, body: request.body }, act, (answer) => answer.status < 500);
    if (outcome.kind === 'mismatch') {
      return problemAnswer(problemOf({ code: 'conflict', message: 'This Idempotency-Key was used for another request. Use a new key for a new request.', field: 'Idempotency-Key' }, { instance, status: 422, type: 'idempotency-key-reused' }));
    }
    if (outcome.kind === 'replay') return { ...outcome.answer, headers: { ...outcome.answer.headers, 'idempotent-replayed': 'true' } };
    if (outcome.kind === 'done') return outcome.answer;
    return act();
  };
}
