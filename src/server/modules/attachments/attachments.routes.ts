import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { Errors } from '../../http/errors.js';
import { IdParam, requireActor } from '../../http/plumbing.js';
import { MAX_ATTACHMENT_BYTES } from './file-types.js';
import { discardUpload, readAttachment, saveUpload } from './attachments.service.js';

export function attachmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/attachments', {
    schema: { tags: ['attachments'], summary: '上传附件（multipart：file；≤10MB；图片、PDF、Word、Excel），再在业务记录中引用其 id', consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (!req.isMultipart()) throw Errors.badRequest('MULTIPART_REQUIRED', '请以表单方式上传文件', 'Send multipart/form-data with a file');
    const part = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
    if (!part) throw Errors.validation([{ field: 'file', code: 'REQUIRED', message: '请选择要上传的文件', messageEn: 'No file uploaded' }]);
    const data = await part.toBuffer().catch((err: Error & { code?: string }) => {
      if (err.code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
      throw Errors.validation([{ field: 'file', code: 'FILE_TOO_LARGE', message: '文件超过 10 MB，请压缩后上传', messageEn: 'File larger than 10 MB' }]);
    });
    const view = await saveUpload(ctx, actor, { filename: part.filename, data });
    reply.status(201);
    return view;
  });

  r.get('/api/v1/attachments/:id/content', {
    schema: { tags: ['attachments'], summary: '下载附件（由所属业务判断是否可看；敏感附件每次查看记入审计）', params: IdParam },
  }, async (req, reply) => {
    const { name, mime, data } = await readAttachment(ctx, requireActor(req), req.params.id);
    const inline = mime.startsWith('image/') || mime === 'application/pdf';
    reply.header('content-type', mime);
    reply.header('cache-control', 'private, no-store');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`);
    return reply.send(data);
  });

  r.delete('/api/v1/attachments/:id', {
    schema: { tags: ['attachments'], summary: '删除尚未提交的上传', params: IdParam },
  }, async (req, reply) => {
    await discardUpload(ctx, requireActor(req), req.params.id);
    reply.status(204);
  });
}
