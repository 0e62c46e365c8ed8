import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { IdParam, requireActor } from '../../http/plumbing.js';
import { listNotifications, markRead } from './notifications.service.js';

export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/notifications', {
    schema: {
      tags: ['notifications'], summary: '我的通知（待我处理、我的申请进展）',
      querystring: z.object({ unread: z.enum(['0', '1']).optional(), limit: z.coerce.number().int().min(1).max(100).default(20), offset: z.coerce.number().int().min(0).default(0) }),
    },
  }, async (req) => listNotifications(ctx, requireActor(req), { unread: req.query.unread === '1', limit: req.query.limit, offset: req.query.offset }));

  r.post('/api/v1/notifications/:id/read', { schema: { tags: ['notifications'], summary: '标记已读', params: IdParam } }, async (req, reply) => {
    await markRead(ctx, requireActor(req), req.params.id);
    reply.status(204);
  });

  r.post('/api/v1/notifications/read-all', { schema: { tags: ['notifications'], summary: '全部标记已读' } }, async (req, reply) => {
    await markRead(ctx, requireActor(req), 'all');
    reply.status(204);
  });
}
