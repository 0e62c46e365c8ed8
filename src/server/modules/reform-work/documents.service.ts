import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import type { Kdb } from '../../db/connection.js';
import { can, require as need, type Actor } from '../../access/actor.js';
import { Errors, assertValid } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { linkAttachments, listAttachments, registerAttachmentOwner } from '../attachments/attachments.service.js';
import { todayInShanghai } from '../../../shared/dates.js';
import { DOCUMENT_TYPES, nameOf, type DocumentType } from '../../../shared/reform-work/codes.js';
import { validateDocNo } from '../../../shared/reform-work/doc-no.js';
import { Checks, iso } from './common.js';

export const DOCUMENT_OWNER = 'reform_document';

// Policy documents are public within the system: anyone who may read reform work may open their files.
registerAttachmentOwner(DOCUMENT_OWNER, {
  canRead: async (ctx, actor, ownerId) =>
    can(actor, 'reform.read') && !!(await ctx.db.selectFrom('reform_documents').select('id').where('id', '=', ownerId).executeTakeFirst()),
});

export interface DocumentInput {
  docType?: DocumentType;
  title?: string;
  issuerOrgId?: number;
  docNo?: string;
  issuedOn?: string;
  effectiveOn?: string | null;
  summary?: string | null;
  attachmentIds?: number[];
}

