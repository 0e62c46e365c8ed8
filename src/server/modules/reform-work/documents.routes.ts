import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { IdParam, Page, requireActor } from '../../http/plumbing.js';
import { DOCUMENT_TYPES, codesOf } from '../../../shared/reform-work/codes.js';
import * as svc from './documents.service.js';

const tags = ['reform-documents'];
const Fields = z.object({
  docType: z.enum(codesOf(DOCUMENT_TYPES)),
  title: z.string().max(400),
  issuerOrgId: z.number().int().positive(),
  docNo: z.string().max(60),
  issuedOn: z.string().max(20),
  effectiveOn: z.string().max(20).nullish(),
  summary: z.string().max(4000).nullish(),
  attachmentIds: z.array(z.number().int().positive()).max(20).optional(),
});

export function documentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/reform/documents', {
    schema: {
      tags, summary: '政策文件（系统内公开）',
      querystring: Page.extend({ docType: z.enum(codesOf(DOCUMENT_TYPES)).optional(), year: z.coerce.number().int().optional(), issuerOrgId: z.coerce.number().int().positive().optional(), q: z.string().max(60).optional() }),
    },
  }, async (req) => svc.listDocuments(ctx, requireActor(req), req.query));

  r.post('/api/v1/reform/documents', {
    schema: { tags, summary: '登记政策文件（文号如 密工发〔2023〕5号；其他括号自动规范并提示）', body: Fields },
  }, async (req, reply) => {
    const out = await svc.createDocument(ctx, requireActor(req), req.body);
    reply.status(201);
    return out;
  });

  r.get('/api/v1/reform/documents/:id', { schema: { tags, summary: '文件详情与附件', params: IdParam } }, async (req) => svc.getDocument(ctx, requireActor(req), req.params.id));

  r.patch('/api/v1/reform/documents/:id', { schema: { tags, summary: '修改文件（attachmentIds 为追加的附件）', params: IdParam, body: Fields.partial() } }, async (req) =>
    svc.updateDocument(ctx, requireActor(req), req.params.id, req.body));
}
