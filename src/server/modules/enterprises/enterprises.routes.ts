import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { IdParam, Page, requireActor } from '../../http/plumbing.js';
import * as svc from './enterprises.service.js';

const Fields = z.object({
  creditCode: z.string().max(30),
  name: z.string().max(120),
  ownership: z.string().max(20).nullish(),
  industryCode: z.string().max(10).nullish(),
  divisionCode: z.string().max(12).nullish(),
  employees: z.number().int().min(0).max(10_000_000).optional(),
  unionEstablished: z.boolean().optional(),
  unionSince: z.string().max(20).nullish(),
  inPark: z.boolean().optional(),
  listed: z.boolean().optional(),
  orgId: z.number().int().positive(),
  address: z.string().max(200).nullish(),
});

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export function enterpriseRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/enterprises', {
    schema: {
      tags: ['enterprises'],
      summary: '单位列表',
      querystring: Page.extend({
        q: z.string().max(100).optional(),
        orgId: z.coerce.number().int().positive().optional(),
        divisionCode: z.string().max(12).optional(),
        industry: z.string().max(10).optional(),
        minEmployees: z.coerce.number().int().min(0).optional(),
        maxEmployees: z.coerce.number().int().min(0).optional(),
        hasUnion: bool.optional(),
        inPark: bool.optional(),
      }),
    },
  }, async (req) => svc.listEnterprises(ctx, requireActor(req), { ...req.query }));

  r.post('/api/v1/enterprises', { schema: { tags: ['enterprises'], summary: '新建单位', body: Fields } }, async (req, reply) => {
    const e = await svc.createEnterprise(ctx, requireActor(req), req.body);
    reply.status(201);
    return e;
  });

  r.get('/api/v1/enterprises/:id', { schema: { tags: ['enterprises'], summary: '单位档案', params: IdParam } }, async (req) =>
    svc.getEnterprise(ctx, requireActor(req), req.params.id));

  r.patch('/api/v1/enterprises/:id', { schema: { tags: ['enterprises'], summary: '修改单位', params: IdParam, body: Fields.partial() } }, async (req) =>
    svc.updateEnterprise(ctx, requireActor(req), req.params.id, req.body));
}
