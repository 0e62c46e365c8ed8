import type { AppContext } from '../../context.js';
import { currentMembershipOf } from '../members/members.service.js';
import { inTransaction } from '../../context.js';
import type { Kdb } from '../../db/connection.js';
import { can, require, systemActor, type Actor } from '../../access/actor.js';
import { assertPathInScope } from '../../access/scope.js';
import { Errors, type ErrorDetail } from '../../http/errors.js';
import { todayInShanghai } from '../../../shared/dates.js';
import { computeClaim, type BillInput, type ClaimCalc, type PlanRules } from '../../../shared/mutual-aid/reimbursement.js';
import type { PlanKind } from '../../db/tables/mutual-aid.js';
import { audit } from '../audit/audit.service.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { linkAttachments, listAttachments, registerAttachmentOwner } from '../attachments/attachments.service.js';
import { getApplicationView } from '../workflow/workflow.queries.js';
import { assertCorrectable, registerApplicationType, resubmitApplication, submitApplication, type ApplicationRow } from '../workflow/workflow.service.js';
import * as repo from './mutual-aid.repo.js';
import { CLAIM_TYPE, type PlanRow } from './mutual-aid.repo.js';

export { CLAIM_TYPE };
export const ATTACHMENT_OWNER = 'mutual_aid_claim';

export const PLAN_KIND_NAMES: Record<PlanKind, { zh: string; en: string }> = {
  hospital: { zh: '住院医疗', en: 'Hospitalisation' },
  critical_illness: { zh: '重大疾病', en: 'Critical illness' },
  accident: { zh: '意外伤害', en: 'Accident' },
  female_special: { zh: '女职工特殊疾病', en: "Women's special illness" },
  other: { zh: '其他', en: 'Other' },
};

// ---- plans ----

export interface PlanInput {
  year: number;
  name: string;
  kind: PlanKind;
  premiumFen: number;
  deductibleFen: number;
  deductibleBasis: 'per_claim' | 'per_year';
  ratioBp: number;
  capPerClaimFen: number | null;
  capPerYearFen: number | null;
  waitingDays: number;
  status?: 'open' | 'closed';
  description?: string | null;
}

export function rulesOf(p: PlanRow): PlanRules {
  return {
    deductibleFen: p.deductible_fen, deductibleBasis: p.deductible_basis, ratioBp: p.ratio_bp,
    capPerClaimFen: p.cap_per_claim_fen, capPerYearFen: p.cap_per_year_fen, waitingDays: p.waiting_days,
  };
}

export function presentPlan(p: PlanRow & { enrolled?: number | null }) {
  return {
    id: p.id, year: p.year, name: p.name, kind: p.kind, kindName: PLAN_KIND_NAMES[p.kind]?.zh ?? p.kind,
    premiumFen: p.premium_fen, deductibleFen: p.deductible_fen, deductibleBasis: p.deductible_basis, ratioBp: p.ratio_bp,
    capPerClaimFen: p.cap_per_claim_fen, capPerYearFen: p.cap_per_year_fen, waitingDays: p.waiting_days,
    status: p.status, description: p.description, enrolled: p.enrolled ?? undefined,
  };
}

function checkPlan(input: PlanInput): ErrorDetail[] {
  const d: ErrorDetail[] = [];
  if (!input.name.trim()) d.push({ field: 'name', code: 'REQUIRED', message: '请填写计划名称', messageEn: 'Name is required' });
  if (input.capPerClaimFen !== null && input.capPerYearFen !== null && input.capPerClaimFen > input.capPerYearFen) {
    d.push({ field: 'capPerClaimFen', code: 'CAP_ORDER', message: '每次限额不能高于年度限额', messageEn: 'The cap per claim cannot exceed the yearly cap' });
  }
  return d;
}

export async function listPlans(ctx: AppContext, actor: Actor, q: { year?: number; status?: 'open' | 'closed' }) {
  require(actor, 'assist.read');
  return { items: (await repo.listPlans(ctx.db, q)).map(presentPlan) };
}

