import { sql, type Selectable } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import type { Actor } from '../../access/actor.js';
import { orgIdInScope } from '../../access/scope.js';
import type { MutualAidPlansTable } from '../../db/tables/mutual-aid.js';
import type { ApplicationStatus } from '../../db/tables/workflow.js';

export type PlanRow = Selectable<MutualAidPlansTable>;
export const CLAIM_TYPE = 'mutual_aid.claim';

// ---- plans ----

export function listPlans(db: Kdb, q: { year?: number; status?: 'open' | 'closed' }) {
  let s = db.selectFrom('mutual_aid_plans as p').selectAll('p')
    .select((eb) => [
      eb.selectFrom('mutual_aid_enrolments as e').select(sql<number>`count(*)::int`.as('n')).whereRef('e.plan_id', '=', 'p.id').where('e.status', '=', 'active').as('enrolled'),
    ]);
  if (q.year) s = s.where('p.year', '=', q.year);
  if (q.status) s = s.where('p.status', '=', q.status);
  return s.orderBy('p.year', 'desc').orderBy('p.id').execute();
}

export function findPlan(db: Kdb, id: number) {
  return db.selectFrom('mutual_aid_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function planHasClaims(db: Kdb, planId: number): Promise<boolean> {
  return !!(await db.selectFrom('mutual_aid_claims').select('application_id').where('plan_id', '=', planId).limit(1).executeTakeFirst());
}

// ---- enrolments ----

export interface EnrolmentQuery {
  planId?: number;
  orgPath?: string;
  status?: 'active' | 'cancelled';
  q?: string;
  page: number;
  pageSize: number;
}

function enrolmentBase(db: Kdb, actor: Actor, q: Omit<EnrolmentQuery, 'page' | 'pageSize'>) {
  let s = db.selectFrom('mutual_aid_enrolments as e')
    .innerJoin('persons as pe', 'pe.id', 'e.person_id')
    .innerJoin('mutual_aid_plans as p', 'p.id', 'e.plan_id')
    .where(orgIdInScope(actor, 'e.org_id'));
  if (q.planId) s = s.where('e.plan_id', '=', q.planId);
  if (q.status) s = s.where('e.status', '=', q.status);
  if (q.orgPath) s = s.where('e.org_id', 'in', (eb) => eb.selectFrom('orgs').select('id').where('path', 'like', `${q.orgPath}%`));
  if (q.q) s = s.where('pe.name', 'like', `%${q.q}%`);
  return s;
}

export async function listEnrolments(db: Kdb, actor: Actor, q: EnrolmentQuery) {
  const base = enrolmentBase(db, actor, q);
  const [items, total] = await Promise.all([
    base.select([
      'e.id', 'e.plan_id', 'e.person_id', 'e.org_id', 'e.enrolled_on', 'e.premium_fen', 'e.status', 'e.cancelled_on', 'e.cancel_reason',
      'pe.name as person_name', 'pe.id_masked', 'p.name as plan_name', 'p.year', 'p.waiting_days',
      sql<string>`(select o.name from orgs o where o.id = e.org_id)`.as('org_name'),
    ]).orderBy('e.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow().then((r) => r.n),
  ]);
  return { items, total };
}

export function findEnrolment(db: Kdb, id: number) {
  return db.selectFrom('mutual_aid_enrolments as e').innerJoin('orgs as o', 'o.id', 'e.org_id')
    .selectAll('e').select(['o.path as org_path']).where('e.id', '=', id).executeTakeFirst();
}

export function activeEnrolment(db: Kdb, planId: number, personId: number) {
  return db.selectFrom('mutual_aid_enrolments').selectAll().where('plan_id', '=', planId).where('person_id', '=', personId).where('status', '=', 'active').executeTakeFirst();
}

/** Locks the enrolment row: claims of one person under one plan are approved one at a time. */
export function lockEnrolment(tx: Kdb, id: number) {
  return tx.selectFrom('mutual_aid_enrolments').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

/**
 * Enrols every current (在会) member of the subtree in one statement; people already
 * enrolled are skipped by the partial unique index. Returns the new rows' person ids count.
 */
export async function enrolSubtree(tx: Kdb, input: { planId: number; orgPath: string; enterpriseId?: number; enrolledOn: string; premiumFen: number; userId: number | null }) {
  const enterprise = input.enterpriseId ? sql`and m.enterprise_id = ${input.enterpriseId}` : sql``;
  const r = await sql<{ id: number }>`
    insert into mutual_aid_enrolments (plan_id, person_id, org_id, enterprise_id, enrolled_on, premium_fen, created_by)
    select ${input.planId}, m.person_id, m.org_id, m.enterprise_id, ${input.enrolledOn}::date, ${input.premiumFen}, ${input.userId}
    from memberships m
    where m.status = 'active' ${enterprise}
      and m.org_id in (select id from orgs where path like ${input.orgPath + '%'})
    on conflict (plan_id, person_id) where status = 'active' do nothing
    returning id`.execute(tx);
  return r.rows.length;
}

export async function countCurrentMembers(db: Kdb, orgPath: string, enterpriseId?: number): Promise<number> {
  let s = db.selectFrom('memberships as m').select(sql<number>`count(*)::int`.as('n')).where('m.status', '=', 'active')
    .where('m.org_id', 'in', (eb) => eb.selectFrom('orgs').select('id').where('path', 'like', `${orgPath}%`));
  if (enterpriseId) s = s.where('m.enterprise_id', '=', enterpriseId);
  return (await s.executeTakeFirstOrThrow()).n;
}

export function openClaimCount(db: Kdb, enrolmentId: number) {
  return db.selectFrom('mutual_aid_claims as c').innerJoin('applications as a', 'a.id', 'c.application_id')
    .select(sql<number>`count(*)::int`.as('n')).where('c.enrolment_id', '=', enrolmentId).where('a.status', 'in', ['in_review', 'returned'])
    .executeTakeFirstOrThrow().then((r) => r.n);
}

/** Enrolments of one person, with the plan and what the person already received under it. */
export function personEnrolments(db: Kdb, personId: number) {
  return db.selectFrom('mutual_aid_enrolments as e').innerJoin('mutual_aid_plans as p', 'p.id', 'e.plan_id')
    .selectAll('p')
    .select(['e.id as enrolment_id', 'e.enrolled_on', 'e.status as enrolment_status', 'e.org_id as enrolment_org_id'])
    .where('e.person_id', '=', personId).where('e.status', '=', 'active')
    .orderBy('p.year', 'desc').orderBy('p.id').execute();
}

// ---- claims ----

/** What this person's approved/paid claims under the plan already took (excluding one claim). */
export async function priorUse(db: Kdb, planId: number, personId: number, exceptApplicationId?: number) {
  let s = db.selectFrom('mutual_aid_claims as c').innerJoin('applications as a', 'a.id', 'c.application_id')
    .select([
      sql<number>`coalesce(sum(a.approved_fen), 0)::bigint`.as('received'),
      sql<number>`coalesce(sum(c.deductible_applied_fen), 0)::bigint`.as('deductible_used'),
    ])
    .where('c.plan_id', '=', planId).where('c.person_id', '=', personId).where('a.status', 'in', ['approved', 'paid']);
  if (exceptApplicationId) s = s.where('c.application_id', '<>', exceptApplicationId);
  const r = await s.executeTakeFirstOrThrow();
  return { receivedFen: Number(r.received), deductibleUsedFen: Number(r.deductible_used) };
}

export function findClaim(db: Kdb, applicationId: number) {
  return db.selectFrom('mutual_aid_claims').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
}

export function claimBills(db: Kdb, applicationId: number) {
  return db.selectFrom('mutual_aid_claim_bills').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute();
}

export interface ClaimQuery {
  planId?: number;
  year?: number;
  status?: ApplicationStatus;
  orgPath?: string;
  /** the town-level organisation id (second segment of the path) for figures' drill-down */
  townId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

function claimBase(db: Kdb, actor: Actor, q: Omit<ClaimQuery, 'page' | 'pageSize'>) {
  let s = db.selectFrom('mutual_aid_claims as c')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .innerJoin('mutual_aid_plans as p', 'p.id', 'c.plan_id')
    .innerJoin('persons as pe', 'pe.id', 'c.person_id')
    .innerJoin('orgs as o', 'o.id', 'a.org_id');
  s = actor.role === 'member' ? s.where('c.person_id', '=', actor.personId ?? -1) : s.where(orgIdInScope(actor, 'a.org_id'));
  if (q.planId) s = s.where('c.plan_id', '=', q.planId);
  if (q.year) s = s.where('p.year', '=', q.year);
  if (q.status) s = s.where('a.status', '=', q.status);
  if (q.orgPath) s = s.where('o.path', 'like', `${q.orgPath}%`);
  if (q.townId) s = s.where(sql<boolean>`split_part(o.path, '/', 3) = ${String(q.townId)}`);
  if (q.q) s = s.where('pe.name', 'like', `%${q.q}%`);
  return s;
}

export async function listClaims(db: Kdb, actor: Actor, q: ClaimQuery) {
  const base = claimBase(db, actor, q);
  const [items, total] = await Promise.all([
    base.select([
      'a.id', 'a.status', 'a.amount_fen', 'a.approved_fen', 'a.submitted_at', 'a.decided_at', 'a.paid_at', 'a.current_step', 'a.steps',
      'c.plan_id', 'p.name as plan_name', 'p.year', 'c.person_id', 'pe.name as person_name', 'a.org_id', 'o.name as org_name', 'c.diagnosis',
    ]).orderBy('a.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow().then((r) => r.n),
  ]);
  return { items, total };
}

/** Claims by plan and by town (the organisation right under the district on the path). */
export async function claimFigures(db: Kdb, actor: Actor, year: number) {
  const base = () => claimBase(db, actor, { year }).where('a.status', '<>', 'withdrawn');
  const measures = [
    sql<number>`count(*)::int`.as('claims'),
    sql<number>`(count(*) filter (where a.status in ('approved', 'paid')))::int`.as('approved'),
    sql<number>`coalesce(sum(a.amount_fen), 0)::bigint`.as('requested_fen'),
    sql<number>`coalesce(sum(a.approved_fen) filter (where a.status in ('approved', 'paid')), 0)::bigint`.as('approved_fen'),
    sql<number>`coalesce(sum(a.approved_fen) filter (where a.status = 'paid'), 0)::bigint`.as('paid_fen'),
  ] as const;
  const town = sql<number | null>`nullif(split_part(o.path, '/', 3), '')::int`;
  const [byPlan, towns] = await Promise.all([
    base().select(['c.plan_id as key', 'p.name as name', ...measures]).groupBy(['c.plan_id', 'p.name']).orderBy('c.plan_id').execute(),
    base().select([town.as('key'), ...measures]).groupBy(town).execute(),
  ]);
  const ids = towns.map((r) => r.key).filter((k): k is number => k !== null);
  const names = new Map((ids.length ? await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute() : []).map((o) => [o.id, o.name]));
  const byTown = towns.map((r) => ({ ...r, name: r.key === null ? null : names.get(r.key) ?? null })).sort((a, b) => b.claims - a.claims);
  return { byPlan, byTown };
}
