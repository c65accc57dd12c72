import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { contentSecurityPolicy } from '../security/content-security-policy';

/**
 * The interactive API docs at /api/docs: Swagger UI, served from this host (swagger-ui-dist's own
 * files, no CDN) under the same Content-Security-Policy as the app, reading /api/v1/openapi.json.
 * "Authorize" takes an API token; "Try it out" then calls this host as that token.
 */

const ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>LabFlow API</title>
  <link rel="icon" href="/api/docs/assets/favicon-32x32.png">
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/start.js"></script>
</body>
</html>
`;

// An external file, not an inline script: the CSP allows scripts from this host only.
const start = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#docs', deepLinking: true, tryItOutEnabled: true, displayOperationId: false, defaultModelsExpandDepth: 0 });
});
`;

export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  const root = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  await app.register(async (docs) => {
    docs.addHook('onSend', async (_request, reply) => {
      void reply.header('content-security-policy', contentSecurityPolicy());
    });
    docs.get('/docs', { config: { isPublic: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
    docs.get('/docs/start.js', { config: { isPublic: true } }, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(start));
    await docs.register(fastifyStatic, {
      root,
      prefix: '/docs/assets/',
      decorateReply: false,
      allowedPath: (path) => ASSETS.includes(path.replace(/^\//, '')),
      index: false,
      list: false,
    });
  });
}
