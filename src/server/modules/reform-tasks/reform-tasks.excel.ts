/**
 * The task list as a spreadsheet: template, import (all or nothing), rejected-rows workbook,
 * and the export of the filtered task board.
 *
 * Import is all-or-nothing: a plan's task list is one numbered set that units and meetings
 * refer to by code, so half a list would leave gaps and invite double imports; the list is
 * short (≈80 rows), so fixing the marked rows and uploading again costs little. Every bad
 * row is reported by row number and column with the reason.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { inTransaction, type AppContext } from '../../context.js';
import { require as need, type Actor } from '../../access/actor.js';
import { AppError, Errors, type ErrorDetail } from '../../http/errors.js';
import { readRoster, RosterFormatError, type ColumnSpec } from '../../excel/roster-reader.js';
import { writeErrorWorkbook, type ErrorRow } from '../../excel/error-workbook.js';
import { writeSheet } from '../../excel/xlsx-writer.js';
import { findCodeByNameOrCode } from '../../../shared/codes/table.js';
import { TASK_CATEGORIES, categoryName } from '../../../shared/reform/categories.js';
import { STATUS_NAMES } from '../../../shared/reform/status.js';
import { REASON_NAMES, type StatusReason } from '../../../shared/reform/status.js';
import { audit } from '../audit/audit.service.js';
import * as repo from './reform-tasks.repo.js';
import { checkTask, createTaskInTx, refreshDueStatuses, type TaskInput } from './reform-tasks.service.js';

export const TASK_COLUMNS: ColumnSpec[] = [
  { key: 'code', label: '任务编号', aliases: ['编号', '序号', '任务序号'] },
  { key: 'title', label: '任务名称', aliases: ['任务', '任务内容', '工作任务'] },
  { key: 'category', label: '类别', aliases: ['任务类别', '分类'] },
  { key: 'lead', label: '牵头单位', aliases: ['责任单位', '主责单位'] },
  { key: 'co', label: '配合单位', aliases: ['协同单位', '参与单位'] },
  { key: 'deadline', label: '完成时限', aliases: ['完成时间', '截止日期', '时限'], kind: 'date', allowYearMonth: false },
  { key: 'description', label: '任务描述', aliases: ['具体措施', '工作措施', '描述'] },
  { key: 'source', label: '任务来源', aliases: ['来源', '依据'] },
  { key: 'indicator', label: '指标名称', aliases: ['指标'] },
  { key: 'target', label: '目标值', aliases: ['指标目标值', '目标'] },
  { key: 'unit', label: '单位', aliases: ['计量单位', '指标单位'] },
];

// ---------------------------------------------------------------- unit names

/** '北京市密云区人力资源社会保障局' and '人力资源社会保障局' both find 区人力资源社会保障局; '鼓楼街道' finds 鼓楼街道总工会. */
function unitKey(name: string): string {
  return name.replace(/\s+/g, '').replace(/^(北京市)?(密云区|密云)/, '').replace(/^区/, '').replace(/(总工会|工会)$/, '');
}

export async function unitMatcher(ctx: AppContext) {
  const units = await repo.units(ctx.db);
  const index = new Map<string, Set<number>>();
  const add = (k: string, id: number) => {
    if (!k) return;
    const s = index.get(k) ?? new Set<number>();
    s.add(id);
    index.set(k, s);
  };
  for (const u of units) {
    add(unitKey(u.name), u.id);
    if (u.short_name) add(unitKey(u.short_name), u.id);
  }
  return (name: string): { id?: number; problem?: 'unknown' | 'ambiguous' } => {
    const hits = index.get(unitKey(name));
    if (!hits) return { problem: 'unknown' };
    if (hits.size > 1) return { problem: 'ambiguous' };
    return { id: [...hits][0] };
  };
}

// ---------------------------------------------------------------- template