async function loadPlan(db: Kdb, id: number): Promise<PlanRow> {
  const p = await repo.findPlan(db, id);
  if (!p) throw Errors.notFound('保障计划', 'Plan');
  return p;
}

export async function getPlan(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'assist.read');
  return presentPlan(await loadPlan(ctx.db, id));
}

async function assertNameFree(tx: Kdb, year: number, name: string, exceptId?: number) {
  let q = tx.selectFrom('mutual_aid_plans').select('id').where('year', '=', year).where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) {
    throw Errors.conflict('DUPLICATE_NAME', `${year} 年已有名为“${name}”的计划`, 'A plan with this name exists for the year', [{ field: 'name', code: 'DUPLICATE', message: '同年计划名称重复', messageEn: 'Duplicate name' }]);
  }
}

export async function createPlan(ctx: AppContext, actor: Actor, input: PlanInput) {
  require(actor, 'assist.manage');
  const details = checkPlan(input);
  if (details.length) throw Errors.validation(details);
  return inTransaction(ctx, async (tx) => {
    await assertNameFree(tx, input.year, input.name.trim());
    const row = await tx.insertInto('mutual_aid_plans').values({
      year: input.year, name: input.name.trim(), kind: input.kind, premium_fen: input.premiumFen, deductible_fen: input.deductibleFen,
      deductible_basis: input.deductibleBasis, ratio_bp: input.ratioBp, cap_per_claim_fen: input.capPerClaimFen, cap_per_year_fen: input.capPerYearFen,
      waiting_days: input.waitingDays, status: input.status ?? 'open', description: input.description ?? null, updated_at: new Date(),
    }).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'mutual_aid.plan.create', entity: 'mutual_aid_plan', entityId: row.id, after: presentPlan(row) });
    return presentPlan(row);
  });
}

const RULE_FIELDS = ['premiumFen', 'deductibleFen', 'deductibleBasis', 'ratioBp', 'capPerClaimFen', 'capPerYearFen', 'waitingDays', 'year'] as const;

/** Rules are frozen once a claim exists: claims already computed must stay explainable. */
export async function updatePlan(ctx: AppContext, actor: Actor, id: number, input: Partial<PlanInput>) {
  require(actor, 'assist.manage');
  return inTransaction(ctx, async (tx) => {
    const before = await loadPlan(tx, id);
    const cur = presentPlan(before);
    const merged: PlanInput = { ...cur, description: cur.description, ...input } as PlanInput;
    const details = checkPlan(merged);
    if (details.length) throw Errors.validation(details);
    const changesRules = RULE_FIELDS.some((f) => input[f] !== undefined && input[f] !== cur[f]);
    if (changesRules && (await repo.planHasClaims(tx, id))) {
      throw Errors.conflict('PLAN_RULES_FROZEN', '该计划已有报销申请，规则（起付线、比例、限额、等待期、年度、保费）不能再修改；如需调整请新建计划', 'The plan has claims; its rules can no longer change');
    }
    if (merged.name.trim() !== before.name || merged.year !== before.year) await assertNameFree(tx, merged.year, merged.name.trim(), id);
    const row = await tx.updateTable('mutual_aid_plans').set({
      year: merged.year, name: merged.name.trim(), kind: merged.kind, premium_fen: merged.premiumFen, deductible_fen: merged.deductibleFen,
      deductible_basis: merged.deductibleBasis, ratio_bp: merged.ratioBp, cap_per_claim_fen: merged.capPerClaimFen, cap_per_year_fen: merged.capPerYearFen,
      waiting_days: merged.waitingDays, status: merged.status ?? 'open', description: merged.description ?? null, updated_at: new Date(),
    }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'mutual_aid.plan.update', entity: 'mutual_aid_plan', entityId: id, before: cur, after: presentPlan(row) });
    return presentPlan(row);
  });
}

// ---- enrolments ----

