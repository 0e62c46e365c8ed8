import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import type { Kdb } from '../../db/connection.js';
import { require as need, type Actor } from '../../access/actor.js';
import { Errors, assertValid } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { linkAttachments, listAttachments, registerAttachmentOwner } from '../attachments/attachments.service.js';
import { scopePrefix } from '../../access/scope.js';
import { todayInShanghai } from '../../../shared/dates.js';
import { basisPoints, formatFen } from '../../../shared/money.js';
import { requireWholeDistrict } from './access.js';
import { Checks, iso } from './common.js';

export const VOUCHER_OWNER = 'budget_spending';

// Vouchers (发票、凭证) are the district's finance records: the same readers as the budget itself.
registerAttachmentOwner(VOUCHER_OWNER, {
  canRead: async (ctx, actor, ownerId) =>
    actor.permissions.has('reform.read') && scopePrefix(actor) === null &&
    !!(await ctx.db.selectFrom('budget_spendings').select('id').where('id', '=', ownerId).executeTakeFirst()),
});

const spentSql = sql<number>`coalesce((select sum(s.amount_fen) from budget_spendings s where s.line_id = l.id and s.voided_at is null), 0)::bigint`;

function lineRows(db: Kdb) {
  return db.selectFrom('budget_lines as l').selectAll('l').select([spentSql.as('spent_fen'),
    sql<number>`(select count(*)::int from budget_spendings s where s.line_id = l.id and s.voided_at is null)`.as('spendings')]);
}
type LineRow = Awaited<ReturnType<ReturnType<typeof lineRows>['executeTakeFirstOrThrow']>>;

/** Execution is exact in fen: spent and remaining are integers; the rate is in basis points. */
function presentLine(l: LineRow) {
  const spent = Number(l.spent_fen);
  return {
    id: l.id, year: l.year, name: l.name, note: l.note,
    amountFen: l.amount_fen, spentFen: spent, remainingFen: l.amount_fen - spent, spendings: l.spendings,
    executionBp: basisPoints(spent, l.amount_fen),
    amount: formatFen(l.amount_fen), spent: formatFen(spent), remaining: formatFen(l.amount_fen - spent),
  };
}

export async function listLines(ctx: AppContext, actor: Actor, q: { year?: number }) {
  requireWholeDistrict(actor);
  let b = lineRows(ctx.db);
  if (q.year) b = b.where('l.year', '=', q.year);
  const items = (await b.orderBy('l.year', 'desc').orderBy('l.id').execute()).map(presentLine);
  const sum = (k: 'amountFen' | 'spentFen') => items.reduce((s, i) => s + i[k], 0);
  const totals = { amountFen: sum('amountFen'), spentFen: sum('spentFen'), remainingFen: sum('amountFen') - sum('spentFen'), executionBp: basisPoints(sum('spentFen'), sum('amountFen')) };
  return { items, total: items.length, totals };
}

export async function getLine(ctx: AppContext, actor: Actor, id: number) {
  requireWholeDistrict(actor);
  const l = await lineRows(ctx.db).where('l.id', '=', id).executeTakeFirst();
  if (!l) throw Errors.notFound('预算项目', 'Budget line');
  return presentLine(l);
}

export interface LineInput {
  year?: number;
  name?: string;
  amountYuan?: string;
  note?: string | null;
}

function checkLine(input: LineInput, creating: boolean) {
  const c = new Checks();
  const name = c.text('name', input.name, { label: ['预算项目名称', 'Name'], required: creating, max: 100 });
  const amountFen = creating || input.amountYuan !== undefined ? c.yuan('amountYuan', input.amountYuan, ['预算金额', 'Budget']) : null;
  if (input.year !== undefined && (input.year < 2000 || input.year > Number(todayInShanghai().slice(0, 4)) + 1)) {
    c.add('year', 'YEAR_RANGE', '年度应在2000年至明年之间', 'Year must be between 2000 and next year');
  }
  assertValid(c.details);
  return { name, amountFen };
}

