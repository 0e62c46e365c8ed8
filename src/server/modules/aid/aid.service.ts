/**
 * Aid applications (生活救助, 医疗救助, 金秋助学, 冬送温暖, 夏送清凉, 临时救助): each one is a
 * workflow application (type 'aid.<code>') plus a detail row here. This module checks the
 * type's eligibility, amount and documents; the workflow engine runs the review.
 */
import type { z } from 'zod';
import type { Kdb } from '../../db/connection.js';
import { inTransaction, type AppContext } from '../../context.js';
import { can, require as need, type Actor } from '../../access/actor.js';
import { pathInScope } from '../../access/scope.js';
import { AppError, Errors, type ErrorDetail } from '../../http/errors.js';
import { todayInShanghai } from '../../../shared/dates.js';
import { AID_TYPE_INFO, AID_TYPES, TIER_NAMES, aidTypeOfWorkflowType, type AidType, type HardshipTier } from '../../../shared/aid/types.js';
import { AidDetailSchemas, type AidDetails } from '../../../shared/aid/details.js';
import { checkEligibility, computeAmount, periodKeyFor, periodName, periodYear } from '../../../shared/aid/rules.js';
import { audit } from '../audit/audit.service.js';
import { linkAttachments, listAttachments, registerAttachmentOwner } from '../attachments/attachments.service.js';
import { registerApplicationType, submitApplication, resubmitApplication, assertCorrectable, type ApplicationRow } from '../workflow/workflow.service.js';
import { canReadApplication, getApplicationView } from '../workflow/workflow.queries.js';
import { getActiveHardship } from './aid.hardship.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { recordPaidAid } from './campaigns.service.js';
import * as repo from './aid.repo.js';

export const ATTACHMENT_OWNER = 'aid_application';

const STEPS = [
  { key: 'grassroots', nameZh: '基层工会审核', nameEn: 'Grassroots union review', level: 'grassroots' as const, dueDays: 5 },
  { key: 'town', nameZh: '镇街/园区工会审核', nameEn: 'Town / park federation review', level: 'town' as const, dueDays: 5 },
  { key: 'district', nameZh: '区总工会审批', nameEn: 'District federation approval', level: 'district' as const, dueDays: 5 },
];

/** Hardship-based aid is checked again at the final approval: a record may have been closed meanwhile. */
async function recheckAtApproval(tx: Kdb, app: ApplicationRow): Promise<void> {
  const aidType = aidTypeOfWorkflowType(app.type);
  if (!aidType || !app.person_id) return;
  if (aidType !== 'living' && aidType !== 'winter' && aidType !== 'education') return;
  const h = await getActiveHardship(tx, app.person_id);
  const tiers: HardshipTier[] = aidType === 'education' ? ['deep', 'relative', 'accident'] : ['deep', 'relative'];
  if (!h || !h.verified || !tiers.includes(h.tier)) {
    throw Errors.conflict('NO_LONGER_ELIGIBLE', '申请人的困难职工档案已变更（已脱困或类别不符），不能批准；请退回或不予批准', 'The hardship record changed since the application; it can no longer be approved');
  }
}

for (const code of AID_TYPES) {
  const info = AID_TYPE_INFO[code];
  registerApplicationType({
    type: info.workflowType,
    nameZh: info.zh,
    nameEn: info.en,
    steps: STEPS,
    filePermission: 'assist.review',
    consolePath: (id) => `/aid/applications/${id}`,
    onApproved: recheckAtApproval,
    onPaid: recordPaidAid,
  });
}

registerAttachmentOwner(ATTACHMENT_OWNER, {
  // medical bills, admission letters and accident papers are personal: every download is audited
  sensitive: true,
  canRead: async (ctx, actor, ownerId) => {
    const app = await ctx.db.selectFrom('applications').select(['type', 'org_id', 'person_id', 'applicant_user_id']).where('id', '=', ownerId).executeTakeFirst();
    return !!app && (await canReadApplication(ctx, actor, app));
  },
});

export interface AidInput {
  personId?: number | null;
  aidType: AidType;
  reason: string;
  amountFen?: number | null;
  details?: unknown;
  attachmentIds?: number[];
  payee?: { name?: string | null; bank?: string | null; account?: string | null } | null;
}