/** Enrolment for a plan year may be made in that year or the year before (enrolment campaigns run in December). */
function checkEnrolDate(plan: PlanRow, enrolledOn: string): void {
  const y = Number(enrolledOn.slice(0, 4));
  if (y !== plan.year && y !== plan.year - 1) {
    throw Errors.validation([{ field: 'enrolledOn', code: 'ENROL_DATE', message: `参保日期须在 ${plan.year - 1}–${plan.year} 年内`, messageEn: `The enrolment date must fall in ${plan.year - 1}–${plan.year}` }]);
  }
}

async function openPlan(db: Kdb, planId: number): Promise<PlanRow> {
  const plan = await loadPlan(db, planId);
  if (plan.status !== 'open') throw Errors.conflict('PLAN_CLOSED', `“${plan.name}”已停止参保`, 'The plan is closed to enrolment');
  return plan;
}

export async function listEnrolments(ctx: AppContext, actor: Actor, q: Omit<repo.EnrolmentQuery, 'orgPath'> & { orgId?: number }) {
  require(actor, 'assist.read');
  const orgPath = q.orgId ? (await loadOrgInScope(ctx, actor, q.orgId)).path : undefined;
  const { items, total } = await repo.listEnrolments(ctx.db, actor, { ...q, orgPath, q: q.q?.trim() || undefined });
  return {
    total, page: q.page, pageSize: q.pageSize,
    items: items.map((r) => ({
      id: r.id, planId: r.plan_id, planName: r.plan_name, year: r.year, personId: r.person_id, personName: r.person_name, idNumberMasked: r.id_masked,
      orgId: r.org_id, orgName: r.org_name, enrolledOn: r.enrolled_on, premiumFen: r.premium_fen, status: r.status,
      statusName: r.status === 'active' ? '参保中' : '已退保', cancelledOn: r.cancelled_on, cancelReason: r.cancel_reason,
    })),
  };
}

export async function enrolPerson(ctx: AppContext, actor: Actor, input: { planId: number; personId: number; enrolledOn?: string }) {
  require(actor, 'assist.review');
  const plan = await openPlan(ctx.db, input.planId);
  const enrolledOn = input.enrolledOn ?? todayInShanghai();
  checkEnrolDate(plan, enrolledOn);
  return inTransaction(ctx, async (tx) => {
    const current = await currentMembershipOf(tx, input.personId);
    const m = current?.status === 'active' ? current : undefined;
    if (!m) throw Errors.badRequest('NOT_ACTIVE_MEMBER', '此人不是在会会员，不能参保', 'Only current members can be enrolled');
    assertPathInScope(actor, m.org_path);
    if (await repo.activeEnrolment(tx, plan.id, input.personId)) {
      throw Errors.conflict('ALREADY_ENROLLED', `此人已参加“${plan.name}”`, 'Already enrolled in this plan');
    }
    const row = await tx.insertInto('mutual_aid_enrolments').values({
      plan_id: plan.id, person_id: input.personId, org_id: m.org_id, enterprise_id: m.enterprise_id, enrolled_on: enrolledOn,
      premium_fen: plan.premium_fen, created_by: actor.userId || null, updated_at: new Date(),
    }).returning(['id']).executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'mutual_aid.enrol', entity: 'mutual_aid_enrolment', entityId: row.id, orgId: m.org_id, after: { planId: plan.id, personId: input.personId, enrolledOn } });
    return { id: row.id };
  });
}

/** All current members of a union (its subtree), optionally of one enterprise, in one statement. */
export async function enrolBulk(ctx: AppContext, actor: Actor, input: { planId: number; orgId: number; enterpriseId?: number; enrolledOn?: string }) {
  require(actor, 'assist.review');
  const plan = await openPlan(ctx.db, input.planId);
  const org = await loadOrgInScope(ctx, actor, input.orgId);
  const enrolledOn = input.enrolledOn ?? todayInShanghai();
  checkEnrolDate(plan, enrolledOn);
  return inTransaction(ctx, async (tx) => {
    const eligible = await repo.countCurrentMembers(tx, org.path, input.enterpriseId);
    const enrolled = await repo.enrolSubtree(tx, { planId: plan.id, orgPath: org.path, enterpriseId: input.enterpriseId, enrolledOn, premiumFen: plan.premium_fen, userId: actor.userId || null });
    await audit(tx, actor, { action: 'mutual_aid.enrol_bulk', entity: 'mutual_aid_plan', entityId: plan.id, orgId: org.id, detail: { orgName: org.name, enterpriseId: input.enterpriseId ?? null, enrolledOn, eligible, enrolled } });
    return { eligible, enrolled, alreadyEnrolled: eligible - enrolled, premiumFen: enrolled * plan.premium_fen };
  });
}

