import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import { require, type Actor } from '../../access/actor.js';
import { assertPathInScope, pathInScope } from '../../access/scope.js';
import { AppError, Errors, type ErrorDetail } from '../../http/errors.js';
import type { Org } from '../../db/schema.js';
import { validateCreditCode } from '../../../shared/uscc.js';
import { parseDateInput } from '../../../shared/dates.js';
import { ORG_TYPES, canContain, type OrgTypeCode } from '../../../shared/codes/union.js';
import { audit } from '../audit/audit.service.js';
import { searchAudit } from '../audit/audit.service.js';
import * as repo from './orgs.repo.js';

export type OrgType = OrgTypeCode;

export const ORG_TYPE_NAMES = Object.fromEntries(ORG_TYPES.map((t) => [t.code, t.name])) as Record<OrgType, string>;

export interface OrgInput {
  parentId?: number | null;
  name?: string;
  shortName?: string | null;
  type?: OrgType;
  creditCode?: string | null;
  divisionCode?: string | null;
  foundedOn?: string | null;
  term?: string | null;
  chair?: string | null;
  address?: string | null;
  phone?: string | null;
}

export function presentOrg(o: Org) {
  return {
    id: o.id,
    parentId: o.parent_id,
    name: o.name,
    shortName: o.short_name,
    type: o.type,
    typeName: ORG_TYPE_NAMES[o.type as OrgType] ?? o.type,
    creditCode: o.credit_code,
    divisionCode: o.division_code,
    foundedOn: o.founded_on,
    term: o.term,
    chair: o.chair,
    address: o.address,
    phone: o.phone,
    status: o.status,
    closedOn: o.closed_on,
    closeReason: o.close_reason,
    depth: o.depth,
    path: o.path,
  };
}

function checkFields(input: OrgInput, creating: boolean): { details: ErrorDetail[]; creditCode?: string | null; foundedOn?: string | null } {
  const details: ErrorDetail[] = [];
  if (creating && !input.name?.trim()) details.push({ field: 'name', code: 'REQUIRED', message: '请填写组织名称', messageEn: 'Name is required' });
  if (input.name !== undefined && input.name.trim().length > 100) details.push({ field: 'name', code: 'TOO_LONG', message: '名称不超过100字', messageEn: 'Name too long' });
  let creditCode = input.creditCode;
  if (input.creditCode) {
    const r = validateCreditCode(input.creditCode);
    if (!r.ok) details.push({ field: 'creditCode', code: r.code, message: r.message, messageEn: r.messageEn });
    else {
      creditCode = r.value;
      if (input.type && input.type !== 'member_unit' && !r.value.startsWith('81')) {
        details.push({ field: 'creditCode', code: 'UNION_CODE_PREFIX', message: '工会法人统一社会信用代码应以81开头', messageEn: 'A union credit code starts with 81' });
      }
    }
  }
  let foundedOn = input.foundedOn;
  if (input.foundedOn) {
    foundedOn = parseDateInput(input.foundedOn);
    if (!foundedOn) details.push({ field: 'foundedOn', code: 'DATE_FORMAT', message: '成立日期格式无效', messageEn: 'Invalid founding date' });
  }
  return { details, creditCode, foundedOn };
}

async function loadInScope(ctx: AppContext, actor: Actor, id: number): Promise<Org> {
  const org = await repo.findOrg(ctx.db, id);
  if (!org) throw Errors.notFound('组织', 'Organisation');
  assertPathInScope(actor, org.path);
  return org;
}

export async function getOrg(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'org.read');
  const org = await loadInScope(ctx, actor, id);
  const parent = org.parent_id ? await repo.findOrg(ctx.db, org.parent_id) : undefined;
  return { ...presentOrg(org), parentName: parent && pathInScope(actor, parent.path) ? parent.name : null };
}

export async function listOrgs(ctx: AppContext, actor: Actor, q: repo.OrgListQuery) {
  require(actor, 'org.read');
  const { items, total } = await repo.listOrgs(ctx.db, actor, q);
  return { items: items.map(presentOrg), total };
}

export async function orgTree(ctx: AppContext, actor: Actor, includeClosed = false) {
  require(actor, 'org.read');
  const rows = await repo.listTree(ctx.db, actor, includeClosed);
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, type: r.type, status: r.status, depth: r.depth, members: r.members }));
}

