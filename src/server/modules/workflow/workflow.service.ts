import { sql } from 'kysely';
import type { Updateable } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import type { ApplicationsTable } from '../../db/tables/workflow.js';
import type { FieldCipher } from '../../security/field-cipher.js';
import { inTransaction, type AppContext } from '../../context.js';
import { can, type Actor } from '../../access/actor.js';
import { pathInScope } from '../../access/scope.js';
import { AppError, Errors } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { notify, usersActingFor } from '../notifications/notifications.service.js';
import { currentMembershipOf } from '../members/members.service.js';
import { actsFor, resolveSteps } from './workflow.steps.js';
import { applicationType, checkSteps, type ApplicationRow, type ApplicationTypeDef, type ResolvedStep, type StepDef } from './workflow.types.js';

/**
 * The one review workflow: apply → review up the organisation tree → approve / return /
 * reject → pay. A state machine enforced here and nowhere else; modules keep their own
 * detail rows keyed by application id and declare their steps with registerApplicationType.
 */
export { registerApplicationType } from './workflow.types.js';
export type { ApplicationRow, ApplicationTypeDef, StepDef };

export const STATUS_NAMES = {
  in_review: { zh: '审批中', en: 'In review' },
  returned: { zh: '已退回修改', en: 'Returned for changes' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '未批准', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  paid: { zh: '已发放', en: 'Paid' },
} as const;

export interface SubmitInput {
  type: string;
  orgId: number;
  personId?: number | null;
  title: string;
  amountFen?: number | null;
  periodKey?: string | null;
  payee?: { name: string; account: string } | null;
}

const DAY_MS = 86_400_000;

function dueAt(step: ResolvedStep): Date {
  return new Date(Date.now() + step.dueDays * DAY_MS);
}

function maskAccount(account: string): string {
  const a = account.replace(/\s+/g, '');
  return a.length <= 8 ? '****' : `${a.slice(0, 4)} **** **** ${a.slice(-4)}`;
}

/** The type's effective steps: the district's stored configuration, else what the module declared. */
export async function effectiveSteps(db: Kdb, def: ApplicationTypeDef): Promise<StepDef[]> {
  const row = await db.selectFrom('workflow_type_config').select('steps').where('type', '=', def.type).executeTakeFirst();
  return row ? (row.steps as StepDef[]) : def.steps;
}

async function currentOrgOfPerson(tx: Kdb, personId: number): Promise<number | undefined> {
  return (await currentMembershipOf(tx, personId))?.org_id;
}

async function event(tx: Kdb, actor: Actor, app: Pick<ApplicationRow, 'id' | 'steps'>, e: { action: 'submit' | 'approve' | 'return' | 'reject' | 'resubmit' | 'withdraw' | 'pay'; step: number | null; comment?: string | null; from: string | null; to: string }) {
  const step = e.step !== null ? (app.steps as ResolvedStep[])[e.step] : undefined;
  await tx.insertInto('application_events').values({
    application_id: app.id, action: e.action, step: e.step, step_name: step?.nameZh ?? null, org_id: step?.orgId ?? null,
    user_id: actor.userId || null, user_name: actor.username, comment: e.comment ?? null, from_status: e.from, to_status: e.to,
  }).execute();
}

function reviewLink(def: ApplicationTypeDef, id: number): string {
  return def.consolePath?.(id) ?? `/applications/${id}`;
}

/** Tell the next step's reviewers that something waits for them. */
async function notifyReviewers(tx: Kdb, def: ApplicationTypeDef, app: { id: number; title: string }, step: ResolvedStep) {
  const parent = await tx.selectFrom('orgs').select('parent_id').where('id', '=', step.orgId).executeTakeFirstOrThrow();
  const users = await usersActingFor(tx, { id: step.orgId, parentId: parent.parent_id }, def.reviewPermission ?? 'assist.review');
  await notify(tx, users, { kind: 'workflow.todo', title: `待审批：${def.nameZh}`, body: `${app.title}（${step.nameZh}，${step.dueDays} 天内办理）`, link: reviewLink(def, app.id) });
}

/** Tell the applicant (and the person's own member account) what happened. */
async function notifyApplicant(tx: Kdb, def: ApplicationTypeDef, app: ApplicationRow, title: string, body?: string) {
  const members = app.person_id
    ? (await tx.selectFrom('users').select('id').where('person_id', '=', app.person_id).where('disabled', '=', false).execute()).map((u) => u.id)
    : [];
  if (members.length) await notify(tx, members, { kind: 'workflow.progress', title, body, link: `/m/applications/${app.id}` });
  const others = [app.applicant_user_id].filter((id) => !members.includes(id));
  await notify(tx, others, { kind: 'workflow.progress', title, body, link: reviewLink(def, app.id) });
}

/**
 * File an application inside the caller's transaction (the module has validated and will
 * store its own detail row). Staff file for people in their scope; a member only for
 * themselves, at the union that holds their membership.
 */
export async function submitApplication(tx: Kdb, actor: Actor, input: SubmitInput): Promise<{ id: number }> {
  const def = applicationType(input.type);
  const org = await tx.selectFrom('orgs').select(['id', 'path', 'status', 'type']).where('id', '=', input.orgId).executeTakeFirst();
  if (!org) throw Errors.notFound('组织', 'Organisation');
  if (actor.role === 'member') {
    if (!can(actor, 'assist.apply')) throw Errors.forbidden();
    if (!actor.personId || input.personId !== actor.personId) throw Errors.forbidden('会员只能为本人申请', 'Members may apply only for themselves');
    if ((await currentOrgOfPerson(tx, actor.personId)) !== input.orgId) {
      throw Errors.badRequest('NOT_MEMBER_OF_ORG', '申请须由您会籍所在的工会受理', 'The application must be filed with the union that holds your membership');
    }
  } else {
    if (!can(actor, def.filePermission ?? 'assist.review')) throw Errors.forbidden();
    if (!pathInScope(actor, org.path)) throw Errors.outOfScope();
    if (input.personId && (await currentOrgOfPerson(tx, input.personId)) !== input.orgId) {
      throw Errors.badRequest('NOT_MEMBER_OF_ORG', '申请人的会籍不在该工会，请在其会籍所在工会申请', 'The person is not a member of this union');
    }
  }
  if (org.status !== 'active') throw Errors.badRequest('ORG_CLOSED', '该组织已撤销，不能受理申请', 'This organisation is closed');
  if (input.amountFen != null && (!Number.isSafeInteger(input.amountFen) || input.amountFen < 0)) {
    throw Errors.validation([{ field: 'amountFen', code: 'AMOUNT', message: '金额须为非负整数（分）', messageEn: 'Amount must be a non-negative integer in fen' }]);
  }
  const steps = await resolveSteps(tx, input.orgId, await effectiveSteps(tx, def));
  const row = await tx.insertInto('applications').values({
    type: def.type, org_id: input.orgId, person_id: input.personId ?? null, applicant_user_id: actor.userId, title: input.title.slice(0, 200),
    amount_fen: input.amountFen ?? null, period_key: input.periodKey ?? null, status: 'in_review', current_step: 0, current_org_id: steps[0].orgId,
    steps: JSON.stringify(steps), step_due_at: dueAt(steps[0]),
    payee_name: input.payee?.name ?? null,
    payee_account_enc: input.payee?.account ? ctxlessEncrypt(input.payee.account) : null,
    payee_account_masked: input.payee?.account ? maskAccount(input.payee.account) : null,
    updated_at: new Date(),
  }).returningAll().executeTakeFirstOrThrow();
  await event(tx, actor, row, { action: 'submit', step: 0, from: null, to: 'in_review' });
  await audit(tx, actor, { action: 'application.submit', entity: 'application', entityId: row.id, orgId: input.orgId, after: { type: def.type, title: row.title, amountFen: row.amount_fen, periodKey: row.period_key } });
  await notifyReviewers(tx, def, row, steps[0]);
  return { id: row.id };
}

/*
 * The payee's bank account is encrypted with the platform's field cipher. submitApplication
 * runs inside a module's transaction, which carries no context, so the cipher is handed over
 * once where the context is built (bootstrap, test context).
 */
let accountCipher: FieldCipher | undefined;
export function setWorkflowCipher(cipher: FieldCipher): void {
  accountCipher = cipher;
}
function ctxlessEncrypt(plain: string): string {
  if (!accountCipher) throw new Error('workflow cipher not initialised');
  return accountCipher.encrypt(plain.replace(/\s+/g, ''));
}

/** The full account for the bank file; callers check the permission and audit the export. */
export function decryptPayeeAccount(enc: string): string {
  if (!accountCipher) throw new Error('workflow cipher not initialised');
  return accountCipher.decrypt(enc);
}

async function lockApplication(tx: Kdb, id: number): Promise<ApplicationRow> {
  const app = await tx.selectFrom('applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!app) throw Errors.notFound('申请', 'Application');
  return app;
}

function wrongState(app: ApplicationRow): AppError {
  const s = STATUS_NAMES[app.status];
  return Errors.conflict('WRONG_STATE', `该申请当前为“${s.zh}”，不能执行此操作（可能已被他人处理，请刷新）`, `The application is ${s.en.toLowerCase()}; refresh and try again`);
}

function isApplicantOf(actor: Actor, app: ApplicationRow): boolean {
  return app.applicant_user_id === actor.userId || (actor.personId !== null && actor.personId === app.person_id);
}

/** A district user's step decision would otherwise be refused without saying why. */
function notYourStep(step: ResolvedStep): AppError {
  return Errors.forbidden(`当前环节由“${step.orgName}”审批，您不能代为办理`, `This step is reviewed by ${step.orgName}`);
}

export interface Decision {
  action: 'approve' | 'return' | 'reject';
  comment?: string | null;
  /** the amount granted; by default what was applied for */
  approvedFen?: number | null;
}

const DUPLICATE = 'applications_once_per_period';

export async function decide(ctx: AppContext, actor: Actor, id: number, d: Decision): Promise<{ status: string; currentStep: number }> {
  const comment = d.comment?.trim() || null;
  if (d.action !== 'approve' && !comment) {
    throw Errors.validation([{ field: 'comment', code: 'REQUIRED', message: d.action === 'return' ? '退回时请写明需要修改的内容' : '不予批准时请写明理由', messageEn: 'Give a reason' }]);
  }
  if (d.approvedFen != null && (!Number.isSafeInteger(d.approvedFen) || d.approvedFen < 0)) {
    throw Errors.validation([{ field: 'approvedFen', code: 'AMOUNT', message: '核定金额须为非负整数（分）', messageEn: 'Approved amount must be a non-negative integer in fen' }]);
  }
  try {
    return await inTransaction(ctx, async (tx) => {
      const app = await lockApplication(tx, id);
      const def = applicationType(app.type);
      if (!can(actor, def.reviewPermission ?? 'assist.review')) throw Errors.forbidden();
      if (app.status !== 'in_review') throw wrongState(app);
      const steps = app.steps as ResolvedStep[];
      const step = steps[app.current_step];
      if (!actsFor(actor, step)) {
        const visible = (await tx.selectFrom('orgs').select('path').where('id', '=', app.org_id).executeTakeFirstOrThrow()).path;
        if (!pathInScope(actor, visible)) throw Errors.outOfScope();
        throw notYourStep(step);
      }
      if (isApplicantOf(actor, app)) throw Errors.forbidden('不能审批自己提交或本人的申请', 'You cannot review an application you submitted or your own');
      if (d.approvedFen != null && app.amount_fen != null && d.approvedFen > app.amount_fen) {
        throw Errors.validation([{ field: 'approvedFen', code: 'AMOUNT_ABOVE_REQUEST', message: '核定金额不能高于申请金额', messageEn: 'Cannot approve more than requested' }]);
      }
      const last = app.current_step === steps.length - 1;
      const approvedFen = d.approvedFen ?? app.approved_fen ?? app.amount_fen;
      let next: Updateable<ApplicationsTable> & { status: ApplicationRow['status'] };
      if (d.action === 'approve' && !last) {
        const n = steps[app.current_step + 1];
        next = { status: 'in_review', current_step: app.current_step + 1, current_org_id: n.orgId, step_due_at: dueAt(n), approved_fen: approvedFen };
      } else if (d.action === 'approve') {
        next = { status: 'approved', current_org_id: null, step_due_at: null, decided_at: new Date(), approved_fen: approvedFen };
      } else if (d.action === 'return') {
        next = { status: 'returned', current_org_id: null, step_due_at: null };
      } else {
        next = { status: 'rejected', current_org_id: null, step_due_at: null, decided_at: new Date() };
      }
      const updated = await tx.updateTable('applications').set({ ...next, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await event(tx, actor, app, { action: d.action, step: app.current_step, comment, from: app.status, to: updated.status });
      await audit(tx, actor, { action: `application.${d.action}`, entity: 'application', entityId: id, orgId: step.orgId, before: { status: app.status, step: app.current_step }, after: { status: updated.status, step: updated.current_step, approvedFen: updated.approved_fen }, detail: { comment } });
      if (updated.status === 'approved') await def.onApproved?.(tx, updated);
      if (updated.status === 'in_review') await notifyReviewers(tx, def, updated, steps[updated.current_step]);
      const verdict = { approved: '已批准', returned: '被退回，请修改后重新提交', rejected: '未获批准' } as Record<string, string>;
      if (verdict[updated.status]) await notifyApplicant(tx, def, updated, `您的“${def.nameZh}”申请${verdict[updated.status]}`, comment ?? undefined);
      return { status: updated.status, currentStep: updated.current_step };
    });
  } catch (err) {
    if ((err as { code?: string; constraint?: string }).code === '23505' && String((err as Error).message).includes(DUPLICATE)) {
      throw Errors.conflict('DUPLICATE_PAYMENT', '此人在本期已获批同类救助，同一类型每期只能批准一次', 'This person already has an approved application of this type for this period');
    }
    throw err;
  }
}

/** After the module saved the corrections: back to the first step, with the current step plan. */
export async function resubmitApplication(tx: Kdb, actor: Actor, id: number, changes: { title?: string; amountFen?: number | null } = {}): Promise<void> {
  const app = await lockApplication(tx, id);
  const def = applicationType(app.type);
  if (!isApplicantOf(actor, app)) throw Errors.forbidden('只有申请人可以重新提交', 'Only the applicant may resubmit');
  if (app.status !== 'returned') throw wrongState(app);
  const steps = await resolveSteps(tx, app.org_id, await effectiveSteps(tx, def));
  const updated = await tx.updateTable('applications').set({
    status: 'in_review', current_step: 0, current_org_id: steps[0].orgId, steps: JSON.stringify(steps), step_due_at: dueAt(steps[0]),
    approved_fen: null, title: changes.title?.slice(0, 200) ?? app.title, amount_fen: changes.amountFen === undefined ? app.amount_fen : changes.amountFen,
    updated_at: new Date(),
  }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await event(tx, actor, updated, { action: 'resubmit', step: 0, from: 'returned', to: 'in_review' });
  await audit(tx, actor, { action: 'application.resubmit', entity: 'application', entityId: id, orgId: app.org_id });
  await notifyReviewers(tx, def, updated, steps[0]);
}

/** The applicant may load their application for correction only while it is returned. */
export async function assertCorrectable(tx: Kdb, actor: Actor, id: number): Promise<ApplicationRow> {
  const app = await lockApplication(tx, id);
  if (!isApplicantOf(actor, app)) throw Errors.forbidden('只有申请人可以修改', 'Only the applicant may change it');
  if (app.status !== 'returned') throw wrongState(app);
  return app;
}

export async function withdraw(ctx: AppContext, actor: Actor, id: number, reason?: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const app = await lockApplication(tx, id);
    if (!isApplicantOf(actor, app)) throw Errors.forbidden('只有申请人可以撤回', 'Only the applicant may withdraw');
    if (app.status !== 'in_review' && app.status !== 'returned') throw wrongState(app);
    await tx.updateTable('applications').set({ status: 'withdrawn', current_org_id: null, step_due_at: null, decided_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
    await event(tx, actor, app, { action: 'withdraw', step: null, comment: reason ?? null, from: app.status, to: 'withdrawn' });
    await audit(tx, actor, { action: 'application.withdraw', entity: 'application', entityId: id, orgId: app.org_id });
  });
}

/** Approved → paid, for a payment batch (inside the batch's transaction). */
export async function markPaid(tx: Kdb, actor: Actor, ids: readonly number[], batchId: number): Promise<void> {
  for (const id of ids) {
    const app = await lockApplication(tx, id);
    if (app.status !== 'approved') throw wrongState(app);
    const def = applicationType(app.type);
    const updated = await tx.updateTable('applications').set({ status: 'paid', paid_at: new Date(), payment_batch_id: batchId, updated_at: new Date() })
      .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await event(tx, actor, app, { action: 'pay', step: null, from: 'approved', to: 'paid' });
    await def.onPaid?.(tx, updated);
    const yuan = ((updated.approved_fen ?? 0) / 100).toFixed(2);
    await notifyApplicant(tx, def, updated, `您的“${def.nameZh}”已发放`, `金额 ${yuan} 元`);
  }
  if (ids.length) await audit(tx, actor, { action: 'application.pay', entity: 'payment_batch', entityId: batchId, detail: { applications: ids.length } });
}

export async function setTypeSteps(ctx: AppContext, actor: Actor, type: string, steps: StepDef[]): Promise<StepDef[]> {
  if (!can(actor, 'assist.manage')) throw Errors.forbidden();
  const def = applicationType(type);
  checkSteps(steps);
  return inTransaction(ctx, async (tx) => {
    const before = await effectiveSteps(tx, def);
    await tx.insertInto('workflow_type_config').values({ type, steps: JSON.stringify(steps), updated_by: actor.userId })
      .onConflict((oc) => oc.column('type').doUpdateSet({ steps: JSON.stringify(steps), updated_by: actor.userId, updated_at: sql`now()` }))
      .execute();
    await audit(tx, actor, { action: 'workflow.steps', entity: 'workflow_type', entityId: type, before, after: steps });
    return steps;
  });
}
