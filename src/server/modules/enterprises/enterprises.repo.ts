import { sql } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import type { Actor } from '../../access/actor.js';
import { orgIdInScope } from '../../access/scope.js';

export interface EnterpriseQuery {
  q?: string;
  orgId?: number;
  orgPath?: string;
  divisionCode?: string;
  industry?: string;
  minEmployees?: number;
  maxEmployees?: number;
  hasUnion?: boolean;
  inPark?: boolean;
  page: number;
  pageSize: number;
}

const COLUMNS = [
  'e.id', 'e.credit_code', 'e.name', 'e.ownership', 'e.industry_code', 'e.division_code', 'e.employees',
  'e.union_established', 'e.union_since', 'e.in_park', 'e.listed', 'e.org_id', 'e.address', 'o.name as org_name', 'o.path as org_path',
] as const;

export async function listEnterprises(db: Kdb, actor: Actor, q: EnterpriseQuery) {
  let base = db.selectFrom('enterprises as e').innerJoin('orgs as o', 'o.id', 'e.org_id').where(orgIdInScope(actor, 'e.org_id'));
  if (q.orgPath) base = base.where('o.path', 'like', `${q.orgPath}%`);
  if (q.q) base = base.where((eb) => eb.or([eb('e.name', 'like', `%${q.q}%`), eb('e.credit_code', '=', q.q!.toUpperCase())]));
  if (q.divisionCode) base = base.where('e.division_code', '=', q.divisionCode);
  if (q.industry) {
    base = /^[A-T]$/.test(q.industry)
      ? base.where('e.industry_code', 'like', `${q.industry}%`)
      : base.where('e.industry_code', 'like', `%${q.industry}%`);
  }
  if (q.minEmployees !== undefined) base = base.where('e.employees', '>=', q.minEmployees);
  if (q.maxEmployees !== undefined) base = base.where('e.employees', '<=', q.maxEmployees);
  if (q.hasUnion !== undefined) base = base.where('e.union_established', '=', q.hasUnion);
  if (q.inPark !== undefined) base = base.where('e.in_park', '=', q.inPark);
  const [items, total] = await Promise.all([
    base.select(COLUMNS).orderBy('e.employees', 'desc').orderBy('e.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export function findEnterprise(db: Kdb, id: number) {
  return db.selectFrom('enterprises as e').innerJoin('orgs as o', 'o.id', 'e.org_id').select(COLUMNS).where('e.id', '=', id).executeTakeFirst();
}

export function findEnterpriseByCode(db: Kdb, creditCode: string) {
  return db.selectFrom('enterprises as e').innerJoin('orgs as o', 'o.id', 'e.org_id').select(COLUMNS).where('e.credit_code', '=', creditCode).executeTakeFirst();
}

export async function enterpriseMemberCount(db: Kdb, id: number): Promise<number> {
  const r = await db.selectFrom('memberships').select(sql<number>`count(*)::int`.as('n')).where('enterprise_id', '=', id).where('status', 'in', ['active', 'transferring']).executeTakeFirstOrThrow();
  return r.n;
}

export type EnterpriseRow = NonNullable<Awaited<ReturnType<typeof findEnterprise>>>;