function zodProblems(prefix: string, err: z.ZodError): ErrorDetail[] {
  return err.issues.map((i) => {
    const field = [prefix, ...i.path.map(String)].join('.');
    const required = i.code === 'invalid_type';
    return { field, code: required ? 'REQUIRED' : 'INVALID', message: required ? '必填或类型不正确' : '取值无效或超出范围', messageEn: required ? 'Required or wrong type' : 'Invalid or out of range' };
  });
}

const ACCOUNT_RE = /^\d{8,32}$/;

/** Checks the parts every aid type shares; returns the parsed details and the cleaned payee. */
function checkCommon(input: AidInput, personName: string, opts: { accountOnFile?: boolean } = {}) {
  const problems: ErrorDetail[] = [];
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 2) problems.push({ field: 'reason', code: 'REQUIRED', message: '请写明申请理由（至少2个字）', messageEn: 'Give the reason (at least 2 characters)' });
  if (reason.length > 1000) problems.push({ field: 'reason', code: 'TOO_LONG', message: '申请理由不超过1000字', messageEn: 'At most 1,000 characters' });
  const parsed = AidDetailSchemas[input.aidType].safeParse(input.details ?? {});
  if (!parsed.success) problems.push(...zodProblems('details', parsed.error));
  const account = (input.payee?.account ?? '').replace(/[\s-]/g, '');
  const bank = input.payee?.bank?.trim() ?? '';
  const name = input.payee?.name?.trim() || personName;
  // a correction keeps the account given at the first submission
  if (!opts.accountOnFile) {
    if (!account) problems.push({ field: 'payee.account', code: 'REQUIRED', message: '请填写收款银行账号', messageEn: 'Enter the bank account to pay into' });
    else if (!ACCOUNT_RE.test(account)) problems.push({ field: 'payee.account', code: 'ACCOUNT_FORMAT', message: '银行账号应为8至32位数字', messageEn: 'A bank account is 8–32 digits' });
  }
  if (!bank) problems.push({ field: 'payee.bank', code: 'REQUIRED', message: '请填写开户银行', messageEn: 'Enter the bank' });
  else if (bank.length > 60) problems.push({ field: 'payee.bank', code: 'TOO_LONG', message: '开户银行不超过60字', messageEn: 'At most 60 characters' });
  if (name.length > 40) problems.push({ field: 'payee.name', code: 'TOO_LONG', message: '收款人姓名不超过40字', messageEn: 'At most 40 characters' });
  if (input.amountFen != null && (!Number.isSafeInteger(input.amountFen) || input.amountFen < 0)) {
    problems.push({ field: 'amountFen', code: 'AMOUNT', message: '金额须为非负整数（分）', messageEn: 'Amount must be a non-negative integer in fen' });
  }
  return { problems, reason, details: parsed.success ? (parsed.data as AidDetails[AidType]) : null, payee: { name, bank, account } };
}

function noRule(year: number, aidType: AidType): AppError {
  return Errors.conflict('NO_YEAR_RULE', `${year}年度尚未设置“${AID_TYPE_INFO[aidType].zh}”的救助标准，请联系区总工会`, `No ${year} rule for ${AID_TYPE_INFO[aidType].en} yet; ask the district federation`);
}

/** Everything the rules decide for one application: eligibility, period, amount. */
async function evaluate(db: Kdb, input: AidInput, person: NonNullable<Awaited<ReturnType<typeof repo.personForAid>>>, details: AidDetails[AidType], attachmentCount: number, today: string) {
  const periodKey = periodKeyFor(input.aidType, today);
  const year = periodYear(periodKey);
  const rule = await repo.findYearRule(db, year, input.aidType);
  if (!rule) throw noRule(year, input.aidType);
  const hardship = await getActiveHardship(db, person.id);
  const problems = checkEligibility({
    type: input.aidType, today, periodKey, hardship: hardship ? { tier: hardship.tier, verified: hardship.verified } : null,
    occupation: person.occupation, isNewEmployment: person.is_new_employment, details, attachmentCount,
  });
  const amount = computeAmount(input.aidType, rule, input.amountFen ?? null, details);
  if (!amount.ok) problems.push(...amount.problems);
  return { periodKey, year, rule, hardship, problems, amount };
}

