import type { HttpRoute } from '../../src-shared/api/http-route';
import { PROBLEM_CONTENT_TYPE, problemOf, type Problem, type ProblemField } from '../../src-shared/api/problem';
import type { AppError, Result } from '../../src-shared/core/result';
import type { InputIssue } from '../bridge/direct-calls';
import type { KeptAnswer } from './idempotency-store';
import { pageOf, type PageRequest } from './list-paging';
import type { RequestReader } from './request-input';

/**
 * A contract result as an HTTP answer: the route's success status with the result (a page of it for
 * lists), or a problem document whose status follows the error code and whose fields are named as
 * the request named them.
 */

export const problemAnswer = (problem: Problem, headers: Record<string, string> = {}): KeptAnswer => ({
  status: problem.status,
  headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
  body: problem,
});

const isIssueList = (details: unknown): details is InputIssue[] =>
  Array.isArray(details) && details.every((d) => d && typeof d === 'object' && Array.isArray((d as InputIssue).path) && typeof (d as InputIssue).message === 'string');

/** The problem for a contract error, with its fields in the request's terms. */
export function errorAnswer(error: AppError, reader: RequestReader | null, instance: string): KeptAnswer {
  const isStale = (error.details as { precondition?: unknown } | undefined)?.precondition === 'if-match';
  const fields: ProblemField[] = reader && isIssueList(error.details) ? reader.problemsOf(error.details) : [];
  const named = error.field ? (reader ? reader.fieldOf(error.field.split('.')) : { field: error.field, in: 'query' as const }) : undefined;
  if (named && fields.length === 0) fields.push({ ...named, message: error.message });
  const field = fields[0]?.field;
  const problem = problemOf({ code: error.code, message: error.message, ...(field ? { field } : {}), ...(error.code === 'internal' ? { details: error.details } : {}) }, {
    instance,
    errors: fields,
    ...(isStale ? { status: 412, type: 'stale-version' } : {}),
  });
  return problemAnswer(problem);
}

export function resultAnswer(route: HttpRoute, result: Result<unknown>, context: { reader: RequestReader; page: PageRequest | undefined; hasNativeSort: boolean; instance: string }): KeptAnswer {
  if (!result.ok) return errorAnswer(result.error, context.reader, context.instance);
  if (route.successStatus === 204) return { status: 204, headers: {}, body: undefined };
  if (route.list && context.page) {
    const page = pageOf(route.list, result.value, context.page, { hasNativeSort: context.hasNativeSort });
    if (!page.ok) return errorAnswer(page.error, null, context.instance);
    return { status: route.successStatus, headers: {}, body: page.value };
  }
  return { status: route.successStatus, headers: {}, body: result.value };
}
