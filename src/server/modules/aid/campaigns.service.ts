/**
 * Seasonal campaigns 四季送 (春送岗位、夏送清凉、金秋助学、冬送温暖): a budget, target groups,
 * and distribution records (cash or goods, to whom, by whom). Paid 金秋助学 / 冬送温暖 / 夏送清凉
 * applications count towards the campaign they were filed under: the payment adds a cash
 * distribution linked to the application, so the execution figure has one source.
 */
import type { Kdb } from '../../db/connection.js';
import { currentMembershipOf } from '../members/members.service.js';
import { inTransaction, type AppContext } from '../../context.js';
import { require as need, type Actor } from '../../access/actor.js';
import { assertPathInScope, pathInScope } from '../../access/scope.js';
import { Errors, type ErrorDetail } from '../../http/errors.js';
import { todayInShanghai } from '../../../shared/dates.js';
import { CAMPAIGN_SEASONS, SEASON_NAMES, type CampaignSeason } from '../../../shared/aid/types.js';
import { percentText } from '../../../shared/money.js';
import { audit } from '../audit/audit.service.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import type { ApplicationRow } from '../workflow/workflow.service.js';
import * as repo from './campaigns.repo.js';

export interface CampaignInput {
  year: number;
  season: CampaignSeason;
  name?: string | null;
  orgId: number;
  budgetFen: number;
  targetGroups?: string[];
  startsOn?: string | null;
  endsOn?: string | null;
  note?: string | null;
}

function iso(d: Date | string | null) {
  return d ? new Date(d).toISOString() : null;
}

function presentCampaign(c: Awaited<ReturnType<typeof repo.listCampaigns>>['items'][number]) {
  return {
    id: c.id, year: c.year, season: c.season, seasonName: SEASON_NAMES[c.season as CampaignSeason]?.zh ?? c.season, seasonNameEn: SEASON_NAMES[c.season as CampaignSeason]?.en ?? c.season,
    name: c.name, orgId: c.org_id, orgName: c.org_name, budgetFen: c.budget_fen, targetGroups: c.target_groups,
    startsOn: c.starts_on, endsOn: c.ends_on, note: c.note,
    distributedFen: Number(c.distributed_fen), recipients: Number(c.recipients), records: Number(c.records),
    executionPercent: percentText(Number(c.distributed_fen), c.budget_fen),
    createdAt: iso(c.created_at),
  };
}

export async function listCampaigns(ctx: AppContext, actor: Actor, q: repo.CampaignQuery) {
  need(actor, 'assist.read');
  const { items, total } = await repo.listCampaigns(ctx.db, actor, q);
  return { items: items.map(presentCampaign), total, page: q.page, pageSize: q.pageSize };
}

async function loadVisible(ctx: AppContext, actor: Actor, id: number) {
  const c = await repo.findCampaign(ctx.db, id);
  if (!c) throw Errors.notFound('活动', 'Campaign');
  const root = actor.orgPath;
  const visible = pathInScope(actor, c.org_path) || (actor.role !== 'member' && root !== null && root.startsWith(c.org_path));
  if (!visible) throw Errors.outOfScope();
  return c;
}

export async function getCampaign(ctx: AppContext, actor: Actor, id: number) {
  need(actor, 'assist.read');
  const c = await loadVisible(ctx, actor, id);
  const exec = await repo.campaignExecution(ctx.db, actor, id);
  const distributedFen = exec.byKind.reduce((s, k) => s + Number(k.value_fen), 0);
  return {
    ...presentCampaign({ ...c, distributed_fen: distributedFen, recipients: exec.byKind.reduce((s, k) => s + k.recipients, 0), records: exec.byKind.reduce((s, k) => s + k.records, 0) }),
    canEdit: pathInScope(actor, c.org_path) && actor.permissions.has('assist.review'),
    byKind: exec.byKind.map((k) => ({ kind: k.kind, valueFen: Number(k.value_fen), recipients: k.recipients, records: k.records })),
    byOrg: exec.byOrg.map((o) => ({ ...o, valueFen: Number(o.valueFen) })),
    /** when the actor sees only part of a larger campaign, the figures are their subtree's share */
    partial: actor.orgPath !== null && !pathInScope(actor, c.org_path),
  };
}

