import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { IdParam, Page, requireActor } from '../../http/plumbing.js';
import * as svc from './hardship.service.js';

const text = (max: number) => z.string().max(max).nullish();
const code = z.string().max(40);
const fen = z.number().int();

const Health = z.object({
  conditions: z.array(code).max(12),
  diagnosis: text(200),
  disabilityCategory: code.nullish(),
  disabilityGrade: code.nullish(),
});

// Sensitive fields (health, idNumber, accident.description) may be left out on edit to keep what is stored.
const RecordFields = z.object({
  identity: code,
  mainCause: code,
  causes: z.array(code).max(10),
  housingType: code.nullish(),
  medicalInsurance: code.nullish(),
  singleParent: z.boolean().optional(),
  zeroEmployment: z.boolean().optional(),
  health: Health.nullish(),
  household: z.array(z.object({
    id: z.number().int().positive().nullish(),
    name: z.string().max(40),
    relation: code,
    birthDate: text(10),
    age: z.number().int().nullish(),
    idNumber: text(30),
    health: Health.nullish(),
    identity: text(40),
    employerOrSchool: text(100),
  })).max(30),
  incomes: z.array(z.object({ kind: code, amountFen: fen, period: z.enum(['month', 'year']), note: text(100) })).max(60),
  expenses: z.array(z.object({ kind: code, amountFen: fen, period: z.enum(['month', 'year']), note: text(100) })).max(60),
  accident: z.object({ kind: code, consequence: code.nullish(), occurredOn: z.string().max(10), costFen: fen, description: text(500) }).nullish(),
  exclusions: z.array(code).max(5).optional(),
  note: text(500),
  attachmentIds: z.array(z.number().int().positive()).max(20).optional(),
});

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const ListFilter = z.object({
  status: z.enum(['open', 'exited']).optional(),
  tier: z.enum(['deep', 'relative', 'accident', 'none']).optional(),
  cause: code.optional(),
  orgId: z.coerce.number().int().positive().optional(),
  q: z.string().max(40).optional(),
  verified: bool.optional(),
  reviewDue: bool.optional(),
});

const Comment = z.object({ comment: z.string().max(500).nullish() }).nullish();
const tags = ['hardship'];

export function hardshipRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/hardship/thresholds', { schema: { tags, summary: '困难职工认定年度标准（低保标准与倍数）' } }, async (req) =>
    svc.listThresholds(ctx, requireActor(req)));

  r.put('/api/v1/hardship/thresholds/:year', {
    schema: {
      tags, summary: '设置某年度认定标准（区总工会，记入审计）',
      params: z.object({ year: z.coerce.number().int() }),
      body: z.object({ dibaoFen: fen, deepPct: z.number().int(), relativePct: z.number().int(), accidentPct: z.number().int().nullable(), accidentCostPct: z.number().int(), note: text(200) }),
    },
  }, async (req) => svc.setThresholds(ctx, requireActor(req), req.params.year, req.body));

  r.get('/api/v1/hardship/records', { schema: { tags, summary: '困难职工档案列表（健康信息脱敏）', querystring: Page.extend(ListFilter.shape) } }, async (req) =>
    svc.listRecords(ctx, requireActor(req), req.query));

  r.get('/api/v1/hardship/review-due', {
    schema: { tags, summary: '待复核档案（上次复核已满一年）', querystring: Page.extend({ orgId: z.coerce.number().int().positive().optional() }) },
  }, async (req) => svc.listReviewDue(ctx, requireActor(req), req.query));

  r.get('/api/v1/hardship/figures', {
    schema: { tags, summary: '困难职工档案统计：按类别、致困原因、下级组织', querystring: z.object({ status: z.enum(['open', 'exited']).optional(), orgId: z.coerce.number().int().positive().optional() }) },
  }, async (req) => svc.hardshipFigures(ctx, requireActor(req), req.query));

  r.get('/api/v1/hardship/mine', { schema: { tags, summary: '本人困难职工档案（会员：仅类别和状态）' } }, async (req) =>
    svc.myHardship(ctx, requireActor(req)));

  r.post('/api/v1/hardship/records', {
    schema: { tags, summary: '建档（困难类别由系统按年度标准计算）', body: RecordFields.extend({ personId: z.number().int().positive() }) },
  }, async (req, reply) => {
    const out = await svc.createRecord(ctx, requireActor(req), req.body);
    reply.status(201);
    return out;
  });

  r.get('/api/v1/hardship/records/:id', { schema: { tags, summary: '档案详情（敏感信息脱敏）', params: IdParam } }, async (req) =>
    svc.getRecord(ctx, requireActor(req), req.params.id));

  r.put('/api/v1/hardship/records/:id', { schema: { tags, summary: '修改档案（重新计算类别，需重新核实）', params: IdParam, body: RecordFields } }, async (req) =>
    svc.updateRecord(ctx, requireActor(req), req.params.id, req.body));

  r.post('/api/v1/hardship/records/:id/verify', { schema: { tags, summary: '核实（不能由建档人或最后修改人核实）', params: IdParam, body: Comment } }, async (req) =>
    svc.verifyRecord(ctx, requireActor(req), req.params.id, req.body?.comment));

  r.post('/api/v1/hardship/records/:id/review', { schema: { tags, summary: '年度复核（按当年标准重新认定，保留历史）', params: IdParam, body: Comment } }, async (req) =>
    svc.reviewRecord(ctx, requireActor(req), req.params.id, req.body?.comment));

  r.post('/api/v1/hardship/records/:id/exit', {
    schema: { tags, summary: '解困脱困（档案关闭后只读）', params: IdParam, body: z.object({ reason: code, note: text(500) }) },
  }, async (req) => svc.exitRecord(ctx, requireActor(req), req.params.id, req.body));

  r.post('/api/v1/hardship/records/:id/unmask', {
    schema: { tags, summary: '查看健康、残疾和家庭成员证件号（需 hardship.unmask，记入审计）', params: IdParam, body: z.object({ reason: z.string().max(200).nullish() }).nullish() },
  }, async (req) => svc.unmaskRecord(ctx, requireActor(req), req.params.id, req.body?.reason));
}
