import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { IdParam, Page, requireActor } from '../../http/plumbing.js';
import * as svc from './members.service.js';
import * as transfers from './transfers.service.js';
import { exportMembers } from './members.export.js';
import { can, require as need } from '../../access/actor.js';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const Filter = z.object({
  q: z.string().max(60).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(['current', 'active', 'transferring', 'retained', 'left']).optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
  isIndustrial: bool.optional(),
  isMigrant: bool.optional(),
});

const text = z.string().max(200).nullish();
const MemberFields = z.object({
  name: z.string().max(40),
  idNumber: z.string().max(30),
  gender: text, birthDate: text, ethnicity: text, education: text, political: text, householdType: text, phone: text,
  employerCreditCode: text, employerName: text, employmentStatus: text, occupation: text, skillLevel: text,
  joinedOn: text, joinMethod: text, cardNo: text,
  isMigrant: z.boolean().optional(), isIndustrial: z.boolean().optional(), isNewEmployment: z.boolean().optional(), isModelWorker: z.boolean().optional(),
});

export function memberRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/members', {
    schema: { tags: ['members'], summary: '会员花名册（q 可为姓名片段、完整身份证号或手机号）', querystring: Page.extend(Filter.shape) },
  }, async (req) => svc.listMembers(ctx, requireActor(req), req.query));

  r.get('/api/v1/members/export.xlsx', {
    schema: { tags: ['members'], summary: '导出当前筛选的花名册（默认脱敏；unmask=1 需权限）', querystring: Filter.extend({ unmask: z.enum(['0', '1']).optional() }) },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { unmask, ...filter } = req.query;
    // Check permissions before the first byte is sent, so a refusal is a proper JSON error.
    need(actor, 'member.export');
    if (unmask === '1' && !can(actor, 'member.unmask')) need(actor, 'member.unmask');
    // The filter's org must be in scope too; once the xlsx headers are set a refusal can no longer be JSON.
    await svc.toQuery(ctx, actor, filter);
    const out = new PassThrough();
    const done = exportMembers(ctx, actor, filter, out, { unmask: unmask === '1' });
    done.catch((err) => out.destroy(err));
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('会员花名册.xlsx')}`);
    return reply.send(out);
  });

  r.post('/api/v1/members', { schema: { tags: ['members'], summary: '登记会员', body: MemberFields.extend({ orgId: z.number().int().positive() }) } }, async (req, reply) => {
    const out = await svc.createMember(ctx, requireActor(req), req.body);
    reply.status(201);
    return out;
  });

  r.get('/api/v1/members/:id', { schema: { tags: ['members'], summary: '会员详情（证件号脱敏）', params: IdParam } }, async (req) =>
    svc.getMember(ctx, requireActor(req), req.params.id));

  r.patch('/api/v1/members/:id', { schema: { tags: ['members'], summary: '修改会员信息', params: IdParam, body: MemberFields.partial() } }, async (req) =>
    svc.updateMember(ctx, requireActor(req), req.params.id, req.body));

  r.post('/api/v1/members/:id/unmask', {
    schema: { tags: ['members'], summary: '查看完整证件号码和手机号（需权限，记入审计）', params: IdParam, body: z.object({ reason: z.string().max(200).optional() }).nullish() },
  }, async (req) => svc.unmaskMember(ctx, requireActor(req), req.params.id, req.body?.reason));

  r.get('/api/v1/members/:id/history', { schema: { tags: ['members'], summary: '会籍历史', params: IdParam } }, async (req) =>
    svc.memberHistory(ctx, requireActor(req), req.params.id));

  r.post('/api/v1/members/:id/status', {
    schema: { tags: ['members'], summary: '保留会籍 / 恢复 / 退会', params: IdParam, body: z.object({ action: z.enum(['retain', 'restore', 'leave']), reason: z.string().min(1).max(200) }) },
  }, async (req) => svc.changeStatus(ctx, requireActor(req), req.params.id, req.body.action, req.body.reason));

  r.post('/api/v1/members/:id/transfer', {
    schema: { tags: ['transfers'], summary: '会籍转出（待接收组织确认）', params: IdParam, body: z.object({ toOrgId: z.number().int().positive(), reason: z.string().min(1).max(200) }) },
  }, async (req, reply) => {
    const t = await transfers.requestTransfer(ctx, requireActor(req), req.params.id, req.body);
    reply.status(201);
    return t;
  });

  r.get('/api/v1/transfers', {
    schema: { tags: ['transfers'], summary: '会籍接转（in 待我方接收 / out 我方转出）', querystring: Page.extend({ direction: z.enum(['in', 'out']).default('in'), status: z.enum(['pending', 'accepted', 'rejected', 'cancelled']).optional() }) },
  }, async (req) => transfers.listTransfers(ctx, requireActor(req), req.query));

  for (const decision of ['accept', 'reject', 'cancel'] as const) {
    r.post(`/api/v1/transfers/:id/${decision}`, {
      schema: { tags: ['transfers'], summary: { accept: '接收转入', reject: '拒绝转入', cancel: '撤回转出' }[decision], params: IdParam, body: z.object({ note: z.string().max(200).optional() }).nullish() },
    }, async (req) => transfers.decideTransfer(ctx, requireActor(req), req.params.id, decision, req.body?.note));
  }
}
