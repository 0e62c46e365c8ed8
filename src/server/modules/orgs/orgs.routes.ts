import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { IdParam, Page, requireActor } from '../../http/plumbing.js';
import * as svc from './orgs.service.js';

const ORG_TYPES = ['district', 'town', 'park', 'industry', 'grassroots', 'joint', 'branch', 'member_unit'] as const;

const OrgFields = z.object({
  name: z.string().max(100),
  shortName: z.string().max(40).nullish(),
  type: z.enum(ORG_TYPES),
  parentId: z.number().int().positive(),
  creditCode: z.string().max(30).nullish(),
  divisionCode: z.string().max(12).nullish(),
  foundedOn: z.string().max(20).nullish(),
  term: z.string().max(40).nullish(),
  chair: z.string().max(40).nullish(),
  address: z.string().max(200).nullish(),
  phone: z.string().max(30).nullish(),
});

export function orgRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/orgs', {
    schema: {
      tags: ['orgs'],
      summary: '组织列表（tree=1 时返回可见范围内的整棵树）',
      querystring: Page.extend({
        q: z.string().max(100).optional(),
        parentId: z.coerce.number().int().optional(),
        type: z.enum(ORG_TYPES).optional(),
        status: z.enum(['active', 'closed']).optional(),
        tree: z.enum(['0', '1']).optional(),
      }),
    },
  }, async (req) => {
    const actor = requireActor(req);
    if (req.query.tree === '1') {
      const items = await svc.orgTree(ctx, actor, req.query.status === 'closed');
      return { items, total: items.length };
    }
    return svc.listOrgs(ctx, actor, req.query);
  });

  r.get('/api/v1/orgs/lookup', {
    schema: { tags: ['orgs'], summary: '按准确名称或信用代码查找接收组织（会籍接转用）', querystring: z.object({ q: z.string().min(2).max(100) }) },
  }, async (req) => ({ items: await svc.lookupOrg(ctx, requireActor(req), req.query.q) }));

  r.post('/api/v1/orgs', { schema: { tags: ['orgs'], summary: '新建组织', body: OrgFields } }, async (req, reply) => {
    const org = await svc.createOrg(ctx, requireActor(req), req.body);
    reply.status(201);
    return org;
  });

  r.get('/api/v1/orgs/:id', { schema: { tags: ['orgs'], summary: '组织详情', params: IdParam } }, async (req) =>
    svc.getOrg(ctx, requireActor(req), req.params.id));

  r.patch('/api/v1/orgs/:id', {
    schema: { tags: ['orgs'], summary: '修改组织；改 parentId 即移动整个子树（不允许形成环）', params: IdParam, body: OrgFields.partial() },
  }, async (req) => svc.updateOrg(ctx, requireActor(req), req.params.id, req.body));

  r.post('/api/v1/orgs/:id/close', {
    schema: { tags: ['orgs'], summary: '撤销组织', params: IdParam, body: z.object({ reason: z.string().min(1).max(200), closedOn: z.string().max(20).optional() }) },
  }, async (req) => svc.closeOrg(ctx, requireActor(req), req.params.id, req.body));

  r.get('/api/v1/orgs/:id/history', { schema: { tags: ['orgs'], summary: '组织变更历史', params: IdParam } }, async (req) =>
    svc.orgHistory(ctx, requireActor(req), req.params.id));

  r.get('/api/v1/orgs/:id/stats', { schema: { tags: ['orgs'], summary: '子树覆盖情况统计', params: IdParam } }, async (req) =>
    svc.orgStats(ctx, requireActor(req), req.params.id));
}