function duplicate(periodKey: string, aidType: AidType): AppError {
  return Errors.conflict('DUPLICATE_PAYMENT', `此人${periodName(periodKey).zh}已获批“${AID_TYPE_INFO[aidType].zh}”，同一类型每期只能获批一次`, `Already granted ${AID_TYPE_INFO[aidType].en} for ${periodName(periodKey).en}`);
}

/** Who the application is for: a member applies for themselves; staff name a person in their scope. */
async function resolvePerson(ctx: AppContext, actor: Actor, personId: number | null | undefined) {
  if (actor.role === 'member') {
    need(actor, 'assist.apply');
    if (personId != null && personId !== actor.personId) throw Errors.forbidden('会员只能为本人申请', 'Members may apply only for themselves');
    personId = actor.personId;
  } else {
    need(actor, 'assist.review');
    if (!personId) throw Errors.validation([{ field: 'personId', code: 'REQUIRED', message: '请选择申请人', messageEn: 'Choose the applicant' }]);
  }
  const person = personId ? await repo.personForAid(ctx.db, personId) : undefined;
  if (!person) throw Errors.notFound('会员', 'Member');
  if (actor.role !== 'member' && (!person.org_path || !pathInScope(actor, person.org_path))) throw Errors.outOfScope();
  if (!person.org_id) throw Errors.conflict('NOT_A_MEMBER', '此人当前没有会籍，不能申请救助', 'This person holds no current membership');
  return person;
}

/** File an aid application (staff for a member in scope, or a member for themselves). */
export async function fileApplication(ctx: AppContext, actor: Actor, input: AidInput, opts: { today?: string } = {}) {
  const person = await resolvePerson(ctx, actor, input.personId);
  const today = opts.today ?? todayInShanghai();
  const common = checkCommon(input, person.name);
  if (!common.details) throw Errors.validation(common.problems);
  const attachmentIds = [...new Set(input.attachmentIds ?? [])];
  const ev = await evaluate(ctx.db, input, person, common.details, attachmentIds.length, today);
  const problems = [...common.problems, ...ev.problems];
  if (problems.length) throw Errors.validation(problems, '申请不符合条件或填写有误，请按提示修改', 'The application is not eligible or has errors');
  const info = AID_TYPE_INFO[input.aidType];
  if ((await repo.grantedInPeriod(ctx.db, person.id, info.workflowType, ev.periodKey)).length) throw duplicate(ev.periodKey, input.aidType);
  const amountFen = (ev.amount as { amountFen: number }).amountFen;
  const campaignId = info.campaignSeason ? await repo.campaignFor(ctx.db, info.campaignSeason, ev.year, person.org_path!) : null;
  return inTransaction(ctx, async (tx) => {
    const { id } = await submitApplication(tx, actor, {
      type: info.workflowType, orgId: person.org_id!, personId: person.id, title: `${info.zh}（${periodName(ev.periodKey).zh}）— ${person.name}`,
      amountFen, periodKey: ev.periodKey, payee: { name: common.payee.name, account: common.payee.account },
    });
    await tx.insertInto('aid_applications').values({
      application_id: id, aid_type: input.aidType, period_key: ev.periodKey, person_id: person.id, org_id: person.org_id!, reason: common.reason,
      requested_fen: input.amountFen ?? null, computed_fen: amountFen, amount_steps: JSON.stringify((ev.amount as { steps: unknown[] }).steps),
      details: JSON.stringify(common.details), hardship_record_id: ev.hardship?.recordId ?? null, hardship_tier: ev.hardship?.tier ?? null,
      payee_bank: common.payee.bank, campaign_id: campaignId, updated_at: new Date(),
    }).execute();
    await linkAttachments(tx, actor, attachmentIds, { type: ATTACHMENT_OWNER, id });
    await audit(tx, actor, {
      action: 'aid.apply', entity: 'application', entityId: id, orgId: person.org_id,
      after: { aidType: input.aidType, periodKey: ev.periodKey, personId: person.id, amountFen, requestedFen: input.amountFen ?? null, campaignId, attachments: attachmentIds.length },
    });
    return { id, periodKey: ev.periodKey, amountFen };
  });
}

