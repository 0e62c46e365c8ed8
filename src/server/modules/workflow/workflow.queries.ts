import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Kdb } from '../../db/connection.js';
import { can, type Actor } from '../../access/actor.js';
import { orgIdInScope, pathInScope } from '../../access/scope.js';
import { Errors } from '../../http/errors.js';
import { actsFor } from './workflow.steps.js';
import { allApplicationTypes, applicationType, LEVEL_NAMES, type ApplicationRow, type ResolvedStep } from './workflow.types.js';
import { effectiveSteps, STATUS_NAMES } from './workflow.service.js';

type StepState = 'done' | 'current' | 'pending' | 'returned' | 'rejected';

function stepState(app: ApplicationRow, i: number): StepState {
  if (app.status === 'approved' || app.status === 'paid') return 'done';
  if (i < app.current_step) return 'done';
  if (i > app.current_step) return 'pending';
  if (app.status === 'returned') return 'returned';
  if (app.status === 'rejected') return 'rejected';
  return app.status === 'in_review' ? 'current' : 'pending';
}

/** Whether the actor may see this application: its applicant, the person, or staff whose scope holds the filing union. */
export async function canReadApplication(ctx: AppContext | { db: Kdb }, actor: Actor, app: Pick<ApplicationRow, 'type' | 'org_id' | 'person_id' | 'applicant_user_id'>): Promise<boolean> {
  if (app.applicant_user_id === actor.userId) return true;
  if (actor.personId !== null && actor.personId === app.person_id) return true;
  if (actor.role === 'member') return false;
  const def = applicationType(app.type);
  if (!can(actor, def.readPermission ?? 'assist.read')) return false;
  const org = await ctx.db.selectFrom('orgs').select('path').where('id', '=', app.org_id).executeTakeFirst();
  return !!org && pathInScope(actor, org.path);
}

export async function loadReadableApplication(ctx: AppContext, actor: Actor, id: number): Promise<ApplicationRow> {
  const app = await ctx.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!app) throw Errors.notFound('申请', 'Application');
  if (!(await canReadApplication(ctx, actor, app))) throw actor.role === 'member' ? Errors.forbidden() : Errors.outOfScope();
  return app;
}

function iso(d: Date | string | null): string | null {
  return d ? new Date(d).toISOString() : null;
}