export async function cancelEnrolment(ctx: AppContext, actor: Actor, id: number, reason: string) {
  require(actor, 'assist.review');
  return inTransaction(ctx, async (tx) => {
    const e = await repo.findEnrolment(tx, id);
    if (!e) throw Errors.notFound('参保记录', 'Enrolment');
    assertPathInScope(actor, e.org_path);
    if (e.status !== 'active') throw Errors.conflict('ALREADY_CANCELLED', '该参保记录已退保', 'Already cancelled');
    const open = await repo.openClaimCount(tx, id);
    if (open) throw Errors.conflict('CLAIMS_OPEN', `还有 ${open} 件报销申请在办理中，办结后才能退保`, 'Claims are still in review');
    const cancelledOn = todayInShanghai();
    await tx.updateTable('mutual_aid_enrolments').set({ status: 'cancelled', cancelled_on: cancelledOn, cancel_reason: reason, updated_at: new Date() }).where('id', '=', id).execute();
    await audit(tx, actor, { action: 'mutual_aid.cancel', entity: 'mutual_aid_enrolment', entityId: id, orgId: e.org_id, before: { status: 'active' }, after: { status: 'cancelled', cancelledOn, reason } });
    return { id, status: 'cancelled' as const, cancelledOn };
  });
}

// ---- claims ----

export interface BillFields extends BillInput {
  dischargeDate?: string | null;
}

export interface ClaimInput {
  planId: number;
  /** staff filing for a member; a member's own person otherwise */
  personId?: number;
  diagnosis: string;
  bills: BillFields[];
  attachmentIds: number[];
  payee?: { name: string; account: string } | null;
}

function whoFor(actor: Actor, personId?: number): number {
  if (actor.role === 'member') {
    if (!actor.personId) throw Errors.forbidden();
    if (personId !== undefined && personId !== actor.personId) throw Errors.forbidden('会员只能为本人申请', 'Members may apply only for themselves');
    return actor.personId;
  }
  if (!personId) throw Errors.validation([{ field: 'personId', code: 'REQUIRED', message: '请选择报销的会员', messageEn: 'Choose the member' }]);
  return personId;
}

function checkBills(bills: BillFields[], plan: PlanRow): ErrorDetail[] {
  const d: ErrorDetail[] = [];
  const today = todayInShanghai();
  bills.forEach((b, i) => {
    const at = (f: string) => `bills.${i}.${f}`;
    if (!b.hospital.trim()) d.push({ field: at('hospital'), code: 'REQUIRED', message: `第${i + 1}张票据：请填写医院`, messageEn: `Bill ${i + 1}: hospital is required` });
    if (b.visitDate > today) d.push({ field: at('visitDate'), code: 'FUTURE', message: `第${i + 1}张票据：就诊日期不能晚于今天`, messageEn: `Bill ${i + 1}: date in the future` });
    if (Number(b.visitDate.slice(0, 4)) !== plan.year) d.push({ field: at('visitDate'), code: 'OUTSIDE_YEAR', message: `第${i + 1}张票据：就诊日期须在 ${plan.year} 年内`, messageEn: `Bill ${i + 1}: must be dated in ${plan.year}` });
    if (b.dischargeDate && b.dischargeDate < b.visitDate) d.push({ field: at('dischargeDate'), code: 'DATE_ORDER', message: `第${i + 1}张票据：出院日期早于入院日期`, messageEn: `Bill ${i + 1}: discharge before admission` });
  });
  return d;
}

interface Prepared {
  plan: PlanRow;
  enrolment: { id: number; enrolled_on: string; org_id: number };
  personId: number;
  calc: ClaimCalc;
}

