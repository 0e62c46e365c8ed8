import type { Kdb } from '../../db/connection.js';
import { currentMembershipOf } from '../members/members.service.js';
import { inTransaction, type AppContext } from '../../context.js';
import { can, require as need, type Actor } from '../../access/actor.js';
import { pathInScope, scopePrefix } from '../../access/scope.js';
import { AppError, Errors } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { linkAttachments, listAttachments, registerAttachmentOwner } from '../attachments/attachments.service.js';
import { todayInShanghai } from '../../../shared/dates.js';
import { codeNames, EXIT_REASONS, HARDSHIP_CAUSES, HARDSHIP_TIERS, type HardshipTier } from '../../../shared/hardship/codes.js';
import { checkHardshipInput, normaliseCauses, tierInputOf, type HardshipInput } from '../../../shared/hardship/input.js';
import { computeTier, type TierResult, type TierThresholds } from '../../../shared/hardship/tier.js';
import type { StoredHouseholdMember, StoredMoneyItem } from '../../db/tables/hardship.js';
import { mergeHousehold, openBlob, sealBlob } from './hardship.sensitive.js';
import { oneYearAfter, presentRecord, type RecordPermissions } from './hardship.present.js';
import * as repo from './hardship.repo.js';

export const RECORD_OWNER = 'hardship_record';

// Documents of a hardship file (diagnoses, disability certificates, income proofs) are as
// sensitive as the health fields: only readers who may unmask may open them, each view audited.
registerAttachmentOwner(RECORD_OWNER, {
  sensitive: true,
  canRead: async (ctx, actor, ownerId) => {
    if (!can(actor, 'assist.read') || !can(actor, 'hardship.unmask')) return false;
    const r = await repo.findRecord(ctx.db, ownerId);
    return !!r && pathInScope(actor, r.org_path);
  },
});

const userId = (actor: Actor) => actor.userId || null;

// ---------------------------------------------------------------- thresholds

export function thresholdsOf(row: { year: number; dibao_fen: number; deep_pct: number; relative_pct: number; accident_pct: number | null; accident_cost_pct: number }): TierThresholds {
  return { year: row.year, dibaoFen: row.dibao_fen, deepPct: row.deep_pct, relativePct: row.relative_pct, accidentPct: row.accident_pct, accidentCostPct: row.accident_cost_pct };
}

export async function listThresholds(ctx: AppContext, actor: Actor) {
  need(actor, 'assist.read');
  const rows = await repo.listThresholds(ctx.db);
  return {
    items: rows.map((r) => ({ ...thresholdsOf(r), note: r.note, updatedAt: new Date(r.updated_at).toISOString(), updatedBy: r.updated_by_name })),
    currentYear: Number(todayInShanghai().slice(0, 4)),
    canEdit: canManageThresholds(actor),
  };
}

function canManageThresholds(actor: Actor): boolean {
  return can(actor, 'assist.manage') && scopePrefix(actor) === null;
}

export interface ThresholdInput {
  dibaoFen: number;
  deepPct: number;
  relativePct: number;
  accidentPct: number | null;
  accidentCostPct: number;
  note?: string | null;
}

