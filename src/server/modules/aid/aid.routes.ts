import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { IdParam, Page, requireActor } from '../../http/plumbing.js';
import { AID_TYPES, CAMPAIGN_SEASONS } from '../../../shared/aid/types.js';
import * as aid from './aid.service.js';
import * as rules from './aid-rules.service.js';
import * as campaigns from './campaigns.service.js';
import { aidFigures } from './aid.figures.js';
import { paymentRoutes } from './payments.routes.js';

const fen = z.number().int().min(0).max(1_000_000_000_00);
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Payee = z.object({ name: z.string().max(40).nullish(), bank: z.string().max(60).nullish(), account: z.string().max(40).nullish() });
const AppBody = z.object({
  personId: z.number().int().positive().nullish(),
  aidType: z.enum(AID_TYPES),
  reason: z.string().max(2000),
  amountFen: fen.nullish(),
  details: z.record(z.string(), z.unknown()).nullish(),
  attachmentIds: z.array(z.number().int().positive()).max(20).optional(),
  payee: Payee.nullish(),
});
const ListQuery = Page.extend({
  aidType: z.enum(AID_TYPES).optional(),
  status: z.enum(['in_review', 'returned', 'approved', 'rejected', 'withdrawn', 'paid']).optional(),
  period: z.string().max(20).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  campaignId: z.coerce.number().int().positive().optional(),
  q: z.string().max(60).optional(),
  mine: z.enum(['0', '1']).optional(),
});
const RuleBody = z.object({ capFen: fen, fixedFen: fen.nullish(), thresholdFen: fen.nullish(), ratioBp: z.number().int().nullish() });
const CampaignBody = z.object({
  year: z.number().int().min(2000).max(2100),
  season: z.enum(CAMPAIGN_SEASONS),
  name: z.string().max(80).nullish(),
  orgId: z.number().int().positive(),
  budgetFen: fen,
  targetGroups: z.array(z.string().min(1).max(20)).max(20).optional(),
  startsOn: ymd.nullish(),
  endsOn: ymd.nullish(),
  note: z.string().max(500).nullish(),
});
const DistributionBody = z.object({
  kind: z.enum(['cash', 'goods']),
  valueFen: fen,
  goods: z.string().max(200).nullish(),
  recipientPersonId: z.number().int().positive().nullish(),
  recipientText: z.string().max(100).nullish(),
  recipientCount: z.number().int().min(1).max(100_000).optional(),
  orgId: z.number().int().positive().nullish(),
  distributedOn: ymd,
  note: z.string().max(500).nullish(),
});

export function aidRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/aid/types', { schema: { tags: ['aid'], summary: '救助类型、本期期间与本年度标准' } }, async (req) => aid.listAidTypes(ctx, requireActor(req)));

  r.get('/api/v1/aid/rules', { schema: { tags: ['aid'], summary: '各年度救助标准（上限、固定标准、医疗起付线与比例，单位分）', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) } },
    async (req) => rules.listYearRules(ctx, requireActor(req), req.query.year));

  r.put('/api/v1/aid/rules/:year/:aidType', {
    schema: { tags: ['aid'], summary: '设置某年度某类救助的标准（区总工会）', params: z.object({ year: z.coerce.number().int().min(2000).max(2100), aidType: z.enum(AID_TYPES) }), body: RuleBody },
  }, async (req) => rules.putYearRule(ctx, requireActor(req), req.params.year, req.params.aidType, {
    capFen: req.body.capFen, fixedFen: req.body.fixedFen ?? null, thresholdFen: req.body.thresholdFen ?? null, ratioBp: req.body.ratioBp ?? null,
  }));

  r.get('/api/v1/aid/applications', { schema: { tags: ['aid'], summary: '救助申请列表（范围内；会员仅本人）', querystring: ListQuery } },
    async (req) => aid.listAidApplications(ctx, requireActor(req), { ...req.query, mine: req.query.mine === '1' }));

  r.post('/api/v1/aid/applications', { schema: { tags: ['aid'], summary: '提交救助申请（工作人员代为申请须指定 personId；会员为本人申请）', body: AppBody } }, async (req, reply) => {
    const out = await aid.fileApplication(ctx, requireActor(req), req.body);
    reply.status(201);
    return out;
  });

  r.get('/api/v1/aid/applications/:id', { schema: { tags: ['aid'], summary: '救助申请详情（含审批环节与历史）', params: IdParam } },
    async (req) => aid.getAidApplication(ctx, requireActor(req), req.params.id));

  r.patch('/api/v1/aid/applications/:id', {
    schema: { tags: ['aid'], summary: '修改被退回的申请并重新提交', params: IdParam, body: AppBody.omit({ personId: true, aidType: true }).partial() },
  }, async (req) => aid.correctApplication(ctx, requireActor(req), req.params.id, { ...req.body, reason: req.body.reason ?? undefined }));

  r.get('/api/v1/aid/figures', {
    schema: { tags: ['aid'], summary: '帮扶统计：按类型、期间、下级组织；四季送执行', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), aidType: z.enum(AID_TYPES).optional(), orgId: z.coerce.number().int().positive().optional() }) },
  }, async (req) => aidFigures(ctx, requireActor(req), req.query));

  r.get('/api/v1/aid/campaigns', {
    schema: { tags: ['aid'], summary: '四季送活动（含预算执行）', querystring: Page.extend({ year: z.coerce.number().int().min(2000).max(2100).optional(), season: z.enum(CAMPAIGN_SEASONS).optional() }) },
  }, async (req) => campaigns.listCampaigns(ctx, requireActor(req), req.query));

  r.post('/api/v1/aid/campaigns', { schema: { tags: ['aid'], summary: '新建四季送活动', body: CampaignBody } }, async (req, reply) => {
    const out = await campaigns.createCampaign(ctx, requireActor(req), req.body);
    reply.status(201);
    return out;
  });

  r.get('/api/v1/aid/campaigns/:id', { schema: { tags: ['aid'], summary: '活动详情与预算执行', params: IdParam } },
    async (req) => campaigns.getCampaign(ctx, requireActor(req), req.params.id));

  r.patch('/api/v1/aid/campaigns/:id', {
    schema: { tags: ['aid'], summary: '修改活动（名称、预算、对象、日期）', params: IdParam, body: CampaignBody.omit({ year: true, season: true, orgId: true }).partial() },
  }, async (req) => campaigns.updateCampaign(ctx, requireActor(req), req.params.id, { ...req.body, budgetFen: req.body.budgetFen ?? undefined }));

  r.get('/api/v1/aid/campaigns/:id/distributions', { schema: { tags: ['aid'], summary: '活动发放记录', params: IdParam, querystring: Page } },
    async (req) => campaigns.listDistributions(ctx, requireActor(req), req.params.id, req.query.page, req.query.pageSize));

  r.post('/api/v1/aid/campaigns/:id/distributions', { schema: { tags: ['aid'], summary: '登记发放（现金或物资）', params: IdParam, body: DistributionBody } }, async (req, reply) => {
    const out = await campaigns.addDistribution(ctx, requireActor(req), req.params.id, req.body);
    reply.status(201);
    return out;
  });

  paymentRoutes(app, ctx);
}