function checkCampaign(input: CampaignInput): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) out.push({ field: 'year', code: 'YEAR', message: '年度无效', messageEn: 'Invalid year' });
  if (!CAMPAIGN_SEASONS.includes(input.season)) out.push({ field: 'season', code: 'SEASON', message: '请选择春送岗位、夏送清凉、金秋助学或冬送温暖', messageEn: 'Choose a season' });
  if (!Number.isSafeInteger(input.budgetFen) || input.budgetFen < 0) out.push({ field: 'budgetFen', code: 'AMOUNT', message: '预算须为非负整数（分）', messageEn: 'The budget must be a non-negative number of fen' });
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) out.push({ field: 'endsOn', code: 'DATE_ORDER', message: '结束日期早于开始日期', messageEn: 'Ends before it starts' });
  if ((input.name ?? '').length > 80) out.push({ field: 'name', code: 'TOO_LONG', message: '名称不超过80字', messageEn: 'At most 80 characters' });
  return out;
}

/** Staff who review aid run campaigns for organisations in their scope. */
export async function createCampaign(ctx: AppContext, actor: Actor, input: CampaignInput) {
  need(actor, 'assist.review');
  const org = await loadOrgInScope(ctx, actor, input.orgId);
  const problems = checkCampaign(input);
  if (problems.length) throw Errors.validation(problems);
  const name = input.name?.trim() || `${input.year}年${SEASON_NAMES[input.season].zh}`;
  return inTransaction(ctx, async (tx) => {
    const row = await tx.insertInto('aid_campaigns').values({
      year: input.year, season: input.season, name, org_id: org.id, budget_fen: input.budgetFen, target_groups: input.targetGroups ?? [],
      starts_on: input.startsOn ?? null, ends_on: input.endsOn ?? null, note: input.note ?? null, created_by: actor.userId || null, updated_at: new Date(),
    }).returning('id').executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'aid.campaign.create', entity: 'aid_campaign', entityId: row.id, orgId: org.id, after: { ...input, name } });
    return { id: row.id };
  });
}

export async function updateCampaign(ctx: AppContext, actor: Actor, id: number, patch: Partial<Omit<CampaignInput, 'orgId' | 'year' | 'season'>>) {
  need(actor, 'assist.review');
  const c = await repo.findCampaign(ctx.db, id);
  if (!c) throw Errors.notFound('活动', 'Campaign');
  assertPathInScope(actor, c.org_path);
  const merged: CampaignInput = {
    year: c.year, season: c.season as CampaignSeason, orgId: c.org_id, name: patch.name ?? c.name, budgetFen: patch.budgetFen ?? c.budget_fen,
    targetGroups: patch.targetGroups ?? c.target_groups, startsOn: patch.startsOn !== undefined ? patch.startsOn : c.starts_on,
    endsOn: patch.endsOn !== undefined ? patch.endsOn : c.ends_on, note: patch.note !== undefined ? patch.note : c.note,
  };
  const problems = checkCampaign(merged);
  if (problems.length) throw Errors.validation(problems);
  return inTransaction(ctx, async (tx) => {
    await tx.updateTable('aid_campaigns').set({
      name: merged.name!, budget_fen: merged.budgetFen, target_groups: merged.targetGroups, starts_on: merged.startsOn ?? null, ends_on: merged.endsOn ?? null, note: merged.note ?? null, updated_at: new Date(),
    }).where('id', '=', id).execute();
    await audit(tx, actor, { action: 'aid.campaign.update', entity: 'aid_campaign', entityId: id, orgId: c.org_id, before: { name: c.name, budgetFen: c.budget_fen, targetGroups: c.target_groups, startsOn: c.starts_on, endsOn: c.ends_on }, after: patch });
    return getCampaign(ctx, actor, id);
  });
}

export interface DistributionInput {
  kind: 'cash' | 'goods';
  valueFen: number;
  goods?: string | null;
  recipientPersonId?: number | null;
  recipientText?: string | null;
  recipientCount?: number;
  orgId?: number | null;
  distributedOn: string;
  note?: string | null;
}