function checkThresholds(t: ThresholdInput) {
  const out: { field: string; code: string; message: string; messageEn: string }[] = [];
  const pct = (v: number | null) => v !== null && (!Number.isInteger(v) || v < 1 || v > 1000);
  if (!Number.isInteger(t.dibaoFen) || t.dibaoFen < 1 || t.dibaoFen > 10_000_000) out.push({ field: 'dibaoFen', code: 'BAD_AMOUNT', message: '低保标准应为 0.01 至 100,000 元/人/月，精确到分', messageEn: '低保 must be 0.01–100,000 yuan per person per month' });
  if (pct(t.deepPct)) out.push({ field: 'deepPct', code: 'BAD_PERCENT', message: '深度困难倍数应为 1%–1000% 的整数百分比', messageEn: 'Deep multiplier must be a whole percent, 1–1000' });
  if (pct(t.relativePct)) out.push({ field: 'relativePct', code: 'BAD_PERCENT', message: '相对困难倍数应为 1%–1000% 的整数百分比', messageEn: 'Relative multiplier must be a whole percent, 1–1000' });
  else if (t.relativePct < t.deepPct) out.push({ field: 'relativePct', code: 'ORDER', message: '相对困难倍数不能低于深度困难倍数', messageEn: 'The relative multiplier cannot be below the deep one' });
  if (pct(t.accidentPct)) out.push({ field: 'accidentPct', code: 'BAD_PERCENT', message: '意外致困倍数应为 1%–1000% 的整数百分比，或留空表示不设收入线', messageEn: 'Accident multiplier must be a whole percent, or empty for no income line' });
  else if (t.accidentPct !== null && t.accidentPct < t.relativePct) out.push({ field: 'accidentPct', code: 'ORDER', message: '意外致困倍数不能低于相对困难倍数', messageEn: 'The accident multiplier cannot be below the relative one' });
  if (pct(t.accidentCostPct)) out.push({ field: 'accidentCostPct', code: 'BAD_PERCENT', message: '突发费用占家庭年收入比例应为 1%–1000% 的整数', messageEn: 'Cost share must be a whole percent, 1–1000' });
  if (out.length) throw Errors.validation(out);
}

/** Set a year's 低保 standard and multipliers (district staff). Files keep their tier until reviewed. */
export async function setThresholds(ctx: AppContext, actor: Actor, year: number, input: ThresholdInput) {
  need(actor, 'assist.manage');
  if (!canManageThresholds(actor)) throw Errors.forbidden('只有区总工会可以设置困难职工认定标准', 'Only the district federation sets the thresholds');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw Errors.validation([{ field: 'year', code: 'BAD_YEAR', message: '年度应为 2000–2100', messageEn: 'Year must be 2000–2100' }]);
  checkThresholds(input);
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findThresholds(tx, year);
    const values = { year, dibao_fen: input.dibaoFen, deep_pct: input.deepPct, relative_pct: input.relativePct, accident_pct: input.accidentPct, accident_cost_pct: input.accidentCostPct, note: input.note?.trim() || null, updated_by: userId(actor) };
    await repo.upsertThresholds(tx, values);
    await audit(tx, actor, { action: 'hardship.thresholds.set', entity: 'hardship_thresholds', entityId: year, before: before ? thresholdsOf(before) : null, after: { ...thresholdsOf(values), note: values.note } });
    return { ...thresholdsOf(values), note: values.note };
  });
}

/** The thresholds a new assessment uses: the current year's, or a clear refusal. */
async function currentThresholds(db: Kdb): Promise<TierThresholds> {
  const year = Number(todayInShanghai().slice(0, 4));
  const row = await repo.findThresholds(db, year);
  if (!row) {
    throw Errors.conflict('THRESHOLDS_MISSING', `尚未设置 ${year} 年的困难职工认定标准（低保标准和倍数），无法认定困难类别，请联系区总工会在“年度标准”中设置`,
      `The ${year} hardship thresholds (低保 standard and multipliers) are not set; ask the district federation to set them`);
  }
  return thresholdsOf(row);
}

// ---------------------------------------------------------------- records

export type RecordInput = HardshipInput & { attachmentIds?: number[] };

function validate(input: HardshipInput) {
  const problems = checkHardshipInput(input, todayInShanghai());
  if (problems.length) throw Errors.validation(problems);
}

function tierColumns(r: Pick<TierResult, 'tier' | 'year' | 'perCapitaFen' | 'householdSize' | 'annualIncomeFen' | 'annualExpenseFen'>) {
  return { tier: r.tier, tier_year: r.year, per_capita_fen: r.perCapitaFen, household_size: r.householdSize, annual_income_fen: r.annualIncomeFen, annual_expense_fen: r.annualExpenseFen };
}

function money(items: HardshipInput['incomes']): StoredMoneyItem[] {
  return items.map((i) => ({ kind: i.kind, amountFen: i.amountFen, period: i.period, note: i.note?.trim() || null }));
}