/** Correct a returned application and send it back to the first step. */
export async function correctApplication(ctx: AppContext, actor: Actor, id: number, patch: Partial<Omit<AidInput, 'aidType' | 'personId'>>, opts: { today?: string } = {}) {
  const detail = await repo.findDetail(ctx.db, id);
  if (!detail) throw Errors.notFound('救助申请', 'Aid application');
  const aidType = detail.aid_type as AidType;
  const person = (await repo.personForAid(ctx.db, detail.person_id))!;
  const today = opts.today ?? todayInShanghai();
  return inTransaction(ctx, async (tx) => {
    const app = await assertCorrectable(tx, actor, id);
    const existing = await listAttachments(tx, { type: ATTACHMENT_OWNER, id });
    const newIds = [...new Set(patch.attachmentIds ?? [])].filter((a) => !existing.some((e) => e.id === a));
    const input: AidInput = {
      aidType, personId: detail.person_id,
      reason: patch.reason ?? detail.reason,
      amountFen: patch.amountFen !== undefined ? patch.amountFen : detail.requested_fen,
      details: patch.details ?? detail.details,
      payee: { name: app.payee_name, bank: patch.payee?.bank ?? detail.payee_bank },
    };
    const common = checkCommon(input, person.name, { accountOnFile: true });
    if (!common.details) throw Errors.validation(common.problems);
    const ev = await evaluate(tx, input, person, common.details, existing.length + newIds.length, today);
    // The period stays the one filed for: a correction does not move an application into another period.
    if (ev.periodKey !== detail.period_key) ev.problems.push({ field: 'aidType', code: 'PERIOD_ENDED', message: `${periodName(detail.period_key).zh}已结束，请重新申请`, messageEn: 'That period has ended; file a new application' });
    // The payee and account are the workflow's (encrypted there); changing them means a new application.
    if (patch.payee?.account || (patch.payee?.name && patch.payee.name !== app.payee_name)) {
      ev.problems.push({ field: 'payee.account', code: 'PAYEE_LOCKED', message: '收款人和账号提交后不能修改，如需更换请撤回后重新申请', messageEn: 'The payee and account cannot be changed; withdraw and apply again' });
    }
    const problems = [...common.problems, ...ev.problems];
    if (problems.length) throw Errors.validation(problems, '申请不符合条件或填写有误，请按提示修改', 'The application is not eligible or has errors');
    const amountFen = (ev.amount as { amountFen: number }).amountFen;
    await tx.updateTable('aid_applications').set({
      reason: common.reason, requested_fen: input.amountFen ?? null, computed_fen: amountFen,
      amount_steps: JSON.stringify((ev.amount as { steps: unknown[] }).steps), details: JSON.stringify(common.details),
      hardship_record_id: ev.hardship?.recordId ?? null, hardship_tier: ev.hardship?.tier ?? null, payee_bank: common.payee.bank, updated_at: new Date(),
    }).where('application_id', '=', id).execute();
    await linkAttachments(tx, actor, newIds, { type: ATTACHMENT_OWNER, id });
    await audit(tx, actor, {
      action: 'aid.correct', entity: 'application', entityId: id, orgId: detail.org_id,
      before: { reason: detail.reason, requestedFen: detail.requested_fen, computedFen: detail.computed_fen, details: detail.details },
      after: { reason: common.reason, requestedFen: input.amountFen ?? null, computedFen: amountFen, details: common.details, addedAttachments: newIds.length },
    });
    await resubmitApplication(tx, actor, id, { amountFen });
    return { id, amountFen };
  });
}

