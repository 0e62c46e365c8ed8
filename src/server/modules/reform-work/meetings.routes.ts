import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { IdParam, Page, requireActor } from '../../http/plumbing.js';
import { MEETING_KINDS, codesOf } from '../../../shared/reform-work/codes.js';
import * as svc from './meetings.service.js';
import { decisionToTask } from './decisions.service.js';

const tags = ['reform-meetings'];
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Fields = z.object({
  kind: z.enum(codesOf(MEETING_KINDS)),
  title: z.string().max(400),
  heldOn: z.string().max(20),
  place: z.string().max(400).nullish(),
  orgId: z.number().int().positive(),
  host: z.string().max(100).nullish(),
  minutes: z.string().max(20_000).nullish(),
  attendeeOrgIds: z.array(z.number().int().positive()).max(500).optional(),
  attendeeNames: z.array(z.string().max(100)).max(500).optional(),
  decisions: z.array(z.string().max(2000)).max(100).optional(),
});

export function meetingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/reform/meetings', {
    schema: {
      tags, summary: '会议（研讨会、推进会、协调会）',
      querystring: Page.extend({ kind: z.enum(codesOf(MEETING_KINDS)).optional(), from: ymd.optional(), to: ymd.optional(), orgId: z.coerce.number().int().positive().optional(), q: z.string().max(60).optional() }),
    },
  }, async (req) => svc.listMeetings(ctx, requireActor(req), req.query));

  r.post('/api/v1/reform/meetings', { schema: { tags, summary: '登记会议及议定事项', body: Fields } }, async (req, reply) => {
    const out = await svc.createMeeting(ctx, requireActor(req), req.body);
    reply.status(201);
    return out;
  });

  r.get('/api/v1/reform/meetings/:id', { schema: { tags, summary: '会议详情', params: IdParam } }, async (req) => svc.getMeeting(ctx, requireActor(req), req.params.id));

  r.patch('/api/v1/reform/meetings/:id', { schema: { tags, summary: '修改会议（已转为任务的议定事项保留）', params: IdParam, body: Fields.partial() } }, async (req) =>
    svc.updateMeeting(ctx, requireActor(req), req.params.id, req.body));

  r.post('/api/v1/reform/meetings/:id/decisions/:decisionId/task', {
    schema: {
      tags, summary: '议定事项转为改革任务',
      params: IdParam.extend({ decisionId: z.coerce.number().int().positive() }),
      body: z.object({
        planId: z.number().int().positive(),
        title: z.string().max(400).optional(),
        category: z.string().max(40),
        leadOrgId: z.number().int().positive(),
        coOrgIds: z.array(z.number().int().positive()).max(60).optional(),
        deadline: z.string().max(20),
        description: z.string().max(4000).nullish(),
      }),
    },
  }, async (req) => decisionToTask(ctx, requireActor(req), req.params.id, req.params.decisionId, req.body));
}
