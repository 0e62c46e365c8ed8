import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { IdParam, Page, requireActor } from '../../http/plumbing.js';
import { isValidYmd } from '../../../shared/dates.js';
import { MAX_FEN } from '../../../shared/mutual-aid/reimbursement.js';
import * as svc from './mutual-aid.service.js';

const fen = z.number().int().min(0).max(MAX_FEN);
const date = z.string().refine(isValidYmd, { message: 'YYYY-MM-DD' });
const KINDS = ['hospital', 'critical_illness', 'accident', 'female_special', 'other'] as const;
const STATUSES = ['in_review', 'returned', 'approved', 'rejected', 'withdrawn', 'paid'] as const;

const PlanFields = z.object({
  year: z.number().int().min(2000).max(2100),
  name: z.string().min(1).max(60),
  kind: z.enum(KINDS),
  premiumFen: fen,
  deductibleFen: fen,
  deductibleBasis: z.enum(['per_claim', 'per_year']),
  ratioBp: z.number().int().min(1).max(10000),
  capPerClaimFen: fen.positive().nullable(),
  capPerYearFen: fen.positive().nullable(),
  waitingDays: z.number().int().min(0).max(3650),
  status: z.enum(['open', 'closed']).optional(),
  description: z.string().max(500).nullish(),
});

const Bill = z.object({
  hospital: z.string().max(100),
  visitDate: date,
  dischargeDate: date.nullish(),
  totalFen: fen.positive(),
  insurancePaidFen: fen,
  selfPaidFen: fen,
});

const ClaimBody = z.object({
  diagnosis: z.string().max(200),
  bills: z.array(Bill).min(1).max(20),
  attachmentIds: z.array(z.number().int().positive()).max(20).default([]),
  payee: z.object({ name: z.string().min(1).max(40), account: z.string().regex(/^[\d\s]{8,40}$/) }).nullish(),
});

export function mutualAidRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mutual-aid'];

  r.get('/api/v1/mutual-aid/plans', {
    schema: { tags, summary: '互助保障计划', querystring: z.object({ year: z.coerce.number().int().optional(), status: z.enum(['open', 'closed']).optional() }) },
  }, async (req) => svc.listPlans(ctx, requireActor(req), req.query));

  r.post('/api/v1/mutual-aid/plans', { schema: { tags, summary: '新建保障计划（区总工会）', body: PlanFields } }, async (req, reply) => {
    const out = await svc.createPlan(ctx, requireActor(req), req.body);
    reply.status(201);
    return out;
  });

  r.get('/api/v1/mutual-aid/plans/:id', { schema: { tags, summary: '保障计划详情', params: IdParam } }, async (req) => svc.getPlan(ctx, requireActor(req), req.params.id));

  r.patch('/api/v1/mutual-aid/plans/:id', {
    schema: { tags, summary: '修改保障计划（已有报销申请后规则冻结）', params: IdParam, body: PlanFields.partial() },
  }, async (req) => svc.updatePlan(ctx, requireActor(req), req.params.id, req.body));

  r.get('/api/v1/mutual-aid/enrolments', {
    schema: {
      tags, summary: '参保名单（按管理范围）',
      querystring: Page.extend({ planId: z.coerce.number().int().positive().optional(), orgId: z.coerce.number().int().positive().optional(), status: z.enum(['active', 'cancelled']).optional(), q: z.string().max(40).optional() }),
    },
  }, async (req) => svc.listEnrolments(ctx, requireActor(req), req.query));

  r.post('/api/v1/mutual-aid/enrolments', {
    schema: { tags, summary: '为一名会员参保', body: z.object({ planId: z.number().int().positive(), personId: z.number().int().positive(), enrolledOn: date.optional() }) },
  }, async (req, reply) => {
    const out = await svc.enrolPerson(ctx, requireActor(req), req.body);
    reply.status(201);
    return out;
  });

  r.post('/api/v1/mutual-aid/enrolments/bulk', {
    schema: {
      tags, summary: '按工会（可限定企业）为全部在会会员参保；已参保的跳过',
      body: z.object({ planId: z.number().int().positive(), orgId: z.number().int().positive(), enterpriseId: z.number().int().positive().optional(), enrolledOn: date.optional() }),
    },
  }, async (req) => svc.enrolBulk(ctx, requireActor(req), req.body));

  r.post('/api/v1/mutual-aid/enrolments/:id/cancel', {
    schema: { tags, summary: '退保', params: IdParam, body: z.object({ reason: z.string().min(1).max(200) }) },
  }, async (req) => svc.cancelEnrolment(ctx, requireActor(req), req.params.id, req.body.reason));

  r.get('/api/v1/mutual-aid/my', { schema: { tags, summary: '会员本人的参保计划与本年剩余额度' } }, async (req) => svc.myCover(ctx, requireActor(req)));

  r.post('/api/v1/mutual-aid/claims/preview', {
    schema: { tags, summary: '试算可报销金额（不保存）', body: ClaimBody.omit({ attachmentIds: true, payee: true }).extend({ planId: z.number().int().positive(), personId: z.number().int().positive().optional() }) },
  }, async (req) => svc.previewClaim(ctx, requireActor(req), req.body));

  r.get('/api/v1/mutual-aid/claims', {
    schema: {
      tags, summary: '二次报销申请（按管理范围；会员仅本人）',
      querystring: Page.extend({
        planId: z.coerce.number().int().positive().optional(), year: z.coerce.number().int().optional(), status: z.enum(STATUSES).optional(),
        orgId: z.coerce.number().int().positive().optional(), townId: z.coerce.number().int().positive().optional(), q: z.string().max(40).optional(),
      }),
    },
  }, async (req) => svc.listClaims(ctx, requireActor(req), req.query));

  r.post('/api/v1/mutual-aid/claims', {
    schema: { tags, summary: '提交二次报销申请（进入审批流程）', body: ClaimBody.extend({ planId: z.number().int().positive(), personId: z.number().int().positive().optional() }) },
  }, async (req, reply) => {
    const out = await svc.submitClaim(ctx, requireActor(req), req.body);
    reply.status(201);
    return out;
  });

  r.get('/api/v1/mutual-aid/claims/:id', { schema: { tags, summary: '报销申请详情（票据、计算过程、附件）', params: IdParam } }, async (req) =>
    svc.getClaim(ctx, requireActor(req), req.params.id));

  r.put('/api/v1/mutual-aid/claims/:id', {
    schema: { tags, summary: '修改被退回的报销申请并重新提交', params: IdParam, body: ClaimBody },
  }, async (req) => svc.correctClaim(ctx, requireActor(req), req.params.id, req.body));

  r.get('/api/v1/mutual-aid/figures', {
    schema: { tags, summary: '报销统计：按计划、按镇街', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
  }, async (req) => svc.claimFigures(ctx, requireActor(req), req.query.year));
}