/** Validates a claim and computes it against the person's current year usage; throws with every field's reason. */
async function prepareClaim(db: Kdb, actor: Actor, input: Omit<ClaimInput, 'attachmentIds'>, exceptApplicationId?: number): Promise<Prepared> {
  const personId = whoFor(actor, input.personId);
  const plan = await loadPlan(db, input.planId);
  const enrolment = await repo.activeEnrolment(db, plan.id, personId);
  if (!enrolment) {
    throw Errors.validation([{ field: 'planId', code: 'NOT_ENROLLED', message: `未参加“${plan.name}”，不能申请报销`, messageEn: 'Not enrolled in this plan' }]);
  }
  const details: ErrorDetail[] = [];
  if (!input.diagnosis.trim()) details.push({ field: 'diagnosis', code: 'REQUIRED', message: '请填写疾病诊断或事故原因', messageEn: 'Diagnosis is required' });
  details.push(...checkBills(input.bills, plan));
  const prior = await repo.priorUse(db, plan.id, personId, exceptApplicationId);
  const calc = computeClaim(rulesOf(plan), enrolment.enrolled_on, input.bills, prior);
  for (const p of calc.problems) details.push({ field: `bills.${p.index}.${p.field}`, code: p.code, message: p.message, messageEn: p.messageEn });
  if (details.length) throw Errors.validation(details);
  return { plan, enrolment, personId, calc };
}

export async function previewClaim(ctx: AppContext, actor: Actor, input: Omit<ClaimInput, 'attachmentIds'>) {
  if (actor.role !== 'member') require(actor, 'assist.review');
  else require(actor, 'assist.apply');
  const personId = whoFor(actor, input.personId);
  if (actor.role !== 'member') await assertPersonInScope(ctx.db, actor, personId);
  const { calc } = await prepareClaim(ctx.db, actor, input);
  return calc;
}

async function assertPersonInScope(db: Kdb, actor: Actor, personId: number) {
  const m = await currentMembershipOf(db, personId);
  if (!m) throw Errors.notFound('会员', 'Member');
  assertPathInScope(actor, m.org_path);
}

async function saveDetail(tx: Kdb, applicationId: number, p: Prepared, input: Omit<ClaimInput, 'attachmentIds'>, replace: boolean) {
  const values = {
    diagnosis: input.diagnosis.trim(), base_fen: p.calc.baseFen, deductible_applied_fen: p.calc.deductibleAppliedFen,
    eligible_fen: p.calc.eligibleFen, calc: JSON.stringify(p.calc), updated_at: new Date(),
  };
  if (replace) {
    await tx.updateTable('mutual_aid_claims').set(values).where('application_id', '=', applicationId).execute();
    await tx.deleteFrom('mutual_aid_claim_bills').where('application_id', '=', applicationId).execute();
  } else {
    await tx.insertInto('mutual_aid_claims').values({ application_id: applicationId, plan_id: p.plan.id, enrolment_id: p.enrolment.id, person_id: p.personId, ...values }).execute();
  }
  await tx.insertInto('mutual_aid_claim_bills').values(input.bills.map((b, i) => ({
    application_id: applicationId, seq: i + 1, hospital: b.hospital.trim(), visit_date: b.visitDate, discharge_date: b.dischargeDate ?? null,
    total_fen: b.totalFen, insurance_paid_fen: b.insurancePaidFen, self_paid_fen: b.selfPaidFen, base_fen: p.calc.bills[i].baseFen,
  }))).execute();
}

function nothingEligible(calc: ClaimCalc) {
  return Errors.validation([{ field: 'bills', code: 'NOTHING_ELIGIBLE', message: `按计划规则可报销金额为 0 元：${calc.lines.map((l) => l.zh).join('；')}`, messageEn: 'Nothing is reimbursable under the plan rules' }], '按计划规则可报销金额为 0 元，无需申请', 'Nothing is reimbursable');
}