export async function writeTaskTemplate(ctx: AppContext, actor: Actor, out: NodeJS.WritableStream) {
  need(actor, 'reform.manage');
  const units = await repo.units(ctx.db);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = TASK_COLUMNS.map((c) => ({ header: c.label, key: c.key, width: c.key === 'title' || c.key === 'description' ? 36 : 16, style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  const bureau = units.find((u) => u.type === 'member_unit')?.name ?? '区人力资源社会保障局';
  const town = units.find((u) => u.type === 'town')?.name ?? '鼓楼街道总工会';
  ws.addRow({ code: '2026-01', title: '（示例，导入前请删除）开展新时代产业工人技能提升培训', category: '技能素质提升', lead: bureau, co: town, deadline: '2026-12-31', description: '全年组织技能培训', source: '2026年产改工作要点', indicator: '培训人次', target: '3000', unit: '人次' });
  ws.addRow({ code: '2026-01', indicator: '取证人数', target: '800', unit: '人' });
  const guide = wb.addWorksheet('填写说明');
  guide.columns = [{ width: 16 }, { width: 80 }];
  [
    ['任务编号', '本计划内唯一，如 2026-01；留空则自动编号。同一编号再起一行、任务名称留空，可为该任务再加一个指标。'],
    ['任务名称', '必填，不超过200字。'],
    ['类别', `必填，取值：${TASK_CATEGORIES.map((c) => c.name).join('、')}。`],
    ['牵头单位', '必填，填写成员单位、镇街或园区的名称（见“单位名称”表）。'],
    ['配合单位', '可填多个，用顿号“、”或逗号分隔。'],
    ['完成时限', '必填，日期，如 2026-12-31。'],
    ['指标名称/目标值/单位', '可选；填写指标名称时目标值必填，且为数字。'],
    ['导入规则', '整表校验：有任何一行出错，整表都不导入，并列出每个出错的行和列。'],
  ].forEach((r) => guide.addRow(r));
  const names = wb.addWorksheet('单位名称');
  names.columns = [{ header: '单位名称', width: 36 }, { header: '类型', width: 12 }];
  const typeName: Record<string, string> = { member_unit: '成员单位', town: '镇街', park: '园区', district: '区总工会' };
  for (const u of units) names.addRow([u.name, typeName[u.type] ?? u.type]);
  await wb.xlsx.write(out as unknown as import('node:stream').Stream);
  out.end();
}

// ---------------------------------------------------------------- import

interface ParsedTask { rows: number[]; input: TaskInput; cellsByRow: Map<number, Record<string, unknown>> }

const label = (key: string) => TASK_COLUMNS.find((c) => c.key === key)?.label ?? key;
const FIELD_COLUMN: Record<string, string> = { title: 'title', code: 'code', category: 'category', leadOrgId: 'lead', coOrgIds: 'co', deadline: 'deadline', description: 'description', source: 'source', indicators: 'indicator' };

/** Read and check the whole file; returns the tasks and every problem by row and column. */
async function parseTaskFile(ctx: AppContext, planId: number, file: string) {
  const plan = await repo.findPlan(ctx.db, planId);
  if (!plan) throw Errors.notFound('工作计划', 'Plan');
  const match = await unitMatcher(ctx);
  const existing = new Set((await ctx.db.selectFrom('reform_tasks').select('code').where('plan_id', '=', planId).execute()).map((r) => r.code));
  const problems: ErrorDetail[] = [];
  const raw = new Map<number, Record<string, unknown>>();
  const tasks: ParsedTask[] = [];
  const byCode = new Map<string, ParsedTask>();
  const push = (row: number, key: string, code: string, message: string, messageEn: string) => problems.push({ row, column: label(key), field: key, code, message, messageEn });

  try {
    for await (const ev of readRoster(file, TASK_COLUMNS)) {
      if (ev.type === 'header') {
        if (!ev.row) throw Errors.validation([{ field: 'file', code: 'NO_HEADER', message: '没有找到表头行：请使用任务清单模板（需含“任务名称”“牵头单位”等列）', messageEn: 'No header row found; use the task-list template' }]);
        const missing = ['title', 'category', 'lead', 'deadline'].filter((k) => ev.mapping[k] === undefined);
        if (missing.length) throw Errors.validation(missing.map((k) => ({ field: 'file', column: label(k), code: 'MISSING_COLUMN', message: `缺少“${label(k)}”列`, messageEn: `Column ${label(k)} is missing` })));
        continue;
      }
      const v = ev.values;
      raw.set(ev.row, ev.raw);
      for (const i of ev.issues) push(ev.row, i.key, i.code, i.message, i.messageEn);
      const code = v.code?.trim() || undefined;
      const indicator = v.indicator?.trim();
      const targetText = v.target?.trim();
      const target = targetText ? Number(targetText.replace(/,/g, '')) : undefined;
      if (indicator && targetText === undefined) push(ev.row, 'target', 'REQUIRED', '填写了指标名称，目标值必填', 'Target is required with an indicator');
      if (targetText && !Number.isFinite(target)) push(ev.row, 'target', 'NUMBER', '目标值应为数字', 'Target must be a number');
      if (targetText && !indicator) push(ev.row, 'indicator', 'REQUIRED', '填写了目标值，指标名称必填', 'Indicator name is required with a target');
      const ind = indicator && Number.isFinite(target) ? { name: indicator, unit: v.unit?.trim() ?? '', target: target! } : undefined;

      // A row repeating an earlier code without a title adds an indicator to that task.
      if (!v.title?.trim() && code && byCode.has(code)) {
        const t = byCode.get(code)!;
        t.rows.push(ev.row);
        if (ind) t.input.indicators!.push(ind);
        else if (!indicator) push(ev.row, 'indicator', 'REQUIRED', '续行只能用于补充指标，请填写指标名称和目标值', 'A continuation row adds an indicator: name and target required');
        continue;
      }
      if (code && byCode.has(code)) push(ev.row, 'code', 'DUPLICATE_IN_FILE', `任务编号 ${code} 在表中重复（第${byCode.get(code)!.rows[0]}行）`, `Code ${code} repeats row ${byCode.get(code)!.rows[0]}`);
      else if (code && existing.has(code)) push(ev.row, 'code', 'CODE_TAKEN', `任务编号 ${code} 在本计划中已存在（重复导入？）`, `Code ${code} already exists in this plan`);

      const cat = v.category ? findCodeByNameOrCode(TASK_CATEGORIES, v.category) : undefined;
      if (v.category && !cat) push(ev.row, 'category', 'UNKNOWN_CATEGORY', `类别“${v.category}”不在代码表中（${TASK_CATEGORIES.map((c) => c.name).join('、')}）`, `Unknown category ${v.category}`);
      let leadOrgId: number | undefined;
      if (v.lead) {
        const m = match(v.lead);
        if (m.id) leadOrgId = m.id;
        else push(ev.row, 'lead', m.problem === 'ambiguous' ? 'AMBIGUOUS_UNIT' : 'UNKNOWN_UNIT', m.problem === 'ambiguous' ? `“${v.lead}”对应多个单位，请写全称` : `找不到单位“${v.lead}”（见模板“单位名称”表）`, `Unit ${v.lead} ${m.problem === 'ambiguous' ? 'is ambiguous' : 'not found'}`);
      }
      const coOrgIds: number[] = [];
      for (const name of (v.co ?? '').split(/[、,，;；/\n]+/).map((s) => s.trim()).filter(Boolean)) {
        const m = match(name);
        if (m.id) coOrgIds.push(m.id);
        else push(ev.row, 'co', m.problem === 'ambiguous' ? 'AMBIGUOUS_UNIT' : 'UNKNOWN_UNIT', m.problem === 'ambiguous' ? `配合单位“${name}”对应多个单位，请写全称` : `找不到配合单位“${name}”`, `Co-unit ${name} ${m.problem === 'ambiguous' ? 'is ambiguous' : 'not found'}`);
      }
      const input: TaskInput = {
        planId, code, title: v.title ?? '', category: cat?.code ?? (v.category ? 'unknown' : ''), leadOrgId: leadOrgId ?? 0,
        coOrgIds: [...new Set(coOrgIds.filter((id) => id !== leadOrgId))], deadline: v.deadline ?? '',
        description: v.description, source: v.source, indicators: ind ? [ind] : [],
      };
      const t: ParsedTask = { rows: [ev.row], input, cellsByRow: raw };
      tasks.push(t);
      if (code) byCode.set(code, t);
      // The API's own checks, for what the sheet-level checks above have not already said.
      const reported = new Set(problems.filter((p) => p.row === ev.row).map((p) => p.field));
      for (const d of await checkTask(ctx.db, { ...input, category: cat ? cat.code : v.category ? 'skip' : '', leadOrgId: leadOrgId ?? (v.lead ? -1 : 0), coOrgIds: [] }, true, plan)) {
        const key = FIELD_COLUMN[d.field?.split('.')[0] ?? ''] ?? 'title';
        if (reported.has(key) || (d.field === 'category' && !!v.category) || (d.field === 'leadOrgId' && !!v.lead)) continue;
        push(ev.row, key, d.code, d.message, d.messageEn ?? d.message);
      }
    }
  } catch (err) {
    if (err instanceof RosterFormatError) throw Errors.validation([{ field: 'file', code: err.code, message: err.messageZh, messageEn: 'Upload an .xlsx workbook' }]);
    throw err;
  }
  if (!tasks.length && !problems.length) throw Errors.validation([{ field: 'file', code: 'EMPTY', message: '表中没有任务行', messageEn: 'The sheet has no task rows' }]);
  // Rows without a code are numbered after every code already in the plan or in the file, so an
  // automatic number never collides with a code given further down.
  const pattern = new RegExp(`^${plan.year}-(\\d+)$`);
  let next = Math.max(0, ...[...existing, ...byCode.keys()].map((c) => Number(pattern.exec(c)?.[1] ?? 0))) + 1;
  for (const t of tasks) if (!t.input.code) t.input.code = `${plan.year}-${String(next++).padStart(2, '0')}`;
  return { tasks, problems, raw };
}

export async function importTasks(ctx: AppContext, actor: Actor, planId: number, file: string) {
  need(actor, 'reform.manage');
  const { tasks, problems } = await parseTaskFile(ctx, planId, file);
  if (problems.length) {
    const rows = new Set(problems.map((p) => p.row)).size;
    throw new AppError(400, 'IMPORT_ROWS_INVALID', `有${rows}行数据有误，整表未导入；请按提示修改后重新上传`, `${rows} rows have errors; nothing was imported`, problems.sort((a, b) => a.row! - b.row!));
  }
  const ids = await inTransaction(ctx, async (tx) => {
    const out: number[] = [];
    for (const t of tasks) out.push((await createTaskInTx(tx, actor, t.input)).id);
    await audit(tx, actor, { action: 'reform.task.import', entity: 'reform_plan', entityId: planId, detail: { tasks: out.length } });
    return out;
  });
  return { created: ids.length, ids };
}

/** The rejected rows of a file as a workbook, each bad cell marked with its reason. */
export async function writeImportErrors(ctx: AppContext, actor: Actor, planId: number, file: string, out: NodeJS.WritableStream) {
  need(actor, 'reform.manage');
  const { problems, raw } = await parseTaskFile(ctx, planId, file);
  const byRow = new Map<number, ErrorDetail[]>();
  for (const p of problems) byRow.set(p.row!, [...(byRow.get(p.row!) ?? []), p]);
  async function* rows(): AsyncGenerator<ErrorRow> {
    for (const [row, list] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
      yield { row, values: raw.get(row) ?? {}, errors: list.map((p) => ({ column: p.field ?? '', message: p.message })) };
    }
  }
  await writeErrorWorkbook(out, TASK_COLUMNS, rows());
}

// ---------------------------------------------------------------- export

const EXPORT_HEADERS = [
  { key: 'code', label: '任务编号' }, { key: 'title', label: '任务名称', width: 40 }, { key: 'category', label: '类别' },
  { key: 'lead', label: '牵头单位', width: 24 }, { key: 'co', label: '配合单位', width: 30 }, { key: 'startOn', label: '开始日期', width: 12 },
  { key: 'deadline', label: '完成时限', width: 12 }, { key: 'status', label: '状态' }, { key: 'reasons', label: '风险原因', width: 30 },
  { key: 'late', label: '逾期完成' }, { key: 'percent', label: '完成进度(%)', kind: 'number' as const }, { key: 'lastReport', label: '最近正式报送', width: 12 },
  { key: 'reports', label: '报送次数', kind: 'number' as const }, { key: 'supervisions', label: '未办结督办', kind: 'number' as const }, { key: 'source', label: '任务来源', width: 24 },
];

export async function exportTasks(ctx: AppContext, actor: Actor, filter: repo.TaskFilter, out: NodeJS.WritableStream) {
  need(actor, 'reform.read');
  await refreshDueStatuses(ctx);
  async function* rows() {
    for await (const batch of repo.iterateTasks(ctx.db, actor, filter)) {
      for (const t of batch) {
        yield {
          code: t.code, title: t.title, category: categoryName(t.category), lead: t.lead_org_name, co: t.co_org_names.join('、'), startOn: t.start_on,
          deadline: t.deadline, status: STATUS_NAMES[t.status].zh, reasons: t.status_reasons.map((r) => REASON_NAMES[r as StatusReason]?.zh ?? r).join('；'),
          late: t.status_late ? '是' : '', percent: t.official_percent, lastReport: t.last_official_report_on, reports: t.report_count,
          supervisions: t.open_supervisions, source: t.source,
        };
      }
    }
  }
  // The download ends only after the audit entry is committed.
  const sink = new PassThrough();
  sink.pipe(out as NodeJS.WritableStream, { end: false });
  const count = await writeSheet(sink, '产改任务台账', EXPORT_HEADERS, rows());
  if (!sink.readableEnded) await new Promise((resolve) => sink.once('end', resolve));
  await inTransaction(ctx, (tx) => audit(tx, actor, { action: 'reform.task.export', entity: 'reform_task', orgId: actor.orgId, detail: { filter, rows: count } }));
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
}