export async function createOrg(ctx: AppContext, actor: Actor, input: OrgInput) {
  require(actor, 'org.write');
  const { details, creditCode, foundedOn } = checkFields(input, true);
  if (!input.type) details.push({ field: 'type', code: 'REQUIRED', message: '请选择组织类型', messageEn: 'Type is required' });
  if (!input.parentId) details.push({ field: 'parentId', code: 'REQUIRED', message: '请选择上级组织', messageEn: 'Parent is required' });
  if (details.length) throw Errors.validation(details);
  const parent = await loadInScope(ctx, actor, input.parentId!);
  if (parent.status !== 'active') throw Errors.conflict('PARENT_CLOSED', '上级组织已撤销', 'The parent organisation is closed');
  if (!canContain(parent.type, input.type!)) {
    throw Errors.validation([{ field: 'type', code: 'TYPE_NOT_ALLOWED', message: `${ORG_TYPE_NAMES[parent.type as OrgType]}下不能设立${ORG_TYPE_NAMES[input.type!]}`, messageEn: `A ${input.type} cannot sit under a ${parent.type}` }]);
  }
  return inTransaction(ctx, async (tx) => {
    await assertUnique(tx, input.name!.trim(), parent.id, creditCode ?? null);
    const org = await repo.insertOrg(tx, {
      parent_id: parent.id,
      name: input.name!.trim(),
      short_name: input.shortName ?? null,
      type: input.type!,
      credit_code: creditCode ?? null,
      division_code: input.divisionCode ?? null,
      founded_on: foundedOn ?? null,
      term: input.term ?? null,
      chair: input.chair ?? null,
      address: input.address ?? null,
      phone: input.phone ?? null,
    }, parent);
    await audit(tx, actor, { action: 'org.create', entity: 'org', entityId: org.id, orgId: org.id, after: presentOrg(org) });
    return presentOrg(org);
  });
}

async function assertUnique(db: AppContext['db'], name: string, parentId: number, creditCode: string | null, exceptId?: number) {
  let q = db.selectFrom('orgs').select(['id', 'name', 'credit_code']).where('status', '=', 'active')
    .where((eb) => eb.or([eb.and([eb('name', '=', name), eb('parent_id', '=', parentId)]), ...(creditCode ? [eb('credit_code', '=', creditCode)] : [])]));
  if (exceptId) q = q.where('id', '<>', exceptId);
  const clash = await q.executeTakeFirst();
  if (!clash) return;
  if (creditCode && clash.credit_code === creditCode) {
    throw Errors.conflict('DUPLICATE_CREDIT_CODE', '该统一社会信用代码已被其他组织使用', 'Credit code already used', [{ field: 'creditCode', code: 'DUPLICATE', message: '统一社会信用代码重复' }]);
  }
  throw Errors.conflict('DUPLICATE_NAME', '同一上级组织下已有同名组织', 'A sibling with this name exists', [{ field: 'name', code: 'DUPLICATE', message: '同级组织名称重复' }]);
}

export async function updateOrg(ctx: AppContext, actor: Actor, id: number, input: OrgInput) {
  require(actor, 'org.write');
  const org = await loadInScope(ctx, actor, id);
  if (org.status !== 'active') throw Errors.conflict('ORG_CLOSED', '已撤销的组织不能修改', 'A closed organisation cannot be edited');
  const { details, creditCode, foundedOn } = checkFields({ ...input, type: (input.type ?? org.type) as OrgType }, false);
  if (details.length) throw Errors.validation(details);
  if (input.type && input.type !== org.type) throw Errors.validation([{ field: 'type', code: 'TYPE_IMMUTABLE', message: '组织类型不能直接修改', messageEn: 'Type cannot change' }]);
  const moving = input.parentId !== undefined && input.parentId !== null && input.parentId !== org.parent_id;
  return inTransaction(ctx, async (tx) => {
    let parentId = org.parent_id;
    if (moving) {
      if (!org.parent_id) throw Errors.conflict('ROOT_IMMOVABLE', '区总工会不能移动', 'The root cannot move');
      // Scope: the actor must hold both the subtree and the destination, and may not move their own root.
      if (actor.orgId === org.id) throw Errors.forbidden('不能移动自己所在的管理范围根组织', 'You cannot move your own scope root');
      // Read through the transaction: on PGlite a query on ctx.db here would wait for this transaction forever.
      const target = await loadInScope({ ...ctx, db: tx }, actor, input.parentId!);
      if (target.path.startsWith(org.path)) {
        throw Errors.conflict('MOVE_CYCLE', '不能把组织移动到它自己或它的下级组织之下', 'Cannot move an organisation under itself or its descendants');
      }
      if (target.status !== 'active') throw Errors.conflict('PARENT_CLOSED', '目标上级组织已撤销', 'Target parent is closed');
      if (!canContain(target.type, org.type)) {
        throw Errors.validation([{ field: 'parentId', code: 'TYPE_NOT_ALLOWED', message: `${ORG_TYPE_NAMES[target.type as OrgType]}下不能设立${ORG_TYPE_NAMES[org.type as OrgType]}`, messageEn: 'Type not allowed under that parent' }]);
      }
      await repo.moveSubtree(tx, org, target);
      parentId = target.id;
    }
    const name = input.name?.trim() ?? org.name;
    await assertUnique(tx, name, parentId ?? 0, creditCode === undefined ? null : creditCode, org.id);
    const updated = await tx
      .updateTable('orgs')
      .set({
        name,
        short_name: input.shortName === undefined ? org.short_name : input.shortName,
        credit_code: creditCode === undefined ? org.credit_code : creditCode,
        division_code: input.divisionCode === undefined ? org.division_code : input.divisionCode,
        founded_on: foundedOn === undefined ? org.founded_on : foundedOn,
        term: input.term === undefined ? org.term : input.term,
        chair: input.chair === undefined ? org.chair : input.chair,
        address: input.address === undefined ? org.address : input.address,
        phone: input.phone === undefined ? org.phone : input.phone,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: moving ? 'org.move' : 'org.update', entity: 'org', entityId: id, orgId: id, before: presentOrg(org), after: presentOrg(updated) });
    return presentOrg(updated);
  });
}