/** The application as every page shows it: steps with their state and the full history. */
export async function getApplicationView(ctx: AppContext, actor: Actor, id: number) {
  const app = await loadReadableApplication(ctx, actor, id);
  const def = applicationType(app.type);
  const [names, events] = await Promise.all([
    ctx.db.selectFrom('orgs').leftJoin('persons', (j) => j.on('persons.id', '=', sql.lit(app.person_id ?? -1)))
      .select(['orgs.name as org_name', 'persons.name as person_name']).where('orgs.id', '=', app.org_id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('application_events').selectAll().where('application_id', '=', id).orderBy('id').execute(),
  ]);
  // Decisions since the last (re)submission belong to the current round of steps.
  const lastStart = events.reduce((at, e, i) => (e.action === 'submit' || e.action === 'resubmit' ? i : at), 0);
  const round = events.slice(lastStart);
  const steps = (app.steps as ResolvedStep[]).map((s, i) => {
    const decision = round.filter((e) => e.step === i && (e.action === 'approve' || e.action === 'return' || e.action === 'reject')).pop();
    return {
      index: i, key: s.key, name: s.nameZh, nameEn: s.nameEn, level: s.level, levelName: LEVEL_NAMES[s.level].zh, orgId: s.orgId, orgName: s.orgName,
      state: stepState(app, i), decidedBy: decision?.user_name ?? null, decidedAt: iso(decision?.at ?? null), comment: decision?.comment ?? null,
      dueAt: i === app.current_step && app.status === 'in_review' ? iso(app.step_due_at) : null,
    };
  });
  const current = app.status === 'in_review' ? (app.steps as ResolvedStep[])[app.current_step] : undefined;
  return {
    id: app.id, type: app.type, typeName: def.nameZh, typeNameEn: def.nameEn, status: app.status, statusName: STATUS_NAMES[app.status].zh, statusNameEn: STATUS_NAMES[app.status].en,
    title: app.title, orgId: app.org_id, orgName: names.org_name, personId: app.person_id, personName: names.person_name ?? null,
    amountFen: app.amount_fen, approvedFen: app.approved_fen, periodKey: app.period_key,
    submittedAt: iso(app.submitted_at), decidedAt: iso(app.decided_at), paidAt: iso(app.paid_at), paymentBatchId: app.payment_batch_id,
    payeeName: app.payee_name, payeeAccount: app.payee_account_masked,
    steps, currentStep: app.current_step,
    canDecide: !!current && actsFor(actor, current) && can(actor, def.reviewPermission ?? 'assist.review') && app.applicant_user_id !== actor.userId && !(actor.personId !== null && actor.personId === app.person_id),
    canResubmit: app.status === 'returned' && (app.applicant_user_id === actor.userId || (actor.personId !== null && actor.personId === app.person_id)),
    canWithdraw: (app.status === 'in_review' || app.status === 'returned') && (app.applicant_user_id === actor.userId || (actor.personId !== null && actor.personId === app.person_id)),
    consolePath: def.consolePath?.(app.id) ?? null,
    events: events.map((e) => ({ id: e.id, at: iso(e.at), action: e.action, step: e.step, stepName: e.step_name, userName: e.user_name, comment: e.comment, fromStatus: e.from_status, toStatus: e.to_status })),
  };
}
export type ApplicationView = Awaited<ReturnType<typeof getApplicationView>>;

export interface ApplicationFilter {
  type?: string;
  /** e.g. 'aid.' lists every aid type */
  typePrefix?: string;
  status?: ApplicationRow['status'];
  orgId?: number;
  q?: string;
  mine?: boolean;
  limit: number;
  offset: number;
}

/** Lists: one's own applications, or (staff) every application filed in the scope. */
export async function listApplications(ctx: AppContext, actor: Actor, f: ApplicationFilter) {
  let q = ctx.db.selectFrom('applications as a').innerJoin('orgs as o', 'o.id', 'a.org_id').leftJoin('persons as p', 'p.id', 'a.person_id');
  if (f.mine || actor.role === 'member') {
    q = q.where((eb) => eb.or([eb('a.applicant_user_id', '=', actor.userId), eb('a.person_id', '=', actor.personId ?? -1)]));
  } else {
    if (!can(actor, 'assist.read') && !can(actor, 'assist.review')) throw Errors.forbidden();
    q = q.where(orgIdInScope(actor, 'a.org_id'));
  }
  if (f.type) q = q.where('a.type', '=', f.type);
  if (f.typePrefix) q = q.where('a.type', 'like', `${f.typePrefix.replace(/[%_]/g, '')}%`);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.orgId) {
    const org = await ctx.db.selectFrom('orgs').select('path').where('id', '=', f.orgId).executeTakeFirst();
    if (!org) throw Errors.notFound('组织', 'Organisation');
    q = q.where('o.path', 'like', `${org.path}%`);
  }
  if (f.q?.trim()) q = q.where((eb) => eb.or([eb('a.title', 'like', `%${f.q!.trim()}%`), eb('p.name', '=', f.q!.trim())]));
  const [rows, total] = await Promise.all([
    q.select(['a.id', 'a.type', 'a.title', 'a.status', 'a.amount_fen', 'a.approved_fen', 'a.period_key', 'a.submitted_at', 'a.step_due_at', 'a.current_step', 'a.steps', 'o.name as org_name', 'p.name as person_name'])
      .orderBy('a.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: total.n, items: rows.map((r) => rowView(r)) };
}

function rowView(r: { id: number; type: string; title: string; status: ApplicationRow['status']; amount_fen: number | null; approved_fen: number | null; period_key: string | null; submitted_at: Date; step_due_at: Date | null; current_step: number; steps: unknown; org_name: string; person_name: string | null }) {
  const def = applicationType(r.type);
  const step = r.status === 'in_review' ? (r.steps as ResolvedStep[])[r.current_step] : undefined;
  return {
    id: r.id, type: r.type, typeName: def.nameZh, title: r.title, status: r.status, statusName: STATUS_NAMES[r.status].zh,
    orgName: r.org_name, personName: r.person_name, amountFen: r.amount_fen, approvedFen: r.approved_fen, periodKey: r.period_key,
    submittedAt: iso(r.submitted_at), currentStepName: step ? `${step.orgName} · ${step.nameZh}` : null, dueAt: iso(r.step_due_at),
    overdue: !!r.step_due_at && new Date(r.step_due_at).getTime() < Date.now(), consolePath: def.consolePath?.(r.id) ?? null,
  };
}

/** The organisation the actor reviews for (their own; district users the root). */
async function actingOrgId(ctx: AppContext, actor: Actor): Promise<number | null> {
  if (actor.orgId !== null) return actor.orgId;
  if (actor.role !== 'district_admin') return null;
  const root = await ctx.db.selectFrom('orgs').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
  return root?.id ?? null;
}

/** 待我审批: applications whose current step is the actor's organisation. */
export async function reviewQueue(ctx: AppContext, actor: Actor, f: { type?: string; typePrefix?: string; limit: number; offset: number }) {
  if (!can(actor, 'assist.review')) throw Errors.forbidden();
  const orgId = await actingOrgId(ctx, actor);
  let q = ctx.db.selectFrom('applications as a').innerJoin('orgs as o', 'o.id', 'a.org_id').leftJoin('persons as p', 'p.id', 'a.person_id')
    .where('a.status', '=', 'in_review').where('a.current_org_id', '=', orgId ?? -1)
    // Nobody reviews what they filed: those wait for a colleague and are not "mine to do".
    .where('a.applicant_user_id', '<>', actor.userId);
  if (f.type) q = q.where('a.type', '=', f.type);
  if (f.typePrefix) q = q.where('a.type', 'like', `${f.typePrefix.replace(/[%_]/g, '')}%`);
  const [rows, total] = await Promise.all([
    q.select(['a.id', 'a.type', 'a.title', 'a.status', 'a.amount_fen', 'a.approved_fen', 'a.period_key', 'a.submitted_at', 'a.step_due_at', 'a.current_step', 'a.steps', 'o.name as org_name', 'p.name as person_name'])
      .orderBy('a.step_due_at').orderBy('a.id').limit(f.limit).offset(f.offset).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: total.n, items: rows.map(rowView) };
}

/** Steps past their deadline anywhere in the actor's scope, oldest first. */
export async function overdueList(ctx: AppContext, actor: Actor, f: { limit: number; offset: number }) {
  if (!can(actor, 'assist.read')) throw Errors.forbidden();
  const q = ctx.db.selectFrom('applications as a').innerJoin('orgs as o', 'o.id', 'a.org_id').leftJoin('persons as p', 'p.id', 'a.person_id')
    .where('a.status', '=', 'in_review').where('a.step_due_at', '<', new Date()).where(orgIdInScope(actor, 'a.org_id'));
  const [rows, total] = await Promise.all([
    q.select(['a.id', 'a.type', 'a.title', 'a.status', 'a.amount_fen', 'a.approved_fen', 'a.period_key', 'a.submitted_at', 'a.step_due_at', 'a.current_step', 'a.steps', 'o.name as org_name', 'p.name as person_name'])
      .orderBy('a.step_due_at').limit(f.limit).offset(f.offset).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: total.n, items: rows.map(rowView) };
}

export async function listTypes(ctx: AppContext, actor: Actor) {
  if (actor.role === 'member') throw Errors.forbidden();
  return Promise.all(allApplicationTypes().map(async (d) => ({
    type: d.type, name: d.nameZh, nameEn: d.nameEn, declared: d.steps, steps: await effectiveSteps(ctx.db, d),
  })));
}