/** Row values from a validated form (plain columns) — the sensitive parts go through mergeHousehold. */
function plainColumns(input: HardshipInput, household: StoredHouseholdMember[]) {
  return {
    identity: input.identity,
    main_cause: input.mainCause,
    causes: normaliseCauses(input.mainCause, input.causes),
    housing_type: input.housingType || null,
    medical_insurance: input.medicalInsurance || null,
    single_parent: input.singleParent ?? false,
    zero_employment: input.zeroEmployment ?? false,
    household: JSON.stringify(household),
    incomes: JSON.stringify(money(input.incomes)),
    expenses: JSON.stringify(money(input.expenses)),
    accident: JSON.stringify(input.accident ? { kind: input.accident.kind, consequence: input.accident.consequence || null, occurredOn: input.accident.occurredOn, costFen: input.accident.costFen } : null),
    exclusions: [...new Set(input.exclusions ?? [])],
    note: input.note?.trim() || null,
  };
}

/** What the audit log may hold about a file: the assessment, never health data or ID numbers. */
function auditSummary(r: { person_id: number; org_id: number; tier: string; tier_year: number; per_capita_fen: number; household_size: number; annual_income_fen: number; annual_expense_fen: number; causes: string[] }) {
  return { personId: r.person_id, orgId: r.org_id, tier: r.tier, tierYear: r.tier_year, perCapitaFen: r.per_capita_fen, householdSize: r.household_size, annualIncomeFen: r.annual_income_fen, annualExpenseFen: r.annual_expense_fen, causes: r.causes };
}

async function addEvent(tx: Kdb, actor: Actor, recordId: number, action: string, t: ReturnType<typeof storedTier>, comment: string | null) {
  await repo.insertEvent(tx, { record_id: recordId, ...t, action, comment, actor_user_id: userId(actor), actor_name: actor.username });
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === '23505' && String((err as Error).message).includes('hardship_records_one_open');
}

const recordExists = () => Errors.conflict('RECORD_EXISTS', '此人已有在档的困难职工档案，请在原档案上修改或复核', 'This person already has an open hardship file', [
  { field: 'personId', code: 'RECORD_EXISTS', message: '已有在档档案', messageEn: 'An open file exists' },
]);

export async function createRecord(ctx: AppContext, actor: Actor, input: RecordInput & { personId: number }) {
  need(actor, 'assist.review');
  const person = await repo.findPerson(ctx.db, input.personId);
  if (!person) throw Errors.notFound('人员', 'Person');
  const holding = await currentMembershipOf(ctx.db, input.personId);
  if (holding && !pathInScope(actor, holding.org_path)) throw Errors.outOfScope();
  if (!holding) {
    throw Errors.conflict('NOT_A_MEMBER', '此人当前没有会籍，困难职工档案由其会籍所在工会建档', 'Not a current member; the file belongs to the union holding the membership', [
      { field: 'personId', code: 'NOT_A_MEMBER', message: '没有在会会籍', messageEn: 'No current membership' },
    ]);
  }
  validate(input);
  const thresholds = await currentThresholds(ctx.db);
  const assessed = computeTier(tierInputOf(input), thresholds);
  const merged = mergeHousehold(input, null);
  const today = todayInShanghai();
  try {
    return await inTransaction(ctx, async (tx) => {
      if (await repo.openRecordOf(tx, input.personId)) throw recordExists();
      const values = {
        ...plainColumns(input, merged.household), ...tierColumns(assessed),
        person_id: input.personId, org_id: holding.org_id, sensitive_enc: sealBlob(ctx.cipher, merged.blob), health_recorded: merged.healthRecorded,
        last_reviewed_on: today, created_by: userId(actor), data_edited_by: userId(actor),
      };
      const id = await repo.insertRecord(tx, values);
      await addEvent(tx, actor, id, 'create', tierColumns(assessed), null);
      await linkAttachments(tx, actor, input.attachmentIds ?? [], { type: RECORD_OWNER, id });
      await repo.syncPersonFlag(tx, input.personId);
      await audit(tx, actor, { action: 'hardship.create', entity: 'hardship_record', entityId: id, orgId: holding.org_id, after: auditSummary({ ...values, causes: values.causes }) });
      return { id, tier: assessed.tier };
    });
  } catch (err) {
    // Two clerks filing for the same person at once: the partial unique index decides.
    if (isUniqueViolation(err)) throw recordExists();
    throw err;
  }
}

