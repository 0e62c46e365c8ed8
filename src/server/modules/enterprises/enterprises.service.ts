import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import { require, type Actor } from '../../access/actor.js';
import { assertPathInScope } from '../../access/scope.js';
import { Errors, type ErrorDetail } from '../../http/errors.js';
import { validateCreditCode } from '../../../shared/uscc.js';
import { parseDateInput } from '../../../shared/dates.js';
import { audit } from '../audit/audit.service.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import * as repo from './enterprises.repo.js';

export interface EnterpriseInput {
  creditCode?: string;
  name?: string;
  ownership?: string | null;
  industryCode?: string | null;
  divisionCode?: string | null;
  employees?: number;
  unionEstablished?: boolean;
  unionSince?: string | null;
  inPark?: boolean;
  listed?: boolean;
  orgId?: number;
  address?: string | null;
}

export function presentEnterprise(e: repo.EnterpriseRow) {
  return {
    id: e.id,
    creditCode: e.credit_code,
    name: e.name,
    ownership: e.ownership,
    industryCode: e.industry_code,
    divisionCode: e.division_code,
    employees: e.employees,
    unionEstablished: e.union_established,
    unionSince: e.union_since,
    inPark: e.in_park,
    listed: e.listed,
    orgId: e.org_id,
    orgName: e.org_name,
    address: e.address,
  };
}

function check(input: EnterpriseInput, creating: boolean) {
  const details: ErrorDetail[] = [];
  const out: { creditCode?: string; unionSince?: string | null } = {};
  if (creating && !input.name?.trim()) details.push({ field: 'name', code: 'REQUIRED', message: '请填写单位名称', messageEn: 'Name is required' });
  if (creating && !input.creditCode) details.push({ field: 'creditCode', code: 'REQUIRED', message: '请填写统一社会信用代码', messageEn: 'Credit code is required' });
  if (creating && !input.orgId) details.push({ field: 'orgId', code: 'REQUIRED', message: '请选择所属工会', messageEn: 'Covering union is required' });
  if (input.creditCode) {
    const r = validateCreditCode(input.creditCode);
    if (!r.ok) details.push({ field: 'creditCode', code: r.code, message: r.message, messageEn: r.messageEn });
    else out.creditCode = r.value;
  }
  if (input.industryCode && !/^[A-T]?\d{2}(\d{1,2})?$/.test(input.industryCode.trim().toUpperCase())) {
    details.push({ field: 'industryCode', code: 'INDUSTRY_FORMAT', message: '行业代码应为门类字母加2至4位数字，如 C3811', messageEn: 'Industry code like C3811' });
  }
  if (input.divisionCode && !/^\d{6}(\d{3})?$/.test(input.divisionCode)) {
    details.push({ field: 'divisionCode', code: 'DIVISION_FORMAT', message: '行政区划代码应为6位或9位数字', messageEn: 'Division code has 6 or 9 digits' });
  }
  if (input.unionSince) {
    out.unionSince = parseDateInput(input.unionSince);
    if (!out.unionSince) details.push({ field: 'unionSince', code: 'DATE_FORMAT', message: '建会日期格式无效', messageEn: 'Invalid date' });
  }
  if (input.unionSince && input.unionEstablished === false) {
    details.push({ field: 'unionSince', code: 'INCONSISTENT', message: '未建会的单位不应填写建会日期', messageEn: 'No union: leave the founding date empty' });
  }
  return { details, ...out };
}

async function loadInScope(ctx: AppContext, actor: Actor, id: number) {
  const e = await repo.findEnterprise(ctx.db, id);
  if (!e) throw Errors.notFound('单位', 'Enterprise');
  assertPathInScope(actor, e.org_path);
  return e;
}

export async function listEnterprises(ctx: AppContext, actor: Actor, q: repo.EnterpriseQuery) {
  require(actor, 'enterprise.read');
  if (q.orgId) q.orgPath = (await loadOrgInScope(ctx, actor, q.orgId)).path;
  const { items, total } = await repo.listEnterprises(ctx.db, actor, q);
  return { items: items.map(presentEnterprise), total };
}

