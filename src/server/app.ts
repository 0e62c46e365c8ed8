import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './context.js';
import { errorHandler, registerNotFound } from './http/plumbing.js';
import { registerSessionHook } from './http/session-hook.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { orgRoutes } from './modules/orgs/orgs.routes.js';
import { enterpriseRoutes } from './modules/enterprises/enterprises.routes.js';
import { memberRoutes } from './modules/members/members.routes.js';
import { importRoutes } from './modules/imports/imports.routes.js';
import { ImportQueue } from './modules/imports/import-queue.js';
import { attachmentRoutes } from './modules/attachments/attachments.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { workflowRoutes } from './modules/workflow/workflow.routes.js';
import { reformTaskRoutes } from './modules/reform-tasks/reform-tasks.routes.js';
import { reformWorkRoutes } from './modules/reform-work/reform-work.routes.js';
import { hardshipRoutes } from './modules/hardship/hardship.routes.js';
import { aidRoutes } from './modules/aid/aid.routes.js';
import { mutualAidRoutes } from './modules/mutual-aid/mutual-aid.routes.js';

export interface BuiltApp {
  app: FastifyInstance;
  imports: ImportQueue;
}

export async function buildApp(ctx: AppContext, opts: { logger?: boolean; webDir?: string } = {}): Promise<BuiltApp> {
  const app = Fastify({ logger: opts.logger ?? false, trustProxy: true, bodyLimit: 2 * 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  await app.register(cookie);
  await app.register(multipart);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'gonghui 工会工作平台 API', version: '1.0.0', description: '区总工会工作平台的 REST 接口。错误统一为 {"error":{"code","message","details":[…]}}；写操作需携带 X-CSRF-Token（登录返回的 csrfToken）。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gh_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerSessionHook(app, ctx);
  const imports = new ImportQueue(ctx);
  authRoutes(app, ctx);
  auditRoutes(app, ctx);
  orgRoutes(app, ctx);
  enterpriseRoutes(app, ctx);
  memberRoutes(app, ctx);
  importRoutes(app, ctx, imports);
  attachmentRoutes(app, ctx);
  notificationRoutes(app, ctx);
  workflowRoutes(app, ctx);
  reformTaskRoutes(app, ctx);
  reformWorkRoutes(app, ctx);
  hardshipRoutes(app, ctx);
  aidRoutes(app, ctx);
  mutualAidRoutes(app, ctx);
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true, db: ctx.dbKind }));

  const webDir = opts.webDir;
  if (webDir && fs.existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false });
    // Client-side routes fall back to the app shell; unknown API paths stay JSON 404s.
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.method !== 'GET') {
        return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在', details: [] } });
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/api/docs'));
    registerNotFound(app);
  }
  return { app, imports };
}
