/**
 * Payment batches: the district gathers approved applications of any type (aid, mutual-aid
 * claims) into a batch, sends the bank its file, and marks the batch paid — which marks each
 * application paid through the workflow engine. Totals are sums of integer fen.
 */
import ExcelJS from 'exceljs';
import { inTransaction, type AppContext } from '../../context.js';
import { require as need, type Actor } from '../../access/actor.js';
import { pathInScope, scopePrefix } from '../../access/scope.js';
import { Errors, type ErrorDetail } from '../../http/errors.js';
import { todayInShanghai, isValidYmd } from '../../../shared/dates.js';
import { fenToYuan } from '../../../shared/money.js';
import { aidTypeOfWorkflowType, AID_TYPE_INFO } from '../../../shared/aid/types.js';
import { periodName } from '../../../shared/aid/rules.js';
import { audit } from '../audit/audit.service.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { decryptPayeeAccount, markPaid } from '../workflow/workflow.service.js';
import { allApplicationTypes } from '../workflow/workflow.types.js';
import * as repo from './payments.repo.js';

/** The most applications one batch may hold (one bank file). */
export const MAX_BATCH_ITEMS = 2000;

function typeName(type: string): string {
  const aid = aidTypeOfWorkflowType(type);
  if (aid) return AID_TYPE_INFO[aid].zh;
  return allApplicationTypes().find((t) => t.type === type)?.nameZh ?? type;
}

/** What the money is for, as the bank prints it on the statement. */
function purpose(type: string, periodKey: string | null): string {
  return periodKey ? `${typeName(type)}（${periodName(periodKey).zh}）` : typeName(type);
}

export interface PayableFilter {
  type?: string;
  typePrefix?: string;
  period?: string;
  orgId?: number;
}

async function toQuery(ctx: AppContext, actor: Actor, f: PayableFilter): Promise<repo.PayableQuery> {
  return { type: f.type, typePrefix: f.typePrefix, period: f.period, orgPath: f.orgId ? (await loadOrgInScope(ctx, actor, f.orgId)).path : undefined };
}

export async function listPayable(ctx: AppContext, actor: Actor, f: PayableFilter & { page: number; pageSize: number }) {
  need(actor, 'assist.read');
  const r = await repo.listPayable(ctx.db, actor, { ...(await toQuery(ctx, actor, f)), page: f.page, pageSize: f.pageSize });
  return {
    total: r.total, totalFen: r.totalFen, page: f.page, pageSize: f.pageSize,
    items: r.items.map((a) => ({
      id: a.id, type: a.type, typeName: typeName(a.type), title: a.title, approvedFen: a.approved_fen, periodKey: a.period_key,
      decidedAt: a.decided_at ? new Date(a.decided_at).toISOString() : null, payeeName: a.payee_name, payeeAccount: a.payee_account_masked,
      orgName: a.org_name, personName: a.person_name,
    })),
  };
}

export interface BatchInput extends PayableFilter {
  title?: string | null;
  note?: string | null;
  /** the applications to pay; without them, every payable application matching the filter */
  applicationIds?: number[];
}

const UNIQUE_VIOLATION = '23505';