export async function closeOrg(ctx: AppContext, actor: Actor, id: number, input: { reason: string; closedOn?: string }) {
  require(actor, 'org.write');
  const org = await loadInScope(ctx, actor, id);
  if (!org.parent_id) throw Errors.conflict('ROOT_IMMOVABLE', '区总工会不能撤销', 'The root cannot be closed');
  if (actor.orgId === org.id) throw Errors.forbidden('不能撤销自己所在的管理范围根组织', 'You cannot close your own scope root');
  if (org.status === 'closed') throw Errors.conflict('ORG_CLOSED', '该组织已撤销', 'Already closed');
  if (await repo.hasActiveChildren(ctx.db, id)) throw Errors.conflict('HAS_CHILDREN', '该组织下还有未撤销的下级组织，请先撤销或移走', 'It still has open child organisations');
  const members = await repo.currentMemberCount(ctx.db, id);
  if (members > 0) throw Errors.conflict('HAS_MEMBERS', `该组织还有${members}名会员，请先办理会籍接转或保留会籍`, `It still has ${members} members; transfer them first`);
  const closedOn = input.closedOn ? parseDateInput(input.closedOn) : null;
  return inTransaction(ctx, async (tx) => {
    const updated = await tx
      .updateTable('orgs')
      .set({ status: 'closed', closed_on: closedOn ?? new Date().toISOString().slice(0, 10), close_reason: input.reason, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'org.close', entity: 'org', entityId: id, orgId: id, before: presentOrg(org), after: presentOrg(updated) });
    return presentOrg(updated);
  });
}

export async function orgHistory(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'org.read');
  await loadInScope(ctx, actor, id);
  // The audit log is the history: every change with before/after, written in the same transaction.
  const readAll = { ...actor, permissions: new Set([...actor.permissions, 'audit.read' as const]) };
  return searchAudit(ctx, readAll, { entity: 'org', entityId: String(id), page: 1, pageSize: 200 });
}

export async function orgStats(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'org.read');
  const org = await loadInScope(ctx, actor, id);
  const [totals, children] = await Promise.all([repo.subtreeStats(ctx.db, org.path), repo.childMemberCounts(ctx.db, org)]);
  return { orgId: org.id, name: org.name, ...totals, children };
}

/** For a transfer destination outside the caller's subtree: exact code or name only, minimal fields. */
export async function lookupOrg(ctx: AppContext, actor: Actor, ref: string) {
  require(actor, 'member.transfer');
  // Exact credit code or name only: numeric ids would let anyone enumerate other subtrees.
  if (/^\d+$/.test(ref.trim()) && ref.trim().length < 10) return [];
  const found = await repo.resolveOrgRef(ctx.db, ref);
  return found
    .filter((o) => ['grassroots', 'joint', 'branch', 'town', 'park', 'industry'].includes(o.type))
    .map((o) => ({ id: o.id, name: o.name, type: o.type, typeName: ORG_TYPE_NAMES[o.type as OrgType] }));
}

/** Resolve ORG as given on the command line (id, credit code or exact name) within scope. */
export async function resolveOrgForActor(ctx: AppContext, actor: Actor, ref: string): Promise<Org> {
  const found = (await repo.resolveOrgRef(ctx.db, ref)).filter((o) => pathInScope(actor, o.path));
  if (!found.length) throw Errors.notFound(`组织“${ref}”`, `Organisation ${ref}`);
  if (found.length > 1) throw new AppError(409, 'AMBIGUOUS_ORG', `有多个组织名为“${ref}”，请改用编号或信用代码`, `Several organisations match ${ref}; use the id or credit code`);
  return found[0];
}

export { loadInScope as loadOrgInScope };
export const findOrg = (ctx: AppContext, id: number) => repo.findOrg(ctx.db, id);
