import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { require as need } from '../../access/actor.js';
import { Errors } from '../../http/errors.js';
import { IdParam, Page, requireActor, wantsEnglish } from '../../http/plumbing.js';
import { TASK_STATUSES } from '../../../shared/reform/status.js';
import * as svc from './reform-tasks.service.js';
import * as reports from './reform-reports.service.js';
import { taskFigures } from './reform-figures.service.js';
import { exportTasks, importTasks, writeImportErrors, writeTaskTemplate } from './reform-tasks.excel.js';
import * as repo from './reform-tasks.repo.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_TASK_FILE = 10 * 1024 * 1024;

function sendWorkbook(reply: FastifyReply, filename: string, write: (out: NodeJS.WritableStream) => Promise<unknown>) {
  const out = new PassThrough();
  write(out).catch((err) => out.destroy(err));
  reply.header('content-type', XLSX_TYPE);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  return reply.send(out);
}

/** The uploaded .xlsx saved to a private temp file (exceljs reads it twice for the error workbook). */
async function receiveXlsx(req: FastifyRequest, ctx: AppContext): Promise<string> {
  if (!req.isMultipart()) throw Errors.badRequest('MULTIPART_REQUIRED', '请以表单方式上传文件（file）', 'Send multipart/form-data with a file');
  const dir = path.join(ctx.config.dataDir || os.tmpdir(), 'tmp');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for await (const part of req.parts({ limits: { fileSize: MAX_TASK_FILE, files: 1 } })) {
    if (part.type !== 'file') continue;
    if (!/\.xlsx$/i.test(part.filename)) {
      part.file.resume();
      throw Errors.validation([{ field: 'file', code: 'NOT_XLSX', message: '请上传 .xlsx 格式的 Excel 文件（.xls 请先另存为 .xlsx）', messageEn: 'Upload an .xlsx workbook' }]);
    }
    const tmp = path.join(dir, `reform-tasks-${crypto.randomUUID()}.xlsx`);
    await pipeline(part.file, fs.createWriteStream(tmp, { mode: 0o600 }));
    if (part.file.truncated) {
      fs.rmSync(tmp, { force: true });
      throw Errors.validation([{ field: 'file', code: 'FILE_TOO_LARGE', message: '文件超过10MB', messageEn: 'File larger than 10 MB' }]);
    }
    return tmp;
  }
  throw Errors.validation([{ field: 'file', code: 'REQUIRED', message: '请选择要上传的文件', messageEn: 'No file uploaded' }]);
}

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const TaskFilter = z.object({
  planId: z.coerce.number().int().positive().optional(),
  status: z.enum(TASK_STATUSES as [string, ...string[]]).optional(),
  leadOrgId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  category: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  supervised: bool.optional(),
  late: bool.optional(),
});
type TaskFilterQ = z.infer<typeof TaskFilter>;
const asFilter = (q: TaskFilterQ) => q as repo.TaskFilter;

const date = z.string().max(20);
const Milestone = z.object({ id: z.number().int().positive().optional(), title: z.string().max(200), dueOn: date, doneOn: date.nullish() });
const Indicator = z.object({ id: z.number().int().positive().optional(), name: z.string().max(100), unit: z.string().max(20).optional(), target: z.number() });
const TaskFields = z.object({
  code: z.string().max(20).optional(),
  title: z.string().max(300),
  category: z.string().max(40),
  leadOrgId: z.number().int().positive(),
  coOrgIds: z.array(z.number().int().positive()).max(40).optional(),
  deadline: date,
  startOn: date.optional(),
  reportCycle: z.enum(['monthly', 'quarterly']).optional(),
  description: z.string().max(4000).nullish(),
  source: z.string().max(1000).nullish(),
  milestones: z.array(Milestone).max(50).optional(),
  indicators: z.array(Indicator).max(50).optional(),
});