export async function getEnterprise(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'enterprise.read');
  const e = await loadInScope(ctx, actor, id);
  return { ...presentEnterprise(e), members: await repo.enterpriseMemberCount(ctx.db, id) };
}

export async function createEnterprise(ctx: AppContext, actor: Actor, input: EnterpriseInput) {
  require(actor, 'enterprise.write');
  const c = check(input, true);
  if (c.details.length) throw Errors.validation(c.details);
  await loadOrgInScope(ctx, actor, input.orgId!);
  if (await repo.findEnterpriseByCode(ctx.db, c.creditCode!)) {
    throw Errors.conflict('DUPLICATE_CREDIT_CODE', '已有单位使用该统一社会信用代码', 'An enterprise with this credit code exists', [{ field: 'creditCode', code: 'DUPLICATE', message: '统一社会信用代码重复' }]);
  }
  return inTransaction(ctx, async (tx) => {
    const { id } = await tx
      .insertInto('enterprises')
      .values({
        credit_code: c.creditCode!,
        name: input.name!.trim(),
        ownership: input.ownership ?? null,
        industry_code: input.industryCode?.trim().toUpperCase() ?? null,
        division_code: input.divisionCode ?? null,
        employees: input.employees ?? 0,
        union_established: input.unionEstablished ?? false,
        union_since: c.unionSince ?? null,
        in_park: input.inPark ?? false,
        listed: input.listed ?? false,
        org_id: input.orgId!,
        address: input.address ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = (await repo.findEnterprise(tx, id))!;
    await audit(tx, actor, { action: 'enterprise.create', entity: 'enterprise', entityId: id, orgId: row.org_id, after: presentEnterprise(row) });
    return presentEnterprise(row);
  });
}

export async function updateEnterprise(ctx: AppContext, actor: Actor, id: number, input: EnterpriseInput) {
  require(actor, 'enterprise.write');
  const before = await loadInScope(ctx, actor, id);
  const c = check(input, false);
  if (c.details.length) throw Errors.validation(c.details);
  if (input.orgId && input.orgId !== before.org_id) await loadOrgInScope(ctx, actor, input.orgId);
  if (c.creditCode && c.creditCode !== before.credit_code && (await repo.findEnterpriseByCode(ctx.db, c.creditCode))) {
    throw Errors.conflict('DUPLICATE_CREDIT_CODE', '已有单位使用该统一社会信用代码', 'An enterprise with this credit code exists');
  }
  return inTransaction(ctx, async (tx) => {
    await tx
      .updateTable('enterprises')
      .set({
        credit_code: c.creditCode ?? before.credit_code,
        name: input.name?.trim() ?? before.name,
        ownership: input.ownership === undefined ? before.ownership : input.ownership,
        industry_code: input.industryCode === undefined ? before.industry_code : input.industryCode?.trim().toUpperCase() ?? null,
        division_code: input.divisionCode === undefined ? before.division_code : input.divisionCode,
        employees: input.employees ?? before.employees,
        union_established: input.unionEstablished ?? before.union_established,
        union_since: input.unionSince === undefined ? before.union_since : c.unionSince ?? null,
        in_park: input.inPark ?? before.in_park,
        listed: input.listed ?? before.listed,
        org_id: input.orgId ?? before.org_id,
        address: input.address === undefined ? before.address : input.address,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const after = (await repo.findEnterprise(tx, id))!;
    await audit(tx, actor, { action: 'enterprise.update', entity: 'enterprise', entityId: id, orgId: after.org_id, before: presentEnterprise(before), after: presentEnterprise(after) });
    return presentEnterprise(after);
  });
}

/** Employers named in roster rows, by credit code, in one query. */
export async function enterprisesByCreditCodes(ctx: AppContext, codes: string[]) {
  if (!codes.length) return new Map<string, { id: number; name: string }>();
  const rows = await ctx.db.selectFrom('enterprises').select(['id', 'name', 'credit_code']).where('credit_code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.credit_code, { id: r.id, name: r.name }]));
}
