import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { Errors } from '../../http/errors.js';
import { IdParam, Page, requireActor } from '../../http/plumbing.js';
import type { ImportQueue } from './import-queue.js';
import * as svc from './imports.service.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendWorkbook(reply: import('fastify').FastifyReply, filename: string, write: (out: NodeJS.WritableStream) => Promise<unknown>) {
  const out = new PassThrough();
  write(out).catch((err) => out.destroy(err));
  reply.header('content-type', XLSX_TYPE);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  return reply.send(out);
}

export function importRoutes(app: FastifyInstance, ctx: AppContext, queue: ImportQueue) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/imports/members/template.xlsx', { schema: { tags: ['imports'], summary: '下载会员花名册导入模板' } }, async (req, reply) => {
    requireActor(req);
    return sendWorkbook(reply, '工会会员花名册导入模板.xlsx', (out) => svc.writeTemplate(out));
  });

  r.post('/api/v1/imports/members', {
    schema: { tags: ['imports'], summary: '上传会员花名册（multipart：file, orgId），后台导入', consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (!req.isMultipart()) throw Errors.badRequest('MULTIPART_REQUIRED', '请以表单方式上传文件（file 与 orgId）', 'Send multipart/form-data with file and orgId');
    let orgId: number | undefined;
    let upload: { tmpPath: string; filename: string } | undefined;
    try {
      for await (const part of req.parts({ limits: { fileSize: svc.MAX_UPLOAD_BYTES, files: 1 } })) {
        if (part.type === 'file') {
          if (!/\.xlsx$/i.test(part.filename)) {
            part.file.resume();
            throw Errors.validation([{ field: 'file', code: 'NOT_XLSX', message: '请上传 .xlsx 格式的 Excel 文件（.xls 请先另存为 .xlsx）', messageEn: 'Upload an .xlsx workbook' }]);
          }
          const tmpPath = path.join(svc.importDir(ctx), `upload-${crypto.randomUUID()}.xlsx`);
          await pipeline(part.file, fs.createWriteStream(tmpPath, { mode: 0o600 }));
          if (part.file.truncated) {
            fs.rmSync(tmpPath, { force: true });
            throw Errors.validation([{ field: 'file', code: 'FILE_TOO_LARGE', message: '文件超过300MB，请拆分后上传', messageEn: 'File larger than 300 MB' }]);
          }
          upload = { tmpPath, filename: part.filename };
        } else if (part.fieldname === 'orgId') {
          orgId = Number(part.value);
        }
      }
      if (!upload) throw Errors.validation([{ field: 'file', code: 'REQUIRED', message: '请选择要上传的文件', messageEn: 'No file uploaded' }]);
      if (!orgId || !Number.isInteger(orgId)) throw Errors.validation([{ field: 'orgId', code: 'REQUIRED', message: '请选择导入到哪个工会', messageEn: 'orgId is required' }]);
      const { id, file } = await svc.createMemberImport(ctx, actor, orgId, upload);
      upload = undefined;
      queue.enqueue(actor, id, file);
      reply.status(202);
      return { id };
    } finally {
      if (upload) fs.rmSync(upload.tmpPath, { force: true });
    }
  });

  r.get('/api/v1/imports', { schema: { tags: ['imports'], summary: '导入记录', querystring: Page } }, async (req) => svc.listImports(ctx, requireActor(req), req.query));

  r.get('/api/v1/imports/:id', { schema: { tags: ['imports'], summary: '导入进度与结果（errors 为前200条）', params: IdParam } }, async (req) =>
    svc.getImport(ctx, requireActor(req), req.params.id));

  r.get('/api/v1/imports/:id/errors.xlsx', { schema: { tags: ['imports'], summary: '下载错误行工作簿（改正后可直接重新上传）', params: IdParam } }, async (req, reply) => {
    const actor = requireActor(req);
    await svc.getImport(ctx, actor, req.params.id, 0);
    return sendWorkbook(reply, `导入错误-${req.params.id}.xlsx`, (out) => svc.writeImportErrors(ctx, actor, req.params.id, out));
  });
}
