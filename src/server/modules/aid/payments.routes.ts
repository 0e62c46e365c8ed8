import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { IdParam, Page, requireActor } from '../../http/plumbing.js';
import * as payments from './payments.service.js';

const Filter = z.object({
  type: z.string().max(40).optional(),
  typePrefix: z.string().max(40).optional(),
  period: z.string().max(20).optional(),
  orgId: z.coerce.number().int().positive().optional(),
});

export function paymentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/payments/payable', { schema: { tags: ['payments'], summary: '已批准、尚未列入批次的申请（任何类型）', querystring: Page.extend(Filter.shape) } },
    async (req) => payments.listPayable(ctx, requireActor(req), req.query));

  r.get('/api/v1/payments/batches', { schema: { tags: ['payments'], summary: '发放批次', querystring: Page.extend({ status: z.enum(['open', 'paid']).optional() }) } },
    async (req) => payments.listBatches(ctx, requireActor(req), req.query));

  r.post('/api/v1/payments/batches', {
    schema: { tags: ['payments'], summary: '由已批准的申请生成发放批次（区总工会）；不指定 applicationIds 时按类型/期间取全部', body: Filter.extend({ title: z.string().max(100).nullish(), note: z.string().max(500).nullish(), applicationIds: z.array(z.number().int().positive()).max(5000).optional() }) },
  }, async (req, reply) => {
    const out = await payments.createBatch(ctx, requireActor(req), req.body);
    reply.status(201);
    return out;
  });

  r.get('/api/v1/payments/batches/:id', { schema: { tags: ['payments'], summary: '批次明细', params: IdParam } },
    async (req) => payments.getBatch(ctx, requireActor(req), req.params.id));

  r.get('/api/v1/payments/batches/:id/export.xlsx', { schema: { tags: ['payments'], summary: '银行代发文件（含完整账号，需 assist.manage，记入审计）', params: IdParam } }, async (req, reply) => {
    const { filename, buffer } = await payments.exportBatch(ctx, requireActor(req), req.params.id);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
    return reply.send(buffer);
  });

  r.post('/api/v1/payments/batches/:id/paid', { schema: { tags: ['payments'], summary: '标记批次已发放（其中每笔申请变为“已发放”）', params: IdParam, body: z.object({ paidOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish() }).nullish() } },
    async (req) => payments.markBatchPaid(ctx, requireActor(req), req.params.id, { paidOn: req.body?.paidOn }));
}