/** Create a batch from approved, unpaid applications; each application enters one batch at most. */
export async function createBatch(ctx: AppContext, actor: Actor, input: BatchInput) {
  need(actor, 'assist.manage');
  let ids = [...new Set(input.applicationIds ?? [])];
  if (!ids.length) {
    if (!input.type && !input.typePrefix && !input.period) {
      throw Errors.validation([{ field: 'applicationIds', code: 'REQUIRED', message: '请勾选要发放的申请，或按类型/期间选择全部', messageEn: 'Choose applications, or a type or period' }]);
    }
    ids = await repo.payableIds(ctx.db, actor, await toQuery(ctx, actor, input), MAX_BATCH_ITEMS + 1);
    if (!ids.length) throw Errors.conflict('NOTHING_TO_PAY', '没有符合条件的待发放申请', 'No approved unpaid applications match');
  }
  if (ids.length > MAX_BATCH_ITEMS) {
    throw Errors.validation([{ field: 'applicationIds', code: 'TOO_MANY', message: `一个批次最多${MAX_BATCH_ITEMS}笔，请缩小范围`, messageEn: `At most ${MAX_BATCH_ITEMS} per batch` }]);
  }
  try {
    return await inTransaction(ctx, async (tx) => {
      const apps = await repo.lockApplications(tx, ids);
      const inBatch = await repo.batchedIds(tx, ids);
      const problems: ErrorDetail[] = [];
      for (const id of ids) {
        const a = apps.find((x) => x.id === id);
        const field = `applicationIds.${ids.indexOf(id)}`;
        if (!a) problems.push({ field, code: 'NOT_FOUND', message: `申请 #${id} 不存在`, messageEn: `Application #${id} not found` });
        else if (!pathInScope(actor, a.org_path)) problems.push({ field, code: 'OUT_OF_SCOPE', message: `申请 #${id} 不在您的管理范围内`, messageEn: `Application #${id} is outside your scope` });
        else if (a.status !== 'approved') problems.push({ field, code: 'NOT_APPROVED', message: `申请 #${id} 不是“已批准待发放”状态`, messageEn: `Application #${id} is not approved and unpaid` });
        else if (inBatch.some((b) => b.application_id === id)) problems.push({ field, code: 'ALREADY_IN_BATCH', message: `申请 #${id} 已在第 ${inBatch.find((b) => b.application_id === id)!.batch_id} 批次中`, messageEn: `Application #${id} is already in a batch` });
        else if (!a.approved_fen) problems.push({ field, code: 'NO_AMOUNT', message: `申请 #${id} 没有核定金额`, messageEn: `Application #${id} has no approved amount` });
        else if (!a.payee_account_enc) problems.push({ field, code: 'NO_ACCOUNT', message: `申请 #${id} 没有收款账号`, messageEn: `Application #${id} has no bank account` });
      }
      if (problems.length) throw Errors.validation(problems, '部分申请不能列入批次，请按提示处理', 'Some applications cannot be batched');
      const totalFen = apps.reduce((s, a) => s + a.approved_fen!, 0);
      const title = input.title?.trim() || `${todayInShanghai()} 帮扶资金发放`;
      const batch = await tx.insertInto('payment_batches').values({
        title: title.slice(0, 100), note: input.note?.trim() || null, item_count: apps.length, total_fen: totalFen, created_by: actor.userId || null,
      }).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('payment_batch_items').values(apps.map((a, i) => ({ batch_id: batch.id, application_id: a.id, seq: i + 1, amount_fen: a.approved_fen! }))).execute();
      await audit(tx, actor, { action: 'payment.batch.create', entity: 'payment_batch', entityId: batch.id, after: { title, items: apps.length, totalFen, applicationIds: apps.map((a) => a.id) } });
      return { id: batch.id, itemCount: apps.length, totalFen };
    });
  } catch (err) {
    // Two batches built at the same moment: the unique application_id lets only one have it.
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
      throw Errors.conflict('ALREADY_IN_BATCH', '部分申请刚被列入另一批次，请刷新后重试', 'Some applications were just put in another batch; refresh and retry');
    }
    throw err;
  }
}

function presentBatch(b: NonNullable<Awaited<ReturnType<typeof repo.findBatch>>>) {
  return {
    id: b.id, title: b.title, note: b.note, status: b.status, statusName: b.status === 'paid' ? '已发放' : '待发放',
    itemCount: b.item_count, totalFen: b.total_fen, createdBy: b.created_by_name, createdAt: new Date(b.created_at).toISOString(),
    exportedAt: b.exported_at ? new Date(b.exported_at).toISOString() : null, paidAt: b.paid_at ? new Date(b.paid_at).toISOString() : null, paidOn: b.paid_on,
  };
}

export async function listBatches(ctx: AppContext, actor: Actor, q: { status?: string; page: number; pageSize: number }) {
  need(actor, 'assist.read');
  const { items, total } = await repo.listBatches(ctx.db, actor, q);
  const whole = scopePrefix(actor) === null;
  return {
    total, page: q.page, pageSize: q.pageSize,
    items: items.map((b) => ({
      ...presentBatch({ ...b, paid_by_name: null }),
      // staff of a town see their subtree's part of a district batch
      itemCount: whole ? b.item_count : b.visible_count, totalFen: whole ? b.total_fen : Number(b.visible_fen), partial: !whole && b.visible_count < b.item_count,
    })),
  };
}

async function loadBatch(ctx: AppContext, actor: Actor, id: number) {
  const b = await repo.findBatch(ctx.db, id);
  if (!b) throw Errors.notFound('发放批次', 'Payment batch');
  const items = await repo.batchItems(ctx.db, actor, id);
  if (!items.length && scopePrefix(actor) !== null) throw Errors.outOfScope();
  return { b, items };
}