/** The aid detail together with the workflow's view (steps, history) of one application. */
export async function getAidApplication(ctx: AppContext, actor: Actor, id: number) {
  const view = await getApplicationView(ctx, actor, id);
  const d = await repo.findDetail(ctx.db, id);
  if (!d) throw Errors.notFound('救助申请', 'Aid application');
  const aidType = d.aid_type as AidType;
  const [attachments, others, campaign, person] = await Promise.all([
    listAttachments(ctx.db, { type: ATTACHMENT_OWNER, id }),
    actor.role === 'member' ? Promise.resolve([]) : repo.samePeriodApplications(ctx.db, d.person_id, AID_TYPE_INFO[aidType].workflowType, d.period_key, id),
    d.campaign_id ? ctx.db.selectFrom('aid_campaigns').select(['id', 'name']).where('id', '=', d.campaign_id).executeTakeFirst() : Promise.resolve(undefined),
    ctx.db.selectFrom('persons').select(['id_masked']).where('id', '=', d.person_id).executeTakeFirst(),
  ]);
  return {
    ...view,
    aid: {
      aidType, aidTypeName: AID_TYPE_INFO[aidType].zh, aidTypeNameEn: AID_TYPE_INFO[aidType].en,
      periodKey: d.period_key, periodName: periodName(d.period_key).zh, periodNameEn: periodName(d.period_key).en,
      reason: d.reason, requestedFen: d.requested_fen, computedFen: d.computed_fen, amountSteps: d.amount_steps, details: d.details,
      hardshipTier: d.hardship_tier, hardshipTierName: d.hardship_tier ? TIER_NAMES[d.hardship_tier as HardshipTier]?.zh ?? null : null,
      payeeBank: d.payee_bank, idNumberMasked: person?.id_masked ?? null,
      campaignId: campaign?.id ?? null, campaignName: campaign?.name ?? null,
      documents: AID_TYPE_INFO[aidType].documents,
      attachments,
      samePeriod: others.map((o) => ({ id: o.id, status: o.status, submittedAt: new Date(o.submitted_at).toISOString() })),
    },
  };
}

export interface AidListInput {
  aidType?: AidType;
  status?: string;
  period?: string;
  year?: number;
  orgId?: number;
  campaignId?: number;
  q?: string;
  mine?: boolean;
  page: number;
  pageSize: number;
}

export async function listAidApplications(ctx: AppContext, actor: Actor, input: AidListInput) {
  if (actor.role === 'member') need(actor, 'assist.apply');
  else need(actor, 'assist.read');
  const orgPath = input.orgId && actor.role !== 'member' ? (await loadOrgInScope(ctx, actor, input.orgId)).path : undefined;
  const { items, total } = await repo.listApplications(ctx.db, actor, { ...input, orgPath, q: input.q?.trim() || undefined });
  return {
    total, page: input.page, pageSize: input.pageSize,
    items: items.map((r) => {
      const steps = r.steps as { nameZh: string; orgName: string }[];
      return {
        id: r.id, title: r.title, status: r.status, aidType: r.aid_type, aidTypeName: AID_TYPE_INFO[r.aid_type as AidType]?.zh ?? r.aid_type,
        periodKey: r.period_key, periodName: periodName(r.period_key).zh, personId: r.person_id, personName: r.person_name, idNumberMasked: r.id_masked,
        orgId: r.org_id, orgName: r.org_name, amountFen: r.amount_fen, approvedFen: r.approved_fen,
        currentStepName: r.status === 'in_review' ? steps[r.current_step]?.nameZh ?? null : null,
        currentStepOrg: r.status === 'in_review' ? steps[r.current_step]?.orgName ?? null : null,
        submittedAt: new Date(r.submitted_at).toISOString(), paidAt: r.paid_at ? new Date(r.paid_at).toISOString() : null,
        paymentBatchId: r.payment_batch_id, campaignId: r.campaign_id,
      };
    }),
  };
}

/** The aid types with this period's key and rule, for the application forms. */
export async function listAidTypes(ctx: AppContext, actor: Actor, opts: { today?: string } = {}) {
  if (actor.role === 'member') need(actor, 'assist.apply');
  else if (!can(actor, 'assist.read')) need(actor, 'assist.read');
  const today = opts.today ?? todayInShanghai();
  return Promise.all(AID_TYPES.map(async (code) => {
    const info = AID_TYPE_INFO[code];
    const periodKey = periodKeyFor(code, today);
    const rule = await repo.findYearRule(ctx.db, periodYear(periodKey), code);
    return {
      code, name: info.zh, nameEn: info.en, rule: info.ruleZh, ruleEn: info.ruleEn, documents: info.documents,
      periodKey, periodName: periodName(periodKey).zh, periodNameEn: periodName(periodKey).en,
      amount: rule, needsAmount: !!rule && rule.fixedFen === null && code !== 'medical', open: !!rule,
    };
  }));
}