const lineTaken = () => Errors.conflict('BUDGET_LINE_EXISTS', '该年度已有同名预算项目', 'A budget line of that name exists for the year', [
  { field: 'name', code: 'BUDGET_LINE_EXISTS', message: '同年度项目名称重复', messageEn: 'Duplicate name in the year' },
]);

export async function createLine(ctx: AppContext, actor: Actor, input: LineInput & { year: number }) {
  need(actor, 'reform.manage');
  const v = checkLine(input, true);
  const id = await inTransaction(ctx, async (tx) => {
    if (await tx.selectFrom('budget_lines').select('id').where('year', '=', input.year).where('name', '=', v.name!).executeTakeFirst()) throw lineTaken();
    const row = await tx.insertInto('budget_lines').values({ year: input.year, name: v.name!, amount_fen: v.amountFen!, note: input.note?.trim() || null }).returning('id').executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'reform.budget.line.create', entity: 'budget_line', entityId: row.id, after: { year: input.year, name: v.name, amountFen: v.amountFen } });
    return row.id;
  });
  return getLine(ctx, actor, id);
}

export async function updateLine(ctx: AppContext, actor: Actor, id: number, input: LineInput) {
  need(actor, 'reform.manage');
  const v = checkLine(input, false);
  await inTransaction(ctx, async (tx) => {
    const before = await lineRows(tx).where('l.id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw Errors.notFound('预算项目', 'Budget line');
    const name = v.name ?? before.name;
    const year = input.year ?? before.year;
    if ((name !== before.name || year !== before.year) && await tx.selectFrom('budget_lines').select('id').where('year', '=', year).where('name', '=', name).where('id', '<>', id).executeTakeFirst()) throw lineTaken();
    const amount = v.amountFen ?? before.amount_fen;
    // Cutting a line below what was already spent would make the record say money was overspent that wasn't.
    if (amount < Number(before.spent_fen)) {
      throw Errors.validation([{ field: 'amountYuan', code: 'BUDGET_BELOW_SPENT', message: `预算金额不能低于已支出的 ${formatFen(Number(before.spent_fen))} 元`, messageEn: `The budget cannot go below the ${formatFen(Number(before.spent_fen))} yuan already spent` }]);
    }
    if (year !== before.year && Number(before.spendings) > 0) {
      throw Errors.validation([{ field: 'year', code: 'LINE_HAS_SPENDING', message: '已有支出的预算项目不能改年度', messageEn: 'A line with spending cannot change year' }]);
    }
    await tx.updateTable('budget_lines').set({ name, year, amount_fen: amount, note: input.note === undefined ? before.note : input.note?.trim() || null, updated_at: new Date() }).where('id', '=', id).execute();
    await audit(tx, actor, { action: 'reform.budget.line.update', entity: 'budget_line', entityId: id, before: presentLine(before), after: { name, year, amountFen: amount, note: input.note } });
  });
  return getLine(ctx, actor, id);
}

export interface SpendingInput {
  spentOn?: string;
  amountYuan?: string;
  payee?: string;
  purpose?: string;
  activityId?: number | null;
  taskId?: number | null;
  /** spend beyond what is left of the line: needs the flag and a reason, both recorded and audited */
  overBudget?: boolean;
  overReason?: string | null;
  voucherIds?: number[];
}

function presentSpending(s: { id: number; line_id: number; spent_on: string; amount_fen: number; payee: string; purpose: string; activity_id: number | null; activity_title?: string | null; task_id: number | null; task_title?: string | null; over_budget: boolean; over_reason: string | null; voided_at: Date | null; void_reason: string | null; created_at: Date }) {
  return {
    id: s.id, lineId: s.line_id, spentOn: s.spent_on, amountFen: s.amount_fen, amount: formatFen(s.amount_fen), payee: s.payee, purpose: s.purpose,
    activityId: s.activity_id, activityTitle: s.activity_title ?? null, taskId: s.task_id, taskTitle: s.task_title ?? null,
    overBudget: s.over_budget, overReason: s.over_reason, voidedAt: iso(s.voided_at), voidReason: s.void_reason, createdAt: iso(s.created_at),
  };
}

export async function listSpendings(ctx: AppContext, actor: Actor, lineId: number, q: { includeVoided?: boolean; page: number; pageSize: number }) {
  requireWholeDistrict(actor);
  await getLine(ctx, actor, lineId);
  let b = ctx.db.selectFrom('budget_spendings as s').where('s.line_id', '=', lineId);
  if (!q.includeVoided) b = b.where('s.voided_at', 'is', null);
  const [items, total] = await Promise.all([
    b.leftJoin('activities as a', 'a.id', 's.activity_id').leftJoin('reform_tasks as t', 't.id', 's.task_id')
      .selectAll('s').select(['a.title as activity_title', 't.title as task_title'])
      .orderBy('s.spent_on', 'desc').orderBy('s.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    b.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map(presentSpending), total: total.n };
}

export async function getSpending(ctx: AppContext, actor: Actor, id: number) {
  requireWholeDistrict(actor);
  const s = await ctx.db.selectFrom('budget_spendings as s').leftJoin('activities as a', 'a.id', 's.activity_id').leftJoin('reform_tasks as t', 't.id', 's.task_id')
    .selectAll('s').select(['a.title as activity_title', 't.title as task_title']).where('s.id', '=', id).executeTakeFirst();
  if (!s) throw Errors.notFound('支出记录', 'Spending');
  return { ...presentSpending(s), vouchers: await listAttachments(ctx.db, { type: VOUCHER_OWNER, id }) };
}

/**
 * Record a spending. The line row is locked first, so two clerks spending the last of a line at
 * once cannot both pass the remaining-budget check. Beyond the remaining budget the spending is
 * refused unless overBudget is set with a reason.
 */
export async function addSpending(ctx: AppContext, actor: Actor, lineId: number, input: SpendingInput) {
  need(actor, 'reform.manage');
  const id = await inTransaction(ctx, async (tx) => {
    const line = await tx.selectFrom('budget_lines').selectAll().where('id', '=', lineId).forUpdate().executeTakeFirst();
    if (!line) throw Errors.notFound('预算项目', 'Budget line');
    const c = new Checks();
    const spentOn = c.date('spentOn', input.spentOn, { label: ['支出日期', 'Date'], required: true });
    if (spentOn && Number(spentOn.slice(0, 4)) !== line.year) c.add('spentOn', 'YEAR_MISMATCH', `支出日期应在预算年度${line.year}年内`, `The date must fall in the budget year ${line.year}`);
    if (spentOn && spentOn > todayInShanghai()) c.add('spentOn', 'DATE_FUTURE', '支出日期不能晚于今天', 'The date cannot be in the future');
    const amount = c.yuan('amountYuan', input.amountYuan, ['支出金额', 'Amount']);
    const payee = c.text('payee', input.payee, { label: ['收款方', 'Payee'], required: true, max: 100 });
    const purpose = c.text('purpose', input.purpose, { label: ['用途', 'Purpose'], required: true, max: 300 });
    const overReason = c.text('overReason', input.overReason, { label: ['超预算说明', 'Over-budget reason'], max: 300 });
    if (input.activityId && !(await tx.selectFrom('activities').select('id').where('id', '=', input.activityId).executeTakeFirst())) c.add('activityId', 'ACTIVITY_NOT_FOUND', '关联的活动不存在', 'Linked activity not found');
    if (input.taskId && !(await tx.selectFrom('reform_tasks').select('id').where('id', '=', input.taskId).executeTakeFirst())) c.add('taskId', 'TASK_NOT_FOUND', '关联的改革任务不存在', 'Linked reform task not found');
    assertValid(c.details);
    const { spent } = await tx.selectFrom('budget_spendings').select(sql<number>`coalesce(sum(amount_fen), 0)::bigint`.as('spent')).where('line_id', '=', lineId).where('voided_at', 'is', null).executeTakeFirstOrThrow();
    const remaining = line.amount_fen - Number(spent);
    const over = amount! > remaining;
    if (over && !(input.overBudget && overReason)) {
      throw Errors.conflict('OVER_BUDGET', `支出 ${formatFen(amount!)} 元超过该项目剩余预算 ${formatFen(remaining)} 元；如确需超支，请勾选“超预算支出”并说明原因`,
        `The amount ${formatFen(amount!)} exceeds the remaining ${formatFen(remaining)} yuan; tick over-budget and give a reason to proceed`, [
          { field: 'amountYuan', code: 'OVER_BUDGET', message: `剩余预算 ${formatFen(remaining)} 元`, messageEn: `Remaining ${formatFen(remaining)} yuan` },
          ...(input.overBudget ? [{ field: 'overReason', code: 'REQUIRED', message: '请填写超预算说明', messageEn: 'Give the over-budget reason' }] : []),
        ]);
    }
    const row = await tx.insertInto('budget_spendings').values({
      line_id: lineId, spent_on: spentOn!, amount_fen: amount!, payee: payee!, purpose: purpose!, activity_id: input.activityId ?? null, task_id: input.taskId ?? null,
      over_budget: over, over_reason: over ? overReason : null, created_by: actor.userId || null,
    }).returning('id').executeTakeFirstOrThrow();
    await linkAttachments(tx, actor, input.voucherIds ?? [], { type: VOUCHER_OWNER, id: row.id });
    await audit(tx, actor, {
      action: over ? 'reform.budget.spend.over' : 'reform.budget.spend', entity: 'budget_spending', entityId: row.id,
      after: { lineId, spentOn, amountFen: amount, payee, purpose, activityId: input.activityId ?? null, taskId: input.taskId ?? null, overBudget: over, overReason: over ? overReason : null, remainingBeforeFen: remaining },
    });
    return row.id;
  });
  return getSpending(ctx, actor, id);
}

/** A wrong entry is voided with a reason, never deleted: the ledger keeps what was once recorded. */
export async function voidSpending(ctx: AppContext, actor: Actor, id: number, reason: string) {
  need(actor, 'reform.manage');
  await inTransaction(ctx, async (tx) => {
    const s = await tx.selectFrom('budget_spendings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!s) throw Errors.notFound('支出记录', 'Spending');
    if (s.voided_at) throw Errors.conflict('ALREADY_VOIDED', '该支出记录已作废', 'Already voided');
    const c = new Checks();
    const r = c.text('reason', reason, { label: ['作废原因', 'Reason'], required: true, max: 300 });
    assertValid(c.details);
    await tx.updateTable('budget_spendings').set({ voided_at: new Date(), void_reason: r }).where('id', '=', id).execute();
    await audit(tx, actor, { action: 'reform.budget.spend.void', entity: 'budget_spending', entityId: id, before: { amountFen: s.amount_fen, lineId: s.line_id }, detail: { reason: r } });
  });
  return getSpending(ctx, actor, id);
}

/** Execution per year: one row per year with its lines, for the progress bars and the figure. */
export async function budgetFigures(ctx: AppContext, actor: Actor) {
  requireWholeDistrict(actor);
  const { items } = await listLines(ctx, actor, {});
  const years = [...new Set(items.map((i) => i.year))].sort((a, b) => b - a);
  return {
    years: years.map((year) => {
      const lines = items.filter((i) => i.year === year);
      const amountFen = lines.reduce((s, l) => s + l.amountFen, 0);
      const spentFen = lines.reduce((s, l) => s + l.spentFen, 0);
      return { year, amountFen, spentFen, remainingFen: amountFen - spentFen, executionBp: basisPoints(spentFen, amountFen), lines };
    }),
  };
}