/** Record what was handed out: by an organisation in the actor's scope that lies under the campaign's. */
export async function addDistribution(ctx: AppContext, actor: Actor, campaignId: number, input: DistributionInput) {
  need(actor, 'assist.review');
  const c = await loadVisible(ctx, actor, campaignId);
  const orgId = input.orgId ?? actor.orgId ?? c.org_id;
  const org = await loadOrgInScope(ctx, actor, orgId);
  const problems: ErrorDetail[] = [];
  if (!org.path.startsWith(c.org_path)) problems.push({ field: 'orgId', code: 'OUTSIDE_CAMPAIGN', message: `“${org.name}”不在“${c.org_name}”的活动范围内`, messageEn: 'This organisation is outside the campaign' });
  if (!Number.isSafeInteger(input.valueFen) || input.valueFen < 0 || (input.kind === 'cash' && input.valueFen === 0)) {
    problems.push({ field: 'valueFen', code: 'AMOUNT', message: input.kind === 'cash' ? '发放金额须为正整数（分）' : '物资价值须为非负整数（分）', messageEn: 'Enter the value in fen' });
  }
  if (input.kind === 'goods' && !input.goods?.trim()) problems.push({ field: 'goods', code: 'REQUIRED', message: '请填写发放的物资', messageEn: 'Describe the goods' });
  const text = input.recipientText?.trim() || null;
  if (!input.recipientPersonId && !text) problems.push({ field: 'recipientText', code: 'REQUIRED', message: '请选择受助会员，或填写受助群体/企业', messageEn: 'Choose a member or name the group or enterprise' });
  const count = input.recipientCount ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 100_000) problems.push({ field: 'recipientCount', code: 'COUNT', message: '受助人数须为1至100000', messageEn: 'Recipients: 1–100,000' });
  if (input.distributedOn > todayInShanghai()) problems.push({ field: 'distributedOn', code: 'DATE_IN_FUTURE', message: '发放日期晚于今天', messageEn: 'Dated in the future' });
  if (c.starts_on && input.distributedOn < c.starts_on) problems.push({ field: 'distributedOn', code: 'BEFORE_CAMPAIGN', message: `发放日期早于活动开始日期${c.starts_on}`, messageEn: 'Before the campaign starts' });
  if (input.recipientPersonId) {
    const m = await currentMembershipOf(ctx.db, input.recipientPersonId);
    if (!m || !pathInScope(actor, m.org_path)) problems.push({ field: 'recipientPersonId', code: 'OUT_OF_SCOPE', message: '受助会员不在您的管理范围内', messageEn: 'The member is outside your scope' });
  }
  if (problems.length) throw Errors.validation(problems);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.insertInto('aid_distributions').values({
      campaign_id: campaignId, kind: input.kind, value_fen: input.valueFen, goods: input.kind === 'goods' ? input.goods!.trim() : input.goods?.trim() || null,
      recipient_person_id: input.recipientPersonId ?? null, recipient_text: text, recipient_count: input.recipientPersonId ? 1 : count,
      org_id: org.id, distributed_by: actor.userId || null, distributed_on: input.distributedOn, note: input.note ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'aid.distribution', entity: 'aid_distribution', entityId: row.id, orgId: org.id, after: { campaignId, ...input } });
    return { id: row.id };
  });
}

export async function listDistributions(ctx: AppContext, actor: Actor, campaignId: number, page: number, pageSize: number) {
  need(actor, 'assist.read');
  await loadVisible(ctx, actor, campaignId);
  const { items, total } = await repo.listDistributions(ctx.db, actor, campaignId, page, pageSize);
  return {
    total, page, pageSize,
    items: items.map((x) => ({
      id: x.id, kind: x.kind, valueFen: x.value_fen, goods: x.goods, recipientPersonId: x.recipient_person_id, recipientName: x.person_name ?? x.recipient_text,
      recipientCount: x.recipient_count, orgId: x.org_id, orgName: x.org_name, distributedBy: x.distributed_by_name, distributedOn: x.distributed_on,
      applicationId: x.application_id, note: x.note,
    })),
  };
}

/** onPaid hook of campaign-linked aid: the paid amount becomes a cash distribution of the campaign. */
export async function recordPaidAid(tx: Kdb, app: ApplicationRow): Promise<void> {
  const d = await tx.selectFrom('aid_applications').select(['campaign_id', 'person_id', 'org_id']).where('application_id', '=', app.id).executeTakeFirst();
  if (!d?.campaign_id || !app.approved_fen) return;
  const batch = app.payment_batch_id ? await tx.selectFrom('payment_batches').select('paid_on').where('id', '=', app.payment_batch_id).executeTakeFirst() : undefined;
  await tx.insertInto('aid_distributions').values({
    campaign_id: d.campaign_id, kind: 'cash', value_fen: app.approved_fen, recipient_person_id: d.person_id, recipient_count: 1,
    org_id: d.org_id, distributed_by: null, distributed_on: batch?.paid_on ?? todayInShanghai(), application_id: app.id,
    note: `救助申请 #${app.id} 发放`,
  }).execute();
}
