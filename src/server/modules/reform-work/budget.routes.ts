import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { IdParam, Page, requireActor } from '../../http/plumbing.js';
import * as svc from './budget.service.js';

const tags = ['reform-budget'];
// Yuan travel as strings ('150000.00') and are parsed exactly to fen on the server; a JSON number is accepted too.
const yuan = z.union([z.string().max(30), z.number()]).transform(String);

export function budgetRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/reform/budget-lines', { schema: { tags, summary: '保障资金预算项目及执行（分）', querystring: z.object({ year: z.coerce.number().int().optional() }) } }, async (req) =>
    svc.listLines(ctx, requireActor(req), req.query));

  r.get('/api/v1/reform/budget-figures', { schema: { tags, summary: '预算执行情况（按年度、按项目）' } }, async (req) => svc.budgetFigures(ctx, requireActor(req)));

  r.post('/api/v1/reform/budget-lines', {
    schema: { tags, summary: '新增预算项目（金额单位：元，最多两位小数）', body: z.object({ year: z.number().int(), name: z.string().max(200), amountYuan: yuan, note: z.string().max(500).nullish() }) },
  }, async (req, reply) => {
    const out = await svc.createLine(ctx, requireActor(req), req.body);
    reply.status(201);
    return out;
  });

  r.get('/api/v1/reform/budget-lines/:id', { schema: { tags, summary: '预算项目', params: IdParam } }, async (req) => svc.getLine(ctx, requireActor(req), req.params.id));

  r.patch('/api/v1/reform/budget-lines/:id', {
    schema: { tags, summary: '修改预算项目（不得低于已支出）', params: IdParam, body: z.object({ year: z.number().int(), name: z.string().max(200), amountYuan: yuan, note: z.string().max(500).nullish() }).partial() },
  }, async (req) => svc.updateLine(ctx, requireActor(req), req.params.id, req.body));

  r.get('/api/v1/reform/budget-lines/:id/spendings', {
    schema: { tags, summary: '支出明细', params: IdParam, querystring: Page.extend({ includeVoided: z.enum(['0', '1']).optional() }) },
  }, async (req) => svc.listSpendings(ctx, requireActor(req), req.params.id, { ...req.query, includeVoided: req.query.includeVoided === '1' }));

  r.post('/api/v1/reform/budget-lines/:id/spendings', {
    schema: {
      tags, summary: '登记支出（超出剩余预算须 overBudget=true 并说明原因）', params: IdParam,
      body: z.object({
        spentOn: z.string().max(20), amountYuan: yuan, payee: z.string().max(200), purpose: z.string().max(600),
        activityId: z.number().int().positive().nullish(), taskId: z.number().int().positive().nullish(),
        overBudget: z.boolean().optional(), overReason: z.string().max(600).nullish(), voucherIds: z.array(z.number().int().positive()).max(20).optional(),
      }),
    },
  }, async (req, reply) => {
    const out = await svc.addSpending(ctx, requireActor(req), req.params.id, req.body);
    reply.status(201);
    return out;
  });

  r.get('/api/v1/reform/spendings/:id', { schema: { tags, summary: '支出详情与凭证', params: IdParam } }, async (req) => svc.getSpending(ctx, requireActor(req), req.params.id));

  r.post('/api/v1/reform/spendings/:id/void', { schema: { tags, summary: '作废支出（保留记录）', params: IdParam, body: z.object({ reason: z.string().max(600) }) } }, async (req) =>
    svc.voidSpending(ctx, requireActor(req), req.params.id, req.body.reason));
}