export async function getBatch(ctx: AppContext, actor: Actor, id: number) {
  need(actor, 'assist.read');
  const { b, items } = await loadBatch(ctx, actor, id);
  const whole = scopePrefix(actor) === null;
  return {
    ...presentBatch(b), paidBy: b.paid_by_name, partial: !whole && items.length < b.item_count,
    visibleTotalFen: items.reduce((s, i) => s + i.amount_fen, 0),
    items: items.map((i) => ({
      seq: i.seq, applicationId: i.application_id, type: i.type, typeName: typeName(i.type), title: i.title, status: i.status, amountFen: i.amount_fen,
      personName: i.person_name, idNumberMasked: i.id_masked, orgName: i.org_name, payeeName: i.payee_name, payeeBank: i.payee_bank, payeeAccount: i.payee_account_masked,
      purpose: purpose(i.type, i.period_key),
    })),
  };
}

export const BANK_FILE_COLUMNS = ['序号', '姓名', '身份证号', '开户行', '账号', '金额（元）', '用途'] as const;

/**
 * The bank file: full account numbers (the bank needs them), ID numbers masked (it does not).
 * District only (assist.manage), and every export is audited with its count and total.
 */
export async function exportBatch(ctx: AppContext, actor: Actor, id: number): Promise<{ filename: string; buffer: Buffer }> {
  need(actor, 'assist.manage');
  const { b, items } = await loadBatch(ctx, actor, id);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代发明细');
  ws.columns = [
    { header: BANK_FILE_COLUMNS[0], width: 6 }, { header: BANK_FILE_COLUMNS[1], width: 12 }, { header: BANK_FILE_COLUMNS[2], width: 22 },
    { header: BANK_FILE_COLUMNS[3], width: 24 }, { header: BANK_FILE_COLUMNS[4], width: 26, style: { numFmt: '@' } },
    { header: BANK_FILE_COLUMNS[5], width: 14, style: { numFmt: '0.00' } }, { header: BANK_FILE_COLUMNS[6], width: 28 },
  ];
  ws.getRow(1).font = { bold: true };
  let total = 0;
  for (const i of items) {
    total += i.amount_fen;
    // amounts leave as yuan numbers with two decimals; fen/100 of an integer is the closest double, and the total is summed in fen
    ws.addRow([i.seq, i.payee_name ?? i.person_name ?? '', i.id_masked ?? '', i.payee_bank ?? '', i.payee_account_enc ? decryptPayeeAccount(i.payee_account_enc) : '', Number(fenToYuan(i.amount_fen)), purpose(i.type, i.period_key)]);
  }
  const totalRow = ws.addRow(['合计', `${items.length}笔`, '', '', '', Number(fenToYuan(total)), '']);
  totalRow.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await inTransaction(ctx, async (tx) => {
    await tx.updateTable('payment_batches').set({ exported_at: new Date() }).where('id', '=', id).execute();
    await audit(tx, actor, { action: 'payment.batch.export', entity: 'payment_batch', entityId: id, detail: { items: items.length, totalFen: total, fields: ['payeeAccount'] } });
  });
  return { filename: `发放批次${b.id}-代发明细.xlsx`, buffer };
}

/** The bank has paid: the batch and each of its applications become paid (已发放). */
export async function markBatchPaid(ctx: AppContext, actor: Actor, id: number, input: { paidOn?: string | null }) {
  need(actor, 'assist.manage');
  const paidOn = input.paidOn ?? todayInShanghai();
  if (!isValidYmd(paidOn) || paidOn > todayInShanghai()) {
    throw Errors.validation([{ field: 'paidOn', code: 'DATE', message: '发放日期无效或晚于今天', messageEn: 'Invalid or future payment date' }]);
  }
  return inTransaction(ctx, async (tx) => {
    const b = await tx.selectFrom('payment_batches').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!b) throw Errors.notFound('发放批次', 'Payment batch');
    if (b.status !== 'open') throw Errors.conflict('ALREADY_PAID', '该批次已标记为已发放', 'This batch is already marked paid');
    const items = await tx.selectFrom('payment_batch_items').select('application_id').where('batch_id', '=', id).orderBy('seq').execute();
    // the batch first: the applications' onPaid hooks read its payment date
    await tx.updateTable('payment_batches').set({ status: 'paid', paid_at: new Date(), paid_by: actor.userId || null, paid_on: paidOn }).where('id', '=', id).execute();
    await markPaid(tx, actor, items.map((i) => i.application_id), id);
    await audit(tx, actor, { action: 'payment.batch.paid', entity: 'payment_batch', entityId: id, before: { status: 'open' }, after: { status: 'paid', paidOn, items: items.length, totalFen: b.total_fen } });
    return { id, status: 'paid' as const, paidOn, itemCount: items.length, totalFen: b.total_fen };
  });
}