/** The record, its scope checked, for staff with `permission`. */
async function loadRecord(db: Kdb, actor: Actor, id: number, permission: 'assist.read' | 'assist.review', forUpdate = false) {
  need(actor, permission);
  const r = await repo.findRecord(db, id, forUpdate);
  if (!r) throw Errors.notFound('困难职工档案', 'Hardship file');
  if (!pathInScope(actor, r.org_path)) throw Errors.outOfScope();
  return r;
}

function assertOpen(r: repo.RecordRow) {
  if (r.status !== 'open') throw Errors.conflict('RECORD_CLOSED', '档案已解困脱困，只能查看，不能修改', 'The file is closed (exited) and read-only');
}

export async function updateRecord(ctx: AppContext, actor: Actor, id: number, input: RecordInput) {
  validate(input);
  const thresholds = await currentThresholds(ctx.db);
  const assessed = computeTier(tierInputOf(input), thresholds);
  return inTransaction(ctx, async (tx) => {
    const r = await loadRecord(tx, actor, id, 'assist.review', true);
    assertOpen(r);
    const merged = mergeHousehold(input, { household: r.household, blob: openBlob(ctx.cipher, r.sensitive_enc) });
    // The file follows the person's membership if they moved to another union inside the caller's scope.
    const holding = await currentMembershipOf(tx, r.person_id);
    const orgId = holding && pathInScope(actor, holding.org_path) ? holding.org_id : r.org_id;
    const values = {
      ...plainColumns(input, merged.household), ...tierColumns(assessed), org_id: orgId,
      sensitive_enc: sealBlob(ctx.cipher, merged.blob), health_recorded: merged.healthRecorded,
      // Changed data must be checked again by someone else.
      verified_at: null, verified_by: null, data_edited_by: userId(actor),
    };
    await repo.updateRecord(tx, id, values);
    await addEvent(tx, actor, id, 'update', tierColumns(assessed), null);
    await linkAttachments(tx, actor, input.attachmentIds ?? [], { type: RECORD_OWNER, id });
    await repo.syncPersonFlag(tx, r.person_id);
    await audit(tx, actor, { action: 'hardship.update', entity: 'hardship_record', entityId: id, orgId, before: auditSummary(r), after: auditSummary({ ...values, person_id: r.person_id }), detail: { wasVerified: r.verified_at !== null } });
    return { id, tier: assessed.tier };
  });
}

/** 核实: a second person confirms the data — never whoever created or last changed it. */
export async function verifyRecord(ctx: AppContext, actor: Actor, id: number, comment?: string | null) {
  return inTransaction(ctx, async (tx) => {
    const r = await loadRecord(tx, actor, id, 'assist.review', true);
    assertOpen(r);
    if (r.verified_at) throw Errors.conflict('ALREADY_VERIFIED', '档案已核实', 'The file is already verified');
    if (actor.userId && (actor.userId === r.created_by || actor.userId === r.data_edited_by)) {
      throw new AppError(403, 'SELF_VERIFICATION', '建档人或最后修改人不能核实自己录入的档案，请由另一名工作人员核实', 'The person who entered or last changed the file cannot verify it');
    }
    await repo.updateRecord(tx, id, { verified_at: new Date(), verified_by: userId(actor) });
    await addEvent(tx, actor, id, 'verify', storedTier(r), comment?.trim() || null);
    await audit(tx, actor, { action: 'hardship.verify', entity: 'hardship_record', entityId: id, orgId: r.org_id, after: { verified: true, tier: r.tier }, detail: { comment: comment ?? null } });
    return { id, verified: true };
  });
}

