import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { Page, actorOf } from '../../http/plumbing.js';
import { searchAudit } from './audit.service.js';

export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit', {
    schema: {
      tags: ['audit'],
      summary: '审计日志（只增不改）',
      querystring: Page.extend({
        action: z.string().max(60).optional(),
        entity: z.string().max(40).optional(),
        entityId: z.string().max(40).optional(),
        username: z.string().max(40).optional(),
        from: z.iso.date().optional(),
        to: z.iso.date().optional(),
      }),
    },
  }, async (req) => searchAudit(ctx, actorOf(req), req.query));
}
