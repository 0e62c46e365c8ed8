import { sql, type Expression, type SqlBool } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import { require as need, type Actor } from '../../access/actor.js';
import { orgIdInScope, pathInScope, scopePrefix } from '../../access/scope.js';
import { Errors } from '../../http/errors.js';

/**
 * Who sees what in reform work:
 * - groups and policy documents are public within the system: anyone with reform.read reads them all;
 * - meetings and activities belong to their organiser: a user sees those organised inside their
 *   subtree plus the district-wide ones (organised by the district federation itself, the root org),
 *   so a bureau sees its own events and the district's, never another bureau's or a town's;
 * - the budget is the district's money: only whole-district readers (district staff, auditors) see it.
 */
export function visibleOrganiser(actor: Actor, column: string): Expression<SqlBool> {
  return sql<SqlBool>`(${orgIdInScope(actor, column)} or ${sql.ref(column)} in (select id from orgs where parent_id is null))`;
}

export async function assertOrganiserVisible(db: Kdb, actor: Actor, orgId: number): Promise<void> {
  const org = await db.selectFrom('orgs').select(['path', 'parent_id']).where('id', '=', orgId).executeTakeFirst();
  if (!org) throw Errors.notFound('组织', 'Organisation');
  if (org.parent_id !== null && !pathInScope(actor, org.path)) throw Errors.outOfScope();
}

/** Logging or editing an event needs reform.report and an organiser inside the actor's own subtree. */
export async function assertCanReportFor(db: Kdb, actor: Actor, orgId: number): Promise<void> {
  need(actor, 'reform.report');
  const org = await db.selectFrom('orgs').select(['path', 'status']).where('id', '=', orgId).executeTakeFirst();
  if (!org) throw Errors.validation([{ field: 'orgId', code: 'ORG_NOT_FOUND', message: '组织不存在', messageEn: 'Organisation not found' }]);
  if (!pathInScope(actor, org.path)) throw Errors.outOfScope();
}

export function requireWholeDistrict(actor: Actor | undefined): Actor {
  const a = need(actor, 'reform.read');
  if (scopePrefix(a) !== null) throw Errors.forbidden('经费信息仅区总工会工作人员可以查看', 'Only district staff may see the budget');
  return a;
}