/** The stored assessment as event columns (verification and exit do not recompute). */
function storedTier(r: repo.RecordRow) {
  return { tier: r.tier, tier_year: r.tier_year, per_capita_fen: r.per_capita_fen, household_size: r.household_size, annual_income_fen: r.annual_income_fen, annual_expense_fen: r.annual_expense_fen };
}

function storedTierInput(r: repo.RecordRow) {
  return tierInputOf({ household: r.household as never[], incomes: r.incomes, expenses: r.expenses, accident: r.accident, exclusions: r.exclusions });
}

/** 年度复核: the stored data recomputed against this year's thresholds; the old assessment stays in the history. */
export async function reviewRecord(ctx: AppContext, actor: Actor, id: number, comment?: string | null) {
  const thresholds = await currentThresholds(ctx.db);
  return inTransaction(ctx, async (tx) => {
    const r = await loadRecord(tx, actor, id, 'assist.review', true);
    assertOpen(r);
    const assessed = computeTier(storedTierInput(r), thresholds);
    await repo.updateRecord(tx, id, { ...tierColumns(assessed), last_reviewed_on: todayInShanghai() });
    await addEvent(tx, actor, id, 'review', tierColumns(assessed), comment?.trim() || null);
    await repo.syncPersonFlag(tx, r.person_id);
    await audit(tx, actor, { action: 'hardship.review', entity: 'hardship_record', entityId: id, orgId: r.org_id, before: { tier: r.tier, tierYear: r.tier_year, perCapitaFen: r.per_capita_fen }, after: { tier: assessed.tier, tierYear: assessed.year, perCapitaFen: assessed.perCapitaFen }, detail: { comment: comment ?? null } });
    return { id, tier: assessed.tier, previousTier: r.tier };
  });
}

/** 解困脱困: the file is closed with a reason and stays read-only; a new file may be opened later. */
export async function exitRecord(ctx: AppContext, actor: Actor, id: number, input: { reason: string; note?: string | null }) {
  if (!EXIT_REASONS.some((e) => e.code === input.reason)) {
    throw Errors.validation([{ field: 'reason', code: 'REQUIRED', message: '请选择解困脱困原因', messageEn: 'Choose the reason' }]);
  }
  if (input.reason === 'other' && !input.note?.trim()) {
    throw Errors.validation([{ field: 'note', code: 'REQUIRED', message: '原因为“其他”时请写明情况', messageEn: 'Explain the reason' }]);
  }
  return inTransaction(ctx, async (tx) => {
    const r = await loadRecord(tx, actor, id, 'assist.review', true);
    assertOpen(r);
    await repo.updateRecord(tx, id, { status: 'exited', exited_at: new Date(), exited_by: userId(actor), exit_reason: input.reason, exit_note: input.note?.trim() || null });
    await addEvent(tx, actor, id, 'exit', storedTier(r), [codeNames(EXIT_REASONS, input.reason)?.zh, input.note?.trim()].filter(Boolean).join('：'));
    await repo.syncPersonFlag(tx, r.person_id);
    await audit(tx, actor, { action: 'hardship.exit', entity: 'hardship_record', entityId: id, orgId: r.org_id, before: { status: 'open' }, after: { status: 'exited', reason: input.reason, note: input.note ?? null } });
    return { id, status: 'exited' };
  });
}

function permissionsFor(actor: Actor, r: repo.RecordRow): RecordPermissions {
  const open = r.status === 'open';
  const review = can(actor, 'assist.review');
  const selfEntered = !!actor.userId && (actor.userId === r.created_by || actor.userId === r.data_edited_by);
  return {
    canEdit: open && review,
    canVerify: open && review && !r.verified_at && !selfEntered,
    canReview: open && review,
    canExit: open && review,
    canUnmask: can(actor, 'hardship.unmask'),
  };
}