export async function submitClaim(ctx: AppContext, actor: Actor, input: ClaimInput) {
  if (actor.role === 'member') require(actor, 'assist.apply');
  else require(actor, 'assist.review');
  // Scope before anything about the person (enrolment, amounts) is revealed.
  if (actor.role !== 'member') await assertPersonInScope(ctx.db, actor, whoFor(actor, input.personId));
  return inTransaction(ctx, async (tx) => {
    const p = await prepareClaim(tx, actor, input);
    if (p.calc.eligibleFen === 0) throw nothingEligible(p.calc);
    const person = await tx.selectFrom('persons').select('name').where('id', '=', p.personId).executeTakeFirstOrThrow();
    const orgId = await currentMembershipOf(tx, p.personId);
    if (!orgId) throw Errors.badRequest('NOT_MEMBER', '此人没有在会会籍，不能申请', 'Not a current member');
    const { id } = await submitApplication(tx, actor, {
      type: CLAIM_TYPE, orgId: orgId.org_id, personId: p.personId, title: `${p.plan.name}二次报销 · ${person.name}`,
      amountFen: p.calc.eligibleFen, periodKey: null, payee: input.payee ?? null,
    });
    await saveDetail(tx, id, p, input, false);
    await linkAttachments(tx, actor, input.attachmentIds, { type: ATTACHMENT_OWNER, id });
    await audit(tx, actor, { action: 'mutual_aid.claim.submit', entity: 'application', entityId: id, orgId: orgId.org_id, after: { planId: p.plan.id, bills: input.bills.length, eligibleFen: p.calc.eligibleFen } });
    return { id, eligibleFen: p.calc.eligibleFen, calc: p.calc };
  });
}

/** The applicant corrects a returned claim; it then starts again at the first step. */
export async function correctClaim(ctx: AppContext, actor: Actor, id: number, input: Omit<ClaimInput, 'planId' | 'personId'>) {
  return inTransaction(ctx, async (tx) => {
    const app = await assertCorrectable(tx, actor, id);
    const claim = await repo.findClaim(tx, id);
    if (!claim || app.type !== CLAIM_TYPE) throw Errors.notFound('报销申请', 'Claim');
    const onBehalf = actor.role === 'member' ? undefined : claim.person_id;
    const full = { ...input, planId: claim.plan_id, personId: onBehalf };
    const p = await prepareClaim(tx, actor, full, id);
    if (p.calc.eligibleFen === 0) throw nothingEligible(p.calc);
    await saveDetail(tx, id, p, full, true);
    await linkAttachments(tx, actor, input.attachmentIds, { type: ATTACHMENT_OWNER, id });
    await audit(tx, actor, { action: 'mutual_aid.claim.correct', entity: 'application', entityId: id, orgId: app.org_id, before: { eligibleFen: claim.eligible_fen }, after: { eligibleFen: p.calc.eligibleFen, bills: input.bills.length } });
    await resubmitApplication(tx, actor, id, { amountFen: p.calc.eligibleFen });
    return { id, eligibleFen: p.calc.eligibleFen, calc: p.calc };
  });
}

/**
 * At the final approval: recompute against what has been approved meanwhile. The enrolment
 * row is locked first, so two approvals for one person and plan run one after the other and
 * the second sees the first's amount — the year cap holds under concurrency.
 */
