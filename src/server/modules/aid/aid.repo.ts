/** All SQL of aid applications and their per-year rules. */
import { sql } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import type { Actor } from '../../access/actor.js';
import { orgIdInScope } from '../../access/scope.js';
import type { AidYearRule } from '../../../shared/aid/types.js';

export async function yearRules(db: Kdb, year: number) {
  return db.selectFrom('aid_year_rules').selectAll().where('year', '=', year).execute();
}

export async function allYearRules(db: Kdb) {
  return db.selectFrom('aid_year_rules').selectAll().orderBy('year', 'desc').orderBy('aid_type').execute();
}

export async function findYearRule(db: Kdb, year: number, aidType: string): Promise<AidYearRule | null> {
  const r = await db.selectFrom('aid_year_rules').selectAll().where('year', '=', year).where('aid_type', '=', aidType).executeTakeFirst();
  return r ? { capFen: r.cap_fen, fixedFen: r.fixed_fen, thresholdFen: r.threshold_fen, ratioBp: r.ratio_bp } : null;
}

export async function upsertYearRule(db: Kdb, year: number, aidType: string, rule: AidYearRule, userId: number | null) {
  const values = { cap_fen: rule.capFen, fixed_fen: rule.fixedFen, threshold_fen: rule.thresholdFen, ratio_bp: rule.ratioBp, updated_by: userId };
  await db.insertInto('aid_year_rules').values({ year, aid_type: aidType, ...values })
    .onConflict((oc) => oc.columns(['year', 'aid_type']).doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute();
}

/** The person's name, occupation and current union (with its path), for eligibility and scope. */
export function personForAid(db: Kdb, personId: number) {
  return db.selectFrom('persons as p')
    .leftJoin('memberships as m', (j) => j.onRef('m.person_id', '=', 'p.id').on('m.status', '<>', 'left'))
    .leftJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['p.id', 'p.name', 'p.occupation', 'p.is_new_employment', 'p.id_masked', 'm.org_id', 'o.path as org_path', 'o.name as org_name'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

/** Approved or paid applications of this person, type and period (the DB refuses a second one). */
export function grantedInPeriod(db: Kdb, personId: number, workflowType: string, periodKey: string, exceptId?: number) {
  let q = db.selectFrom('applications').select(['id', 'status'])
    .where('person_id', '=', personId).where('type', '=', workflowType).where('period_key', '=', periodKey)
    .where('status', 'in', ['approved', 'paid']);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.execute();
}

/** Other open or granted applications of the same person, type and period (shown to reviewers). */
export function samePeriodApplications(db: Kdb, personId: number, workflowType: string, periodKey: string, exceptId: number) {
  return db.selectFrom('applications').select(['id', 'status', 'submitted_at'])
    .where('person_id', '=', personId).where('type', '=', workflowType).where('period_key', '=', periodKey)
    .where('status', 'in', ['in_review', 'returned', 'approved', 'paid']).where('id', '<>', exceptId)
    .orderBy('id').execute();
}

/** The nearest campaign of the season and year run by the filing org or one of its ancestors. */
export async function campaignFor(db: Kdb, season: string, year: number, filingOrgPath: string) {
  const r = await db.selectFrom('aid_campaigns as c').innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id'])
    .where('c.season', '=', season).where('c.year', '=', year)
    .where(sql<boolean>`${filingOrgPath} like o.path || '%'`)
    .orderBy('o.depth', 'desc').orderBy('c.id')
    .executeTakeFirst();
  return r?.id ?? null;
}

export function findDetail(db: Kdb, applicationId: number) {
  return db.selectFrom('aid_applications').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
}

export interface AidListQuery {
  aidType?: string;
  status?: string;
  period?: string;
  year?: number;
  orgPath?: string;
  campaignId?: number;
  q?: string;
  mine?: boolean;
  page: number;
  pageSize: number;
}

function listBase(db: Kdb, actor: Actor, q: Omit<AidListQuery, 'page' | 'pageSize'>) {
  let b = db.selectFrom('aid_applications as d')
    .innerJoin('applications as a', 'a.id', 'd.application_id')
    .innerJoin('persons as p', 'p.id', 'd.person_id')
    .innerJoin('orgs as o', 'o.id', 'd.org_id');
  if (actor.role === 'member') b = b.where('d.person_id', '=', actor.personId ?? -1);
  else b = b.where(orgIdInScope(actor, 'd.org_id'));
  if (q.mine) b = b.where('a.applicant_user_id', '=', actor.userId);
  if (q.aidType) b = b.where('d.aid_type', '=', q.aidType);
  if (q.status) b = b.where('a.status', '=', q.status as never);
  if (q.period) b = b.where('d.period_key', '=', q.period);
  if (q.year) b = b.where(sql<boolean>`left(d.period_key, 4) = ${String(q.year)}`);
  if (q.orgPath) b = b.where('o.path', 'like', `${q.orgPath}%`);
  if (q.campaignId) b = b.where('d.campaign_id', '=', q.campaignId);
  if (q.q) b = b.where((eb) => eb.or([eb('p.name', 'like', `%${q.q}%`), eb('a.title', 'like', `%${q.q}%`)]));
  return b;
}

export async function listApplications(db: Kdb, actor: Actor, q: AidListQuery) {
  const base = listBase(db, actor, q);
  const [items, total] = await Promise.all([
    base.select(['a.id', 'a.title', 'a.status', 'a.amount_fen', 'a.approved_fen', 'a.current_step', 'a.steps', 'a.submitted_at', 'a.paid_at', 'a.payment_batch_id',
      'd.aid_type', 'd.period_key', 'd.person_id', 'd.campaign_id', 'p.name as person_name', 'p.id_masked', 'o.name as org_name', 'd.org_id'])
      .orderBy('a.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

/** Applicants, approvals and amounts grouped by `by` (aid type, period, or the org one level below the scope root). */
export async function aidFigures(db: Kdb, actor: Actor, q: Omit<AidListQuery, 'page' | 'pageSize' | 'q' | 'mine' | 'status'>, by: 'type' | 'period' | 'org', childDepth: number) {
  const key = by === 'type' ? sql<string>`d.aid_type` : by === 'period' ? sql<string>`d.period_key`
    : sql<string>`coalesce(nullif(split_part(o.path, '/', ${childDepth}), ''), split_part(o.path, '/', ${childDepth - 1}))`;
  return listBase(db, actor, q)
    .select([
      key.as('k'),
      sql<number>`count(*)::int`.as('applications'),
      sql<number>`count(distinct d.person_id)::int`.as('applicants'),
      sql<number>`(count(*) filter (where a.status in ('approved', 'paid')))::int`.as('approved'),
      sql<number>`(count(*) filter (where a.status = 'in_review'))::int`.as('in_review'),
      sql<number>`(count(*) filter (where a.status = 'rejected'))::int`.as('rejected'),
      sql<number>`coalesce(sum(a.approved_fen) filter (where a.status in ('approved', 'paid')), 0)::bigint`.as('approved_fen'),
      sql<number>`coalesce(sum(a.approved_fen) filter (where a.status = 'paid'), 0)::bigint`.as('paid_fen'),
    ])
    .groupBy(sql`1`).orderBy(sql`1`).execute();
}