export async function getRecord(ctx: AppContext, actor: Actor, id: number) {
  const r = await loadRecord(ctx.db, actor, id, 'assist.read');
  const [events, attachments, thresholdRow] = await Promise.all([
    repo.recordEvents(ctx.db, id),
    listAttachments(ctx.db, { type: RECORD_OWNER, id }),
    repo.findThresholds(ctx.db, r.tier_year),
  ]);
  // The arithmetic is shown from the stored data and the thresholds of the assessed year.
  const arithmetic = thresholdRow ? computeTier(storedTierInput(r), thresholdsOf(thresholdRow)) : null;
  return presentRecord(r, { events, attachments, arithmetic, permissions: permissionsFor(actor, r), today: todayInShanghai() });
}

/** Health, disability, household ID numbers: only with hardship.unmask, every use audited. */
export async function unmaskRecord(ctx: AppContext, actor: Actor, id: number, reason?: string | null) {
  const r = await loadRecord(ctx.db, actor, id, 'assist.read');
  if (!can(actor, 'hardship.unmask')) throw Errors.forbidden('您没有查看困难职工敏感信息的权限', 'You may not view sensitive hardship data');
  const blob = openBlob(ctx.cipher, r.sensitive_enc);
  await inTransaction(ctx, (tx) => audit(tx, actor, {
    action: 'hardship.unmask', entity: 'hardship_record', entityId: id, orgId: r.org_id,
    detail: { fields: ['health', 'household.idNumber', 'household.health', 'accident.description'], reason: reason ?? null },
  }));
  return {
    health: blob.health,
    accidentDescription: blob.accidentDescription,
    household: r.household.map((m) => ({ id: m.id, name: m.name, idNumber: blob.members[String(m.id)]?.idNumber ?? null, health: blob.members[String(m.id)]?.health ?? null })),
  };
}

export interface RecordListInput {
  status?: 'open' | 'exited';
  tier?: HardshipTier;
  cause?: string;
  orgId?: number;
  q?: string;
  verified?: boolean;
  reviewDue?: boolean;
  page: number;
  pageSize: number;
}

/** Yearly review: due once the last review is a year old or older. */
export function reviewCutoff(today: string): string {
  const y = Number(today.slice(0, 4)) - 1;
  const md = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  return `${y}-${md}`;
}

function listItem(today: string) {
  return (r: Awaited<ReturnType<typeof repo.listRecords>>['items'][number]) => ({
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    idNumberMasked: r.id_masked,
    orgId: r.org_id,
    orgName: r.org_name,
    status: r.status,
    tier: r.tier,
    tierName: codeNames(HARDSHIP_TIERS, r.tier)?.zh ?? r.tier,
    tierYear: r.tier_year,
    mainCause: r.main_cause,
    causes: r.causes,
    causeNames: r.causes.map((c) => codeNames(HARDSHIP_CAUSES, c)?.zh ?? c),
    perCapitaFen: r.per_capita_fen,
    householdSize: r.household_size,
    verified: r.verified_at !== null,
    lastReviewedOn: r.last_reviewed_on,
    reviewDueOn: oneYearAfter(r.last_reviewed_on),
    reviewDue: r.status === 'open' && r.last_reviewed_on <= reviewCutoff(today),
    health: r.health_recorded ? '***' : null,
    createdAt: new Date(r.created_at).toISOString(),
    exitedAt: r.exited_at ? new Date(r.exited_at).toISOString() : null,
    exitReason: r.exit_reason,
  });
}

async function toQuery(ctx: AppContext, actor: Actor, input: Omit<RecordListInput, 'page' | 'pageSize'>, today: string): Promise<Omit<repo.RecordQuery, 'page' | 'pageSize'>> {
  return {
    status: input.status, tier: input.tier, cause: input.cause, q: input.q?.trim() || undefined, verified: input.verified,
    orgPath: input.orgId ? (await loadOrgInScope(ctx, actor, input.orgId)).path : undefined,
    reviewedOnOrBefore: input.reviewDue ? reviewCutoff(today) : undefined,
  };
}

export async function listRecords(ctx: AppContext, actor: Actor, input: RecordListInput) {
  need(actor, 'assist.read');
  const today = todayInShanghai();
  const q = await toQuery(ctx, actor, input, today);
  const { items, total } = await repo.listRecords(ctx.db, actor, { ...q, page: input.page, pageSize: input.pageSize }, input.reviewDue ? 'review' : 'newest');
  return { items: items.map(listItem(today)), total, page: input.page, pageSize: input.pageSize };
}

