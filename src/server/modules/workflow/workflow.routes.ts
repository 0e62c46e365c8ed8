import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { IdParam, Page, requireActor } from '../../http/plumbing.js';
import { decide, setTypeSteps, withdraw } from './workflow.service.js';
import { getApplicationView, listApplications, listTypes, overdueList, reviewQueue } from './workflow.queries.js';
import { STEP_LEVELS } from './workflow.types.js';

const Status = z.enum(['in_review', 'returned', 'approved', 'rejected', 'withdrawn', 'paid']);
const TypeFilter = z.object({ type: z.string().max(60).optional(), typePrefix: z.string().max(40).optional() });

export function workflowRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/applications', {
    schema: {
      tags: ['workflow'], summary: '申请列表（mine=1 为本人的申请；工作人员为管辖范围内受理的申请）',
      querystring: Page.extend(TypeFilter.shape).extend({ status: Status.optional(), orgId: z.coerce.number().int().positive().optional(), q: z.string().max(60).optional(), mine: z.enum(['0', '1']).optional() }),
    },
  }, async (req) => {
    const { page, pageSize, mine, ...f } = req.query;
    return listApplications(ctx, requireActor(req), { ...f, mine: mine === '1', limit: pageSize, offset: (page - 1) * pageSize });
  });

  r.get('/api/v1/applications/:id', { schema: { tags: ['workflow'], summary: '申请的审批环节与全部流转记录', params: IdParam } }, async (req) =>
    getApplicationView(ctx, requireActor(req), req.params.id));

  r.post('/api/v1/applications/:id/decide', {
    schema: {
      tags: ['workflow'], summary: '审批当前环节：同意 / 退回修改 / 不予批准',
      params: IdParam,
      body: z.object({ action: z.enum(['approve', 'return', 'reject']), comment: z.string().max(500).nullish(), approvedFen: z.number().int().min(0).nullish() }),
    },
  }, async (req) => decide(ctx, requireActor(req), req.params.id, req.body));

  r.post('/api/v1/applications/:id/withdraw', {
    schema: { tags: ['workflow'], summary: '申请人撤回', params: IdParam, body: z.object({ reason: z.string().max(200).optional() }).nullish() },
  }, async (req, reply) => {
    await withdraw(ctx, requireActor(req), req.params.id, req.body?.reason);
    reply.status(204);
  });

  r.get('/api/v1/workflow/queue', { schema: { tags: ['workflow'], summary: '待我审批（当前环节为本组织）', querystring: Page.extend(TypeFilter.shape) } }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return reviewQueue(ctx, requireActor(req), { ...f, limit: pageSize, offset: (page - 1) * pageSize });
  });

  r.get('/api/v1/workflow/overdue', { schema: { tags: ['workflow'], summary: '超期未办的审批环节', querystring: Page } }, async (req) => {
    const { page, pageSize } = req.query;
    return overdueList(ctx, requireActor(req), { limit: pageSize, offset: (page - 1) * pageSize });
  });

  r.get('/api/v1/workflow/types', { schema: { tags: ['workflow'], summary: '各类申请的审批环节配置' } }, async (req) => listTypes(ctx, requireActor(req)));

  r.put('/api/v1/workflow/types/:type', {
    schema: {
      tags: ['workflow'], summary: '修改某类申请的审批环节（区总工会）',
      params: z.object({ type: z.string().max(60) }),
      body: z.object({ steps: z.array(z.object({ key: z.string().min(1).max(40), nameZh: z.string().min(1).max(40), nameEn: z.string().max(60), level: z.enum(STEP_LEVELS), dueDays: z.number().int() })).max(3) }),
    },
  }, async (req) => setTypeSteps(ctx, requireActor(req), req.params.type, req.body.steps));
}
