/** All SQL of seasonal campaigns 四季送 and their distribution records. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import type { Actor } from '../../access/actor.js';
import { orgIdInScope, scopePrefix } from '../../access/scope.js';

/**
 * A campaign is visible to staff whose subtree holds its organisation, and to the organisations
 * below the one running it (a town records what it handed out under the district's 冬送温暖).
 */
export function campaignVisible(actor: Actor): Expression<SqlBool> {
  const prefix = scopePrefix(actor);
  if (prefix === null) return sql<SqlBool>`true`;
  if (prefix === false) return sql<SqlBool>`false`;
  return sql<SqlBool>`(o.path like ${prefix + '%'} or ${prefix} like o.path || '%')`;
}

/** Distribution value per campaign, counting only the distributions the actor may see. */
function distributedSums(db: Kdb, actor: Actor) {
  return db.selectFrom('aid_distributions as x')
    .select(['x.campaign_id', sql<number>`coalesce(sum(x.value_fen), 0)::bigint`.as('value_fen'), sql<number>`coalesce(sum(x.recipient_count), 0)::int`.as('recipients'), sql<number>`count(*)::int`.as('records')])
    .where(orgIdInScope(actor, 'x.org_id'))
    .groupBy('x.campaign_id');
}

export interface CampaignQuery {
  year?: number;
  season?: string;
  page: number;
  pageSize: number;
}

export async function listCampaigns(db: Kdb, actor: Actor, q: CampaignQuery) {
  let base = db.selectFrom('aid_campaigns as c').innerJoin('orgs as o', 'o.id', 'c.org_id').where(campaignVisible(actor));
  if (q.year) base = base.where('c.year', '=', q.year);
  if (q.season) base = base.where('c.season', '=', q.season);
  const [items, total] = await Promise.all([
    base.leftJoin(distributedSums(db, actor).as('s'), 's.campaign_id', 'c.id')
      .selectAll('c').select(['o.name as org_name', 'o.path as org_path', sql<number>`coalesce(s.value_fen, 0)`.as('distributed_fen'), sql<number>`coalesce(s.recipients, 0)`.as('recipients'), sql<number>`coalesce(s.records, 0)`.as('records')])
      .orderBy('c.year', 'desc').orderBy(sql`array_position(array['spring','summer','autumn','winter'], c.season)`).orderBy('c.id')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export function findCampaign(db: Kdb, id: number) {
  return db.selectFrom('aid_campaigns as c').innerJoin('orgs as o', 'o.id', 'c.org_id')
    .selectAll('c').select(['o.name as org_name', 'o.path as org_path']).where('c.id', '=', id).executeTakeFirst();
}

/** Execution of one campaign by kind and by the organisation one level below the actor's scope root. */
export async function campaignExecution(db: Kdb, actor: Actor, campaignId: number) {
  const prefix = scopePrefix(actor);
  const depth = prefix ? prefix.split('/').length : 3; // '/1/' → 3: split_part index of the child level
  const [byKind, byOrg] = await Promise.all([
    db.selectFrom('aid_distributions as x').where('x.campaign_id', '=', campaignId).where(orgIdInScope(actor, 'x.org_id'))
      .select(['x.kind', sql<number>`sum(x.value_fen)::bigint`.as('value_fen'), sql<number>`sum(x.recipient_count)::int`.as('recipients'), sql<number>`count(*)::int`.as('records')])
      .groupBy('x.kind').execute(),
    db.selectFrom('aid_distributions as x').innerJoin('orgs as o', 'o.id', 'x.org_id')
      .where('x.campaign_id', '=', campaignId).where(orgIdInScope(actor, 'x.org_id'))
      .select([sql<string>`coalesce(nullif(split_part(o.path, '/', ${depth}), ''), split_part(o.path, '/', ${depth - 1}))`.as('group_id'), sql<number>`sum(x.value_fen)::bigint`.as('value_fen'), sql<number>`sum(x.recipient_count)::int`.as('recipients')])
      .groupBy(sql`1`).execute(),
  ]);
  const ids = byOrg.map((r) => Number(r.group_id)).filter((n) => n > 0);
  const names = ids.length ? await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute() : [];
  return {
    byKind,
    byOrg: byOrg.map((r) => ({ orgId: Number(r.group_id), orgName: names.find((n) => n.id === Number(r.group_id))?.name ?? '', valueFen: r.value_fen, recipients: r.recipients }))
      .sort((a, b) => b.valueFen - a.valueFen),
  };
}

export async function listDistributions(db: Kdb, actor: Actor, campaignId: number, page: number, pageSize: number) {
  const base = db.selectFrom('aid_distributions as x').innerJoin('orgs as o', 'o.id', 'x.org_id')
    .leftJoin('persons as p', 'p.id', 'x.recipient_person_id').leftJoin('users as u', 'u.id', 'x.distributed_by')
    .where('x.campaign_id', '=', campaignId).where(orgIdInScope(actor, 'x.org_id'));
  const [items, total] = await Promise.all([
    base.selectAll('x').select(['o.name as org_name', 'p.name as person_name', 'u.username as distributed_by_name'])
      .orderBy('x.distributed_on', 'desc').orderBy('x.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}