/** 待复核: open files whose last review is a year old, oldest first. */
export function listReviewDue(ctx: AppContext, actor: Actor, input: { orgId?: number; page: number; pageSize: number }) {
  return listRecords(ctx, actor, { ...input, status: 'open', reviewDue: true });
}

/** Files by tier, by cause and by the organisations one level below the scope (towns for the district). */
export async function hardshipFigures(ctx: AppContext, actor: Actor, input: { status?: 'open' | 'exited'; orgId?: number }) {
  need(actor, 'assist.read');
  const status = input.status ?? 'open';
  let rootPath: string;
  if (input.orgId) rootPath = (await loadOrgInScope(ctx, actor, input.orgId)).path;
  else {
    const prefix = scopePrefix(actor);
    rootPath = prefix || ((await ctx.db.selectFrom('orgs').select('path').where('parent_id', 'is', null).orderBy('id').executeTakeFirst())?.path ?? '/');
  }
  const depth = rootPath.split('/').filter(Boolean).length;
  const q = await toQuery(ctx, actor, { status, orgId: input.orgId }, todayInShanghai());
  const f = await repo.figures(ctx.db, actor, q, depth);
  const rootId = Number(rootPath.split('/').filter(Boolean).at(-1));
  const groupIds = f.byGroup.map((g) => (g.group_id ? Number(g.group_id) : rootId));
  const names = new Map((await repo.orgNames(ctx.db, [...new Set(groupIds.filter(Number.isFinite))])).map((o) => [o.id, o.name]));
  const byOrg = new Map<number, number>();
  f.byGroup.forEach((g, i) => byOrg.set(groupIds[i], (byOrg.get(groupIds[i]) ?? 0) + g.n));
  return {
    status,
    total: f.byTier.reduce((s, t) => s + t.n, 0),
    byTier: HARDSHIP_TIERS.map((t) => ({ tier: t.code, name: t.name, nameEn: t.nameEn, count: f.byTier.find((x) => x.tier === t.code)?.n ?? 0 })),
    byCause: HARDSHIP_CAUSES.map((c) => ({ cause: c.code, name: c.name, nameEn: c.nameEn, count: f.byCause.find((x) => x.cause === c.code)?.n ?? 0 })),
    byOrg: [...byOrg.entries()].map(([orgId, count]) => ({ orgId, orgName: names.get(orgId) ?? String(orgId), count })).sort((a, b) => b.count - a.count),
  };
}

/** The member's own file (portal): tier and status only, never household or health data. */
export async function myHardship(ctx: AppContext, actor: Actor) {
  if (!actor.personId) throw Errors.forbidden('只有关联了会员信息的账号可以查看本人困难职工档案', 'Only accounts linked to a member can view their own file');
  const r = await repo.latestRecordOf(ctx.db, actor.personId);
  if (!r) return { record: null };
  return {
    record: {
      id: r.id, status: r.status, tier: r.tier, tierName: codeNames(HARDSHIP_TIERS, r.tier)?.zh ?? r.tier,
      verified: r.verified_at !== null, causes: r.causes, causeNames: r.causes.map((c) => codeNames(HARDSHIP_CAUSES, c)?.zh ?? c),
      lastReviewedOn: r.last_reviewed_on, reviewDueOn: oneYearAfter(r.last_reviewed_on),
      exitedAt: r.exited_at ? new Date(r.exited_at).toISOString() : null,
    },
  };
}

/** For other modules (aid eligibility): the person's open file, or null. */
export async function getActiveHardship(db: Kdb, personId: number): Promise<{ recordId: number; tier: HardshipTier; verified: boolean; causes: string[] } | null> {
  const r = await repo.openRecordOf(db, personId);
  return r ? { recordId: r.id, tier: r.tier as HardshipTier, verified: r.verified_at !== null, causes: r.causes } : null;
}
