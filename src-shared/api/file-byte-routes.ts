import type { Access } from './http-route';

/**
 * The API's routes for file bytes, which the zod contract cannot describe (a body that is a file, an
 * answer that is one): uploading a file to attach, and reading an attachment or a generated document.
 * They are the app's own file routes (src-main/files/file-routes.ts) reached as the token's person,
 * so the same checks apply: the person's right to the record the file is on, the 50 MB limit, the
 * hash checked before a byte is sent. Data, like the generated routes: the host's adapter and the
 * OpenAPI document both read this list.
 *
 * An upload becomes an attachment with `POST /api/v1/attachments/add` and the `uploadId` it returns;
 * documents are generated with `POST /api/v1/documents/generate`, whose answer names the draft.
 */
export interface FileByteRoute {
  operationId: string;
  method: 'GET' | 'POST';
  /** OpenAPI path, e.g. `/api/v1/attachments/{id}/content`. */
  path: string;
  /** The app's file route it answers through: `uploads`, or `attachments/<id>` / `documents/<id>`. */
  fileRoute: 'uploads' | 'attachments' | 'documents';
  module: string;
  access: Access;
  summary: string;
  description: string;
}

export const FILE_BYTE_ROUTES: readonly FileByteRoute[] = [
  {
    operationId: 'uploadFile',
    method: 'POST',
    path: '/api/v1/attachments/uploads',
    fileRoute: 'uploads',
    module: 'attachments',
    access: 'write',
    summary: 'Upload a file to attach',
    description: 'The request body is the file itself (any Content-Type, at most 50 MB). The answer’s `uploadId` attaches it with `POST /api/v1/attachments/add` within the hour; a file nobody attaches is dropped.',
  },
  {
    operationId: 'readAttachmentContent',
    method: 'GET',
    path: '/api/v1/attachments/{id}/content',
    fileRoute: 'attachments',
    module: 'attachments',
    access: 'read',
    summary: 'Read an attachment’s bytes',
    description: 'The file as it was attached, checked against its SHA-256 first: a damaged copy answers 409, a file this PC has not received yet 404. `download=true` asks for it as a download.',
  },
  {
    operationId: 'readDocumentContent',
    method: 'GET',
    path: '/api/v1/documents/{id}/content',
    fileRoute: 'documents',
    module: 'documents',
    access: 'read',
    summary: 'Read a generated document',
    description: 'A PDF generated for the token’s person with `POST /api/v1/documents/generate` and not kept yet (drafts last an hour).',
  },
];

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

/** The OpenAPI operation of a file byte route. */
export function fileByteOperation(route: FileByteRoute): Record<string, unknown> {
  const common = { operationId: route.operationId, summary: route.summary, description: route.description, tags: [route.module], 'x-labflow-scope': `${route.module}:${route.access}` };
  const errors = { 401: problem('No valid token.'), 403: problem('The token’s scopes do not allow this.'), 404: problem('No such file for this person.'), 429: problem('Too many requests.') };
  if (route.method === 'POST') {
    return {
      ...common,
      requestBody: { required: true, content: { '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
      responses: {
        201: {
          description: 'Received.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['uploadId', 'sha256', 'size'],
                properties: { uploadId: { type: 'string' }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, size: { type: 'integer', minimum: 0 } },
              },
            },
          },
        },
        422: problem('No body was sent: send the file as the request body.'),
        413: problem('The file is larger than 50 MB.'),
        ...errors,
      },
    };
  }
  return {
    ...common,
    parameters: [
      { name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 80 } },
      { name: 'download', in: 'query', required: false, description: 'Answer as a download (`Content-Disposition: attachment`).', schema: { type: 'boolean' } },
    ],
    responses: {
      // Its own media type when it can be shown (PDF, image, text), else application/octet-stream.
      200: { description: 'The file.', content: { '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
      409: problem('The stored copy is damaged.'),
      ...errors,
    },
  };
}