export function reformTaskRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reform'];

  // ---- plans
  r.get('/api/v1/reform/plans', { schema: { tags, summary: '产改年度工作计划列表（任务数按可见范围统计）' } }, async (req) => svc.listPlans(ctx, requireActor(req)));
  r.post('/api/v1/reform/plans', {
    schema: { tags, summary: '新建年度工作计划（区总工会）', body: z.object({ year: z.number().int(), title: z.string().max(200), orgId: z.number().int().positive().optional(), status: z.enum(['draft', 'published']).optional() }) },
  }, async (req, reply) => {
    const p = await svc.createPlan(ctx, requireActor(req), req.body);
    reply.status(201);
    return p;
  });
  r.get('/api/v1/reform/plans/:id', { schema: { tags, summary: '工作计划', params: IdParam } }, async (req) => svc.getPlan(ctx, requireActor(req), req.params.id));
  r.patch('/api/v1/reform/plans/:id', {
    schema: { tags, summary: '修改工作计划（名称、发布状态）', params: IdParam, body: z.object({ title: z.string().max(200).optional(), status: z.enum(['draft', 'published']).optional() }) },
  }, async (req) => svc.updatePlan(ctx, requireActor(req), req.params.id, req.body));

  r.get('/api/v1/reform/tasks/template.xlsx', { schema: { tags, summary: '下载任务清单导入模板' } }, async (req, reply) => {
    const actor = requireActor(req);
    need(actor, 'reform.manage');
    return sendWorkbook(reply, '产改任务清单导入模板.xlsx', (out) => writeTaskTemplate(ctx, actor, out));
  });
  r.post('/api/v1/reform/plans/:id/import', {
    schema: { tags, summary: '从任务清单 .xlsx 导入任务（整表校验，有错行则全部不导入并逐行列出原因）', params: IdParam, consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = requireActor(req);
    need(actor, 'reform.manage');
    const file = await receiveXlsx(req, ctx);
    try {
      const out = await importTasks(ctx, actor, req.params.id, file);
      reply.status(201);
      return out;
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
  r.post('/api/v1/reform/plans/:id/import/errors.xlsx', {
    schema: { tags, summary: '上传同一文件，取回标出错误单元格的错误行工作簿', params: IdParam, consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = requireActor(req);
    need(actor, 'reform.manage');
    const file = await receiveXlsx(req, ctx);
    return sendWorkbook(reply, '任务清单错误行.xlsx', (out) => writeImportErrors(ctx, actor, req.params.id, file, out).finally(() => fs.rmSync(file, { force: true })));
  });

  // ---- tasks
  r.get('/api/v1/reform/units', { schema: { tags, summary: '可作为牵头/配合单位的组织（成员单位、镇街、园区、区总工会）' } }, async (req) => {
    need(requireActor(req), 'reform.read');
    const rows = await repo.units(ctx.db);
    return { items: rows.map((u) => ({ id: u.id, name: u.name, type: u.type })) };
  });
  r.get('/api/v1/reform/tasks', { schema: { tags, summary: '任务台账（服务端分页；仅含本单位牵头或配合的任务，区总工会和审计员可见全部）', querystring: Page.extend(TaskFilter.shape) } },
    async (req) => svc.listTasks(ctx, requireActor(req), { ...asFilter(req.query), page: req.query.page, pageSize: req.query.pageSize }));
  r.get('/api/v1/reform/tasks/export.xlsx', { schema: { tags, summary: '导出当前筛选的任务台账', querystring: TaskFilter } }, async (req, reply) => {
    const actor = requireActor(req);
    need(actor, 'reform.read'); // before the first byte, so a refusal is JSON
    return sendWorkbook(reply, '产改任务台账.xlsx', (out) => exportTasks(ctx, actor, asFilter(req.query), out));
  });
  r.get('/api/v1/reform/figures', { schema: { tags, summary: '任务统计：按状态、牵头单位、类别；逾期清单；督办；近期到期', querystring: z.object({ planId: z.coerce.number().int().positive().optional() }) } },
    async (req) => taskFigures(ctx, requireActor(req), req.query.planId, wantsEnglish(req)));
  r.post('/api/v1/reform/tasks', { schema: { tags, summary: '新建任务（区总工会）', body: TaskFields.extend({ planId: z.number().int().positive() }) } }, async (req, reply) => {
    const t = await svc.createTask(ctx, requireActor(req), req.body);
    reply.status(201);
    return t;
  });
  r.get('/api/v1/reform/tasks/:id', { schema: { tags, summary: '任务详情（节点、指标、各单位报送、督办）', params: IdParam } },
    async (req) => svc.getTask(ctx, requireActor(req), req.params.id, wantsEnglish(req)));
  r.patch('/api/v1/reform/tasks/:id', { schema: { tags, summary: '修改任务、调整牵头/配合单位、节点和指标（区总工会）', params: IdParam, body: TaskFields.partial() } },
    async (req) => svc.updateTask(ctx, requireActor(req), req.params.id, req.body));
  r.post('/api/v1/reform/tasks/:id/complete', {
    schema: { tags, summary: '标记任务完成或撤销完成标记（区总工会）', params: IdParam, body: z.object({ completed: z.boolean(), note: z.string().max(500).optional() }) },
  }, async (req) => svc.markCompleted(ctx, requireActor(req), req.params.id, req.body.completed, req.body.note));

  // ---- reports
  r.post('/api/v1/reform/tasks/:id/reports', {
    schema: {
      tags, summary: '报送进展（牵头单位为正式报送；同一报送期再次报送即修改）', params: IdParam,
      body: z.object({
        periodKey: z.string().max(10), content: z.string().max(5000), percent: z.number(),
        indicatorValues: z.array(z.object({ indicatorId: z.number().int().positive(), value: z.number() })).max(50).optional(),
        milestonesDone: z.array(z.number().int().positive()).max(50).optional(),
        attachmentIds: z.array(z.number().int().positive()).max(20).optional(),
      }),
    },
  }, async (req, reply) => {
    const out = await reports.submitReport(ctx, requireActor(req), req.params.id, req.body);
    reply.status(201);
    return out;
  });

  // ---- supervision
  r.get('/api/v1/reform/supervisions', {
    schema: { tags, summary: '督办通知（awaiting 待回复 / reply_overdue 逾期未回复 / replied 已回复 / closed 已办结）', querystring: Page.extend({ state: z.enum(['awaiting', 'reply_overdue', 'replied', 'closed']).optional(), planId: z.coerce.number().int().positive().optional() }) },
  }, async (req) => reports.listSupervisions(ctx, requireActor(req), req.query));
  r.post('/api/v1/reform/tasks/:id/supervisions', {
    schema: { tags, summary: '对逾期或有风险的任务发起督办（区总工会）', params: IdParam, body: z.object({ reason: z.string().max(2000), replyDue: date }) },
  }, async (req, reply) => {
    const out = await reports.issueSupervision(ctx, requireActor(req), req.params.id, req.body);
    reply.status(201);
    return out;
  });
  r.post('/api/v1/reform/supervisions/:id/reply', {
    schema: { tags, summary: '牵头单位回复督办', params: IdParam, body: z.object({ text: z.string().max(5000), attachmentIds: z.array(z.number().int().positive()).max(20).optional() }) },
  }, async (req) => reports.replySupervision(ctx, requireActor(req), req.params.id, req.body));
  r.post('/api/v1/reform/supervisions/:id/close', {
    schema: { tags, summary: '督办办结（区总工会）', params: IdParam, body: z.object({ note: z.string().max(1000).optional() }).nullish() },
  }, async (req) => reports.closeSupervision(ctx, requireActor(req), req.params.id, req.body ?? {}));
}
