import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { IdParam, Page, requireActor } from '../../http/plumbing.js';
import { ACTIVITY_TYPES, codesOf } from '../../../shared/reform-work/codes.js';
import * as svc from './activities.service.js';

const tags = ['activities'];
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Filter = z.object({
  type: z.enum(codesOf(ACTIVITY_TYPES)).optional(),
  from: ymd.optional(),
  to: ymd.optional(),
  orgId: z.coerce.number().int().positive().optional(),
  organiserId: z.coerce.number().int().positive().optional(),
  taskId: z.coerce.number().int().positive().optional(),
  sourceModule: z.string().max(40).optional(),
  q: z.string().max(60).optional(),
});
const Fields = z.object({
  type: z.enum(codesOf(ACTIVITY_TYPES)),
  title: z.string().max(400),
  heldOn: z.string().max(20),
  orgId: z.number().int().positive(),
  place: z.string().max(400).nullish(),
  participantCount: z.number().int().min(0).max(10_000_000).nullish(),
  participants: z.array(z.object({ name: z.string().max(100), orgName: z.string().max(200).nullish() })).max(5000).optional(),
  summary: z.string().max(4000).nullish(),
  taskId: z.number().int().positive().nullish(),
  photoIds: z.array(z.number().int().positive()).max(30).optional(),
});

export function activityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/activities', {
    schema: { tags, summary: '活动台账（本单位及下级，以及区总工会主办的活动）', querystring: Page.extend(Filter.shape) },
  }, async (req) => svc.listActivities(ctx, requireActor(req), req.query));

  r.get('/api/v1/activities/figures', {
    schema: { tags, summary: '活动统计：按类型、按期间（年/季/月）、按主办单位', querystring: Filter.extend({ period: z.enum(['year', 'quarter', 'month']).default('year') }) },
  }, async (req) => svc.activityFigures(ctx, requireActor(req), req.query));

  r.post('/api/v1/activities', { schema: { tags, summary: '登记活动（照片先上传为附件，再以 photoIds 引用）', body: Fields } }, async (req, reply) => {
    const out = await svc.createActivity(ctx, requireActor(req), req.body);
    reply.status(201);
    return out;
  });

  r.get('/api/v1/activities/:id', { schema: { tags, summary: '活动详情（参加人名单、照片）', params: IdParam } }, async (req) => svc.getActivity(ctx, requireActor(req), req.params.id));

  r.patch('/api/v1/activities/:id', {
    schema: { tags, summary: '修改活动（participants 给出时整体替换；photoIds 为追加的照片）', params: IdParam, body: Fields.partial() },
  }, async (req) => svc.updateActivity(ctx, requireActor(req), req.params.id, req.body));
}