export async function recomputeAtApproval(tx: Kdb, app: ApplicationRow): Promise<void> {
  const claim = await repo.findClaim(tx, app.id);
  if (!claim) throw Errors.notFound('报销申请', 'Claim');
  const enrolment = await repo.lockEnrolment(tx, claim.enrolment_id);
  const plan = await loadPlan(tx, claim.plan_id);
  const bills = await repo.claimBills(tx, app.id);
  const prior = await repo.priorUse(tx, claim.plan_id, claim.person_id, app.id);
  const calc = computeClaim(rulesOf(plan), enrolment.enrolled_on, bills.map((b) => ({
    hospital: b.hospital, visitDate: b.visit_date, totalFen: b.total_fen, insurancePaidFen: b.insurance_paid_fen, selfPaidFen: b.self_paid_fen,
  })), prior);
  // A reviewer may have granted less than computed; never more than the rules allow now.
  const granted = Math.min(app.approved_fen ?? calc.eligibleFen, calc.eligibleFen);
  if (granted === 0) {
    throw Errors.conflict('YEAR_CAP_REACHED', '该会员本年度在此计划下的报销额度已用完（可能刚有另一笔获批），请退回或不予批准', 'The yearly cap is used up (another claim was just approved); return or reject this claim');
  }
  await tx.updateTable('applications').set({ approved_fen: granted }).where('id', '=', app.id).execute();
  if (granted !== app.approved_fen) {
    // The engine audited the approval with the amount before this recomputation; record the change.
    await audit(tx, systemActor('mutual_aid.recompute'), {
      action: 'mutual_aid.claim.recompute', entity: 'application', entityId: app.id, orgId: app.org_id,
      before: { approvedFen: app.approved_fen }, after: { approvedFen: granted }, detail: { receivedBeforeFen: prior.receivedFen, lines: calc.lines.map((l) => l.zh) },
    });
  }
  await tx.updateTable('mutual_aid_claims').set({
    base_fen: calc.baseFen, deductible_applied_fen: calc.deductibleAppliedFen, eligible_fen: calc.eligibleFen, calc: JSON.stringify(calc), updated_at: new Date(),
  }).where('application_id', '=', app.id).execute();
}

registerApplicationType({
  type: CLAIM_TYPE,
  nameZh: '互助保障二次报销',
  nameEn: 'Mutual-aid secondary reimbursement',
  // The district's mutual-aid office pays; the grassroots union checks the bills and the person.
  steps: [
    { key: 'grassroots', nameZh: '基层工会初审', nameEn: 'Grassroots check', level: 'grassroots', dueDays: 7 },
    { key: 'district', nameZh: '区总工会审批', nameEn: 'District approval', level: 'district', dueDays: 15 },
  ],
  consolePath: (id) => `/mutual-aid/claims/${id}`,
  onApproved: recomputeAtApproval,
});

async function readableClaim(ctx: AppContext, actor: Actor, id: number) {
  const row = await ctx.db.selectFrom('mutual_aid_claims as c').innerJoin('applications as a', 'a.id', 'c.application_id').innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['c.person_id', 'o.path']).where('c.application_id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  if (actor.role === 'member') return actor.personId === row.person_id ? row : null;
  if (!can(actor, 'assist.read')) return null;
  try {
    assertPathInScope(actor, row.path);
    return row;
  } catch {
    return null;
  }
}

registerAttachmentOwner(ATTACHMENT_OWNER, {
  canRead: async (ctx, actor, ownerId) => !!(await readableClaim(ctx, actor, ownerId)),
  // medical bills and diagnoses are health data: every download is audited
  sensitive: true,
});

export async function getClaim(ctx: AppContext, actor: Actor, id: number) {
  const r = await readableClaim(ctx, actor, id);
  if (r === undefined) throw Errors.notFound('报销申请', 'Claim');
  if (r === null) throw actor.role === 'member' || can(actor, 'assist.read') ? Errors.outOfScope() : Errors.forbidden();
  const claim = (await repo.findClaim(ctx.db, id))!;
  const [plan, bills, attachments, app] = await Promise.all([
    loadPlan(ctx.db, claim.plan_id),
    repo.claimBills(ctx.db, id),
    listAttachments(ctx.db, { type: ATTACHMENT_OWNER, id }),
    ctx.db.selectFrom('applications as a').innerJoin('persons as pe', 'pe.id', 'a.person_id').innerJoin('orgs as o', 'o.id', 'a.org_id')
      .select(['a.status', 'a.amount_fen', 'a.approved_fen', 'a.applicant_user_id', 'pe.name as person_name', 'o.name as org_name', 'a.payee_name', 'a.payee_account_masked'])
      .where('a.id', '=', id).executeTakeFirstOrThrow(),
  ]);
  const [enrolment, application] = await Promise.all([repo.findEnrolment(ctx.db, claim.enrolment_id), getApplicationView(ctx, actor, id)]);
  return {
    id, status: app.status, personId: claim.person_id, personName: app.person_name, orgName: app.org_name,
    plan: presentPlan(plan), enrolledOn: enrolment!.enrolled_on, application, diagnosis: claim.diagnosis,
    requestedFen: app.amount_fen, approvedFen: app.approved_fen, eligibleFen: claim.eligible_fen, calc: claim.calc,
    bills: bills.map((b) => ({ seq: b.seq, hospital: b.hospital, visitDate: b.visit_date, dischargeDate: b.discharge_date, totalFen: b.total_fen, insurancePaidFen: b.insurance_paid_fen, selfPaidFen: b.self_paid_fen, baseFen: b.base_fen })),
    attachments, payeeName: app.payee_name, payeeAccountMasked: app.payee_account_masked,
    canCorrect: app.status === 'returned' && (app.applicant_user_id === actor.userId || actor.personId === claim.person_id),
  };
}

