import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Checks an API answer against the OpenAPI document the host serves: a success must be a status the
 * operation documents, with a body its schema accepts; an error must be a problem document. Every
 * call the API tests make goes through it (api-fixture.ts), so a response that drifts from its
 * documented schema fails the test that met it.
 */
type Document = { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>> };

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export function createResponseChecker(document: Document) {
  const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document as object, 'openapi');
  const templates = Object.keys(document.paths)
    .map((path) => ({ path, pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`), params: (path.match(/\{/g) ?? []).length }))
    .sort((a, b) => a.params - b.params);
  const compiled = new Map<string, ValidateFunction>();
  const validatorAt = (pointer: string): ValidateFunction => {
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `openapi#${pointer}` });
      compiled.set(pointer, validate);
    }
    return validate;
  };

  return (method: string, url: string, status: number, contentType: string | null, body: unknown): void => {
    const path = new URL(url).pathname;
    const template = templates.find((t) => t.pattern.test(path) && document.paths[t.path]?.[method.toLowerCase()]);
    const isProblem = status >= 400;
    if (!template && !(isProblem && status === 404)) throw new Error(`${method} ${path} answered ${status} but is not in the OpenAPI document`);
    const operation = template ? document.paths[template.path]![method.toLowerCase()]! : {};
    if (status === 204) {
      if (body !== undefined) throw new Error(`${method} ${path} answered 204 with a body`);
      return;
    }
    // A file route answers with the file's own type (file-byte-routes.ts): its status is checked, its bytes are the test's to compare.
    const successContent = operation.responses?.[String(status)]?.content;
    if (!isProblem && successContent && '*/*' in successContent) return;
    const type = isProblem ? 'application/problem+json' : 'application/json';
    if (!contentType?.startsWith(type)) throw new Error(`${method} ${path} answered ${status} as ${contentType}, not ${type}`);
    const pointer = isProblem
      ? '/components/schemas/Problem'
      : `/paths/${escape(template!.path)}/${method.toLowerCase()}/responses/${status}/content/${escape(type)}/schema`;
    if (!isProblem && !operation.responses?.[String(status)]) throw new Error(`${method} ${path} answered ${status}, which its operation does not document`);
    const validate = validatorAt(pointer);
    if (!validate(body)) throw new Error(`${method} ${path} ${status}: the body does not match its schema: ${ajv.errorsText(validate.errors, { separator: '\n' }).slice(0, 2000)}`);
    if (isProblem && (body as { status?: number }).status !== status) throw new Error(`${method} ${path}: the problem says ${(body as { status?: number }).status}, the response ${status}`);
  };
}