export interface DocumentQuery {
  docType?: string;
  year?: number;
  issuerOrgId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

const baseSelect = (db: Kdb) =>
  db.selectFrom('reform_documents as d').innerJoin('orgs as o', 'o.id', 'd.issuer_org_id').selectAll('d').select('o.name as issuer_name');
type Row = Awaited<ReturnType<ReturnType<typeof baseSelect>['executeTakeFirstOrThrow']>>;

function present(d: Row) {
  return {
    id: d.id, docType: d.doc_type, docTypeName: nameOf(DOCUMENT_TYPES, d.doc_type), title: d.title,
    issuerOrgId: d.issuer_org_id, issuerName: d.issuer_name, docNo: d.doc_no, docNoYear: d.doc_no_year,
    issuedOn: d.issued_on, effectiveOn: d.effective_on, summary: d.summary, updatedAt: iso(d.updated_at),
  };
}

export async function listDocuments(ctx: AppContext, actor: Actor, q: DocumentQuery) {
  need(actor, 'reform.read');
  let base = ctx.db.selectFrom('reform_documents as d').innerJoin('orgs as o', 'o.id', 'd.issuer_org_id');
  if (q.docType) base = base.where('d.doc_type', '=', q.docType);
  if (q.year) base = base.where(sql`extract(year from d.issued_on)::int`, '=', q.year);
  if (q.issuerOrgId) base = base.where('d.issuer_org_id', '=', q.issuerOrgId);
  if (q.q) base = base.where((eb) => eb.or([eb('d.title', 'like', `%${q.q}%`), eb('d.doc_no', 'like', `%${q.q}%`)]));
  const [items, total] = await Promise.all([
    base.selectAll('d').select('o.name as issuer_name').orderBy('d.issued_on', 'desc').orderBy('d.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map(present), total: total.n };
}

export async function getDocument(ctx: AppContext, actor: Actor, id: number) {
  need(actor, 'reform.read');
  const d = await baseSelect(ctx.db).where('d.id', '=', id).executeTakeFirst();
  if (!d) throw Errors.notFound('文件', 'Document');
  return { ...present(d), attachments: await listAttachments(ctx.db, { type: DOCUMENT_OWNER, id }) };
}

async function check(tx: Kdb, input: DocumentInput, current?: { issuer_org_id: number; issued_on: string; effective_on: string | null }) {
  const c = new Checks();
  const creating = !current;
  const title = c.text('title', input.title, { label: ['文件标题', 'Title'], required: creating, max: 200 });
  if (creating && !input.docType) c.add('docType', 'REQUIRED', '请选择文件类型', 'Type is required');
  if (creating && !input.issuerOrgId) c.add('issuerOrgId', 'REQUIRED', '请选择发文单位', 'Issuer is required');
  if (input.issuerOrgId && !(await tx.selectFrom('orgs').select('id').where('id', '=', input.issuerOrgId).executeTakeFirst())) {
    c.add('issuerOrgId', 'ORG_NOT_FOUND', '发文单位不存在', 'Issuer not found');
  }
  const issuedOn = c.date('issuedOn', input.issuedOn, { label: ['印发日期', 'Issue date'], required: creating }) ?? current?.issued_on ?? null;
  const effectiveOn = input.effectiveOn === undefined ? current?.effective_on ?? null : c.date('effectiveOn', input.effectiveOn, { label: ['施行日期', 'Effective date'] });
  if (issuedOn && effectiveOn && effectiveOn < issuedOn) c.add('effectiveOn', 'DATE_ORDER', '施行日期不能早于印发日期', 'Effective date cannot be before the issue date');
  if (issuedOn && issuedOn > todayInShanghai()) c.add('issuedOn', 'DATE_FUTURE', '印发日期不能晚于今天', 'Issue date cannot be in the future');
  const warnings: { field: string; code: string; message: string; messageEn: string }[] = [];
  let docNo: ReturnType<typeof validateDocNo> | undefined;
  if (creating || input.docNo !== undefined) {
    docNo = validateDocNo(input.docNo ?? '', { maxYear: Number(todayInShanghai().slice(0, 4)) + 1 });
    if (!docNo.ok) c.add('docNo', docNo.code, docNo.message, docNo.messageEn);
    else {
      if (docNo.warning) warnings.push({ field: 'docNo', ...docNo.warning });
      // A document numbered in one year is usually issued that year; January issues of December numbers exist, so only warn.
      if (issuedOn && Number(issuedOn.slice(0, 4)) !== docNo.year) {
        warnings.push({ field: 'docNo', code: 'DOC_NO_YEAR_MISMATCH', message: `文号年份（${docNo.year}）与印发日期年份不一致，请核对`, messageEn: `The number's year (${docNo.year}) differs from the issue year` });
      }
    }
  }
  assertValid(c.details);
  return { title, issuedOn, effectiveOn, docNo: docNo?.ok ? docNo : undefined, warnings };
}

async function assertDocNoFree(tx: Kdb, issuerOrgId: number, docNo: string, exceptId?: number) {
  let q = tx.selectFrom('reform_documents').select('id').where('issuer_org_id', '=', issuerOrgId).where('doc_no', '=', docNo);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) {
    throw Errors.conflict('DOC_NO_TAKEN', `发文单位已有文号为“${docNo}”的文件`, `The issuer already has a document numbered ${docNo}`, [
      { field: 'docNo', code: 'DOC_NO_TAKEN', message: '该发文单位下文号重复', messageEn: 'Duplicate number for this issuer' },
    ]);
  }
}

export async function createDocument(ctx: AppContext, actor: Actor, input: DocumentInput) {
  need(actor, 'reform.manage');
  return inTransaction(ctx, async (tx) => {
    const v = await check(tx, input);
    await assertDocNoFree(tx, input.issuerOrgId!, v.docNo!.value);
    const row = await tx.insertInto('reform_documents').values({
      doc_type: input.docType!, title: v.title!, issuer_org_id: input.issuerOrgId!, doc_no: v.docNo!.value, doc_no_year: v.docNo!.year,
      doc_no_seq: v.docNo!.seq, issued_on: v.issuedOn!, effective_on: v.effectiveOn, summary: input.summary?.trim() || null, created_by: actor.userId || null,
    }).returning('id').executeTakeFirstOrThrow();
    await linkAttachments(tx, actor, input.attachmentIds ?? [], { type: DOCUMENT_OWNER, id: row.id });
    const d = await baseSelect(tx).where('d.id', '=', row.id).executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'reform.document.create', entity: 'reform_document', entityId: row.id, after: { ...present(d), attachmentIds: input.attachmentIds ?? [] } });
    return { ...present(d), attachments: await listAttachments(tx, { type: DOCUMENT_OWNER, id: row.id }), warnings: v.warnings };
  });
}

export async function updateDocument(ctx: AppContext, actor: Actor, id: number, input: DocumentInput) {
  need(actor, 'reform.manage');
  return inTransaction(ctx, async (tx) => {
    const before = await baseSelect(tx).where('d.id', '=', id).executeTakeFirst();
    if (!before) throw Errors.notFound('文件', 'Document');
    const v = await check(tx, input, before);
    const issuer = input.issuerOrgId ?? before.issuer_org_id;
    const docNo = v.docNo?.value ?? before.doc_no;
    if (docNo !== before.doc_no || issuer !== before.issuer_org_id) await assertDocNoFree(tx, issuer, docNo, id);
    await tx.updateTable('reform_documents').set({
      doc_type: input.docType ?? before.doc_type, title: v.title ?? before.title, issuer_org_id: issuer, doc_no: docNo,
      doc_no_year: v.docNo?.year ?? before.doc_no_year, doc_no_seq: v.docNo?.seq ?? before.doc_no_seq,
      issued_on: v.issuedOn ?? before.issued_on, effective_on: v.effectiveOn,
      summary: input.summary === undefined ? before.summary : input.summary?.trim() || null, updated_at: new Date(),
    }).where('id', '=', id).execute();
    await linkAttachments(tx, actor, input.attachmentIds ?? [], { type: DOCUMENT_OWNER, id });
    const after = await baseSelect(tx).where('d.id', '=', id).executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'reform.document.update', entity: 'reform_document', entityId: id, before: present(before), after: { ...present(after), attachmentIds: input.attachmentIds ?? [] } });
    return { ...present(after), attachments: await listAttachments(tx, { type: DOCUMENT_OWNER, id }), warnings: v.warnings };
  });
}