export async function listClaims(ctx: AppContext, actor: Actor, q: Omit<repo.ClaimQuery, 'orgPath'> & { orgId?: number }) {
  if (actor.role !== 'member') require(actor, 'assist.read');
  const orgPath = q.orgId && actor.role !== 'member' ? (await loadOrgInScope(ctx, actor, q.orgId)).path : undefined;
  const { items, total } = await repo.listClaims(ctx.db, actor, { ...q, orgPath, q: q.q?.trim() || undefined });
  return {
    total, page: q.page, pageSize: q.pageSize,
    items: items.map((r) => {
      const steps = r.steps as { nameZh: string }[];
      return {
        id: r.id, status: r.status, planId: r.plan_id, planName: r.plan_name, year: r.year, personId: r.person_id, personName: r.person_name,
        orgId: r.org_id, orgName: r.org_name, diagnosis: r.diagnosis, requestedFen: r.amount_fen, approvedFen: r.approved_fen,
        submittedAt: new Date(r.submitted_at).toISOString(), decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
        paidAt: r.paid_at ? new Date(r.paid_at).toISOString() : null,
        currentStepName: r.status === 'in_review' ? steps[r.current_step]?.nameZh ?? null : null,
      };
    }),
  };
}

export async function claimFigures(ctx: AppContext, actor: Actor, year: number) {
  require(actor, 'assist.read');
  const { byPlan, byTown } = await repo.claimFigures(ctx.db, actor, year);
  const shape = (r: { key: number | null; name: string | null; claims: number; approved: number; requested_fen: number; approved_fen: number; paid_fen: number }) => ({
    key: r.key, name: r.name ?? '区总工会直属', claims: r.claims, approved: r.approved,
    requestedFen: Number(r.requested_fen), approvedFen: Number(r.approved_fen), paidFen: Number(r.paid_fen),
  });
  const plans = byPlan.map(shape);
  const towns = byTown.map(shape);
  const total = plans.reduce((s, r) => ({
    claims: s.claims + r.claims, approved: s.approved + r.approved, requestedFen: s.requestedFen + r.requestedFen, approvedFen: s.approvedFen + r.approvedFen, paidFen: s.paidFen + r.paidFen,
  }), { claims: 0, approved: 0, requestedFen: 0, approvedFen: 0, paidFen: 0 });
  return { year, total, byPlan: plans, byTown: towns };
}

/** The member's own enrolments (portal): each plan's rules and what is left this year. */
export async function myCover(ctx: AppContext, actor: Actor) {
  if (actor.role !== 'member' || !actor.personId) throw Errors.forbidden('仅会员本人可查看', 'Members only');
  const rows = await repo.personEnrolments(ctx.db, actor.personId);
  const items = [];
  for (const r of rows) {
    const prior = await repo.priorUse(ctx.db, r.id, actor.personId);
    items.push({ enrolmentId: r.enrolment_id, enrolledOn: r.enrolled_on, plan: presentPlan(r), receivedFen: prior.receivedFen, remainingFen: r.cap_per_year_fen === null ? null : Math.max(0, r.cap_per_year_fen - prior.receivedFen) });
  }
  return { items };
}
