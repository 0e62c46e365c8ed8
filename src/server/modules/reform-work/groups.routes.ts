import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { IdParam, Page, requireActor } from '../../http/plumbing.js';
import { GROUP_KINDS, GROUP_ROLES, codesOf } from '../../../shared/reform-work/codes.js';
import * as svc from './groups.service.js';

const tags = ['reform-groups'];
const GroupFields = z.object({
  kind: z.enum(codesOf(GROUP_KINDS)),
  name: z.string().max(200),
  termNo: z.number().int().min(1).max(100),
  startYear: z.number().int(),
  endYear: z.number().int().nullish(),
  note: z.string().max(500).nullish(),
});
const MemberFields = z.object({
  name: z.string().max(100),
  orgId: z.number().int().positive(),
  positionTitle: z.string().max(200).nullish(),
  role: z.enum(codesOf(GROUP_ROLES)),
  phone: z.string().max(40).nullish(),
  startedOn: z.string().max(20).optional(),
});

export function groupRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/reform/groups', { schema: { tags, summary: '领导小组与工作专班（各届）' } }, async (req) => svc.listGroups(ctx, requireActor(req)));

  r.post('/api/v1/reform/groups', {
    schema: { tags, summary: '新建一届小组（可沿用上一届现任成员）', body: GroupFields.extend({ copyFromGroupId: z.number().int().positive().optional() }) },
  }, async (req, reply) => {
    const out = await svc.createGroup(ctx, requireActor(req), req.body);
    reply.status(201);
    return out;
  });

  r.get('/api/v1/reform/groups/:id', { schema: { tags, summary: '小组详情', params: IdParam } }, async (req) => svc.getGroup(ctx, requireActor(req), req.params.id));

  r.patch('/api/v1/reform/groups/:id', { schema: { tags, summary: '修改小组', params: IdParam, body: GroupFields.omit({ kind: true }).partial() } }, async (req) =>
    svc.updateGroup(ctx, requireActor(req), req.params.id, req.body));

  r.get('/api/v1/reform/groups/:id/members', {
    schema: {
      tags, summary: '小组成员（默认现任；history=1 含已离任记录；电话脱敏）', params: IdParam,
      querystring: Page.extend({ history: z.enum(['0', '1']).optional(), role: z.enum(codesOf(GROUP_ROLES)).optional(), q: z.string().max(40).optional() }),
    },
  }, async (req) => svc.listMembers(ctx, requireActor(req), req.params.id, { ...req.query, history: req.query.history === '1' }));

  r.post('/api/v1/reform/groups/:id/members', { schema: { tags, summary: '增加小组成员', params: IdParam, body: MemberFields } }, async (req, reply) => {
    const out = await svc.addMember(ctx, requireActor(req), req.params.id, req.body);
    reply.status(201);
    return out;
  });

  r.post('/api/v1/reform/group-members/:id/change', {
    schema: {
      tags, summary: '成员变更：结束现任记录并开始新记录（保留历史）', params: IdParam,
      body: MemberFields.partial().omit({ startedOn: true }).extend({ changedOn: z.string().max(20).optional(), reason: z.string().max(400) }),
    },
  }, async (req) => svc.changeMember(ctx, requireActor(req), req.params.id, req.body));

  r.post('/api/v1/reform/group-members/:id/end', {
    schema: { tags, summary: '成员离任（免去小组职务）', params: IdParam, body: z.object({ endedOn: z.string().max(20).optional(), reason: z.string().max(400) }) },
  }, async (req) => svc.endMember(ctx, requireActor(req), req.params.id, req.body));

  r.get('/api/v1/reform/group-members/:id/history', { schema: { tags, summary: '该席位的任职历史', params: IdParam } }, async (req) =>
    svc.memberHistory(ctx, requireActor(req), req.params.id));
}
