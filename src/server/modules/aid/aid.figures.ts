/** 帮扶统计: applicants, approvals and amounts by type, period and subtree; campaign execution. Each row carries the list filter it opens. */
import type { AppContext } from '../../context.js';
import { require as need, type Actor } from '../../access/actor.js';
import { scopePrefix } from '../../access/scope.js';
import { AID_TYPE_INFO, type AidType } from '../../../shared/aid/types.js';
import { periodName } from '../../../shared/aid/rules.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { listCampaigns } from './campaigns.service.js';
import * as repo from './aid.repo.js';

export interface FiguresInput {
  year?: number;
  aidType?: AidType;
  orgId?: number;
}

type Row = Awaited<ReturnType<typeof repo.aidFigures>>[number];

function measures(r: Row) {
  return {
    applications: r.applications, applicants: r.applicants, approved: r.approved, inReview: r.in_review, rejected: r.rejected,
    approvedFen: Number(r.approved_fen), paidFen: Number(r.paid_fen),
  };
}

export async function aidFigures(ctx: AppContext, actor: Actor, input: FiguresInput) {
  need(actor, 'assist.read');
  const root = input.orgId ? await loadOrgInScope(ctx, actor, input.orgId) : undefined;
  const rootPath = root?.path ?? scopePrefix(actor) ?? null;
  // the grouping level is the one below the chosen root: towns for the district, unions for a town
  const childDepth = rootPath ? rootPath.split('/').length : 3;
  const q = { aidType: input.aidType, year: input.year, orgPath: root?.path };
  const [byType, byPeriod, byOrgRaw, campaigns] = await Promise.all([
    repo.aidFigures(ctx.db, actor, q, 'type', childDepth),
    repo.aidFigures(ctx.db, actor, q, 'period', childDepth),
    repo.aidFigures(ctx.db, actor, q, 'org', childDepth),
    listCampaigns(ctx, actor, { year: input.year, page: 1, pageSize: 100 }),
  ]);
  const orgIds = byOrgRaw.map((r) => Number(r.k)).filter((n) => n > 0);
  const names = orgIds.length ? await ctx.db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', orgIds).execute() : [];
  const total = byType.reduce((t, r) => {
    const m = measures(r);
    return { applications: t.applications + m.applications, approved: t.approved + m.approved, approvedFen: t.approvedFen + m.approvedFen, paidFen: t.paidFen + m.paidFen };
  }, { applications: 0, approved: 0, approvedFen: 0, paidFen: 0 });
  return {
    filter: input,
    total,
    byType: byType.map((r) => ({ aidType: r.k, name: AID_TYPE_INFO[r.k as AidType]?.zh ?? r.k, nameEn: AID_TYPE_INFO[r.k as AidType]?.en ?? r.k, ...measures(r) })),
    byPeriod: byPeriod.map((r) => ({ periodKey: r.k, name: periodName(r.k).zh, nameEn: periodName(r.k).en, ...measures(r) })),
    byOrg: byOrgRaw.map((r) => ({ orgId: Number(r.k), name: names.find((n) => n.id === Number(r.k))?.name ?? '', ...measures(r) })).sort((a, b) => b.approvedFen - a.approvedFen),
    campaigns: campaigns.items.map((c) => ({ id: c.id, name: c.name, year: c.year, season: c.season, seasonName: c.seasonName, orgName: c.orgName, budgetFen: c.budgetFen, distributedFen: c.distributedFen, executionPercent: c.executionPercent })),
  };
}
