import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import { buildPermissions, type Actor } from '../../access/actor.js';
import type { Role } from '../../access/roles.js';
import { todayInShanghai } from '../../../shared/dates.js';
import { addDays } from '../../../shared/mutual-aid/reimbursement.js';
import { audit } from '../audit/audit.service.js';
import { decide } from '../workflow/workflow.service.js';
import * as repo from './mutual-aid.repo.js';
import { createPlan, submitClaim, type PlanInput } from './mutual-aid.service.js';

/** The signed-in shape of a demo user, so demo claims travel through the real workflow. */
async function demoActor(ctx: AppContext, username: string): Promise<Actor | undefined> {
  const u = await ctx.db.selectFrom('users as u').leftJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.username', 'u.role', 'u.org_id', 'u.person_id', 'u.permissions', 'o.path']).where('u.username', '=', username).executeTakeFirst();
  if (!u) return undefined;
  const role = u.role as Role;
  return { userId: u.id, username: u.username, role, orgId: u.org_id, orgPath: u.path ?? null, personId: u.person_id, permissions: buildPermissions(role, u.permissions) };
}

function plans(year: number): PlanInput[] {
  return [
    { year, name: '在职职工住院医疗互助保障', kind: 'hospital', premiumFen: 5_000, deductibleFen: 50_000, deductibleBasis: 'per_year', ratioBp: 5000, capPerClaimFen: null, capPerYearFen: 1_500_000, waitingDays: 90, description: '医保报销后个人自付部分的二次报销；年度起付线 500 元，报销 50%，年度限额 1.5 万元' },
    { year, name: '重大疾病互助保障', kind: 'critical_illness', premiumFen: 10_000, deductibleFen: 0, deductibleBasis: 'per_claim', ratioBp: 8000, capPerClaimFen: 3_000_000, capPerYearFen: 5_000_000, waitingDays: 180, description: '确诊重大疾病后的个人自付医疗费用，报销 80%' },
    { year, name: '意外伤害互助保障', kind: 'accident', premiumFen: 2_000, deductibleFen: 10_000, deductibleBasis: 'per_claim', ratioBp: 8000, capPerClaimFen: 500_000, capPerYearFen: 1_000_000, waitingDays: 0, description: '非工伤意外伤害医疗费用，每次起付线 100 元' },
  ];
}

/**
 * This year's three plans; the demo union and the park enrolled in 住院医疗 (the park's 7,629
 * secondary reimbursements are the reason this module exists); a few claims by the demo
 * member and filed by the town for the union's members, approved through the workflow.
 */
export async function seedMutualAidDemo(ctx: AppContext, actor: Actor): Promise<void> {
  if (await ctx.db.selectFrom('mutual_aid_plans').select('id').limit(1).executeTakeFirst()) return;
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const created: Awaited<ReturnType<typeof createPlan>>[] = [];
  for (const p of plans(year)) created.push(await createPlan(ctx, actor, p));
  const [hospital, , accident] = created;
  const enrolledOn = `${year - 1}-12-15`;

  const unionAdmin = await demoActor(ctx, 'union_admin');
  const park = await ctx.db.selectFrom('orgs').select(['id', 'path']).where('type', '=', 'park').orderBy('id').executeTakeFirst();
  const union = unionAdmin?.orgPath ? { id: unionAdmin.orgId!, path: unionAdmin.orgPath } : undefined;
  await inTransaction(ctx, async (tx) => {
    for (const [org, planIds] of [[union, [hospital.id, accident.id]], [park, [hospital.id]]] as const) {
      if (!org) continue;
      for (const planId of planIds) {
        const plan = created.find((p) => p.id === planId)!;
        const n = await repo.enrolSubtree(tx, { planId, orgPath: org.path, enrolledOn, premiumFen: plan.premiumFen, userId: null });
        await audit(tx, actor, { action: 'mutual_aid.enrol_bulk', entity: 'mutual_aid_plan', entityId: planId, orgId: org.id, detail: { enrolledOn, enrolled: n, demo: true } });
      }
    }
  });

  const [member, town, admin] = await Promise.all([demoActor(ctx, 'member'), demoActor(ctx, 'town_admin'), demoActor(ctx, 'admin')]);
  const coveredFrom = addDays(enrolledOn, hospital.waitingDays);
  if (!member?.personId || !town || !admin || !unionAdmin || coveredFrom > today) return;
  const billDay = (k: number) => { const d = addDays(coveredFrom, k * 11); return d > today ? today : d; };

  // The demo member: one claim approved at both levels, one waiting at the grassroots union.
  const first = await submitClaim(ctx, member, {
    planId: hospital.id, diagnosis: '腰椎间盘突出住院治疗',
    bills: [{ hospital: '北京市密云区医院', visitDate: billDay(1), totalFen: 1_868_050, insurancePaidFen: 1_215_300, selfPaidFen: 86_420 }], attachmentIds: [],
  });
  await decide(ctx, unionAdmin, first.id, { action: 'approve', comment: '票据齐全，属实' });
  await decide(ctx, admin, first.id, { action: 'approve', comment: '同意按规则报销' });
  await submitClaim(ctx, member, {
    planId: accident.id, diagnosis: '下班途中摔伤，右腕骨折',
    bills: [{ hospital: '北京市密云区中医医院', visitDate: billDay(3), totalFen: 426_000, insurancePaidFen: 255_600, selfPaidFen: 12_000 }], attachmentIds: [],
  });

  // Claims the town union entered for members of the union (paper forms collected at the union).
  const others = await ctx.db.selectFrom('mutual_aid_enrolments').select('person_id').where('plan_id', '=', hospital.id).where('org_id', '=', unionAdmin.orgId!)
    .where('person_id', '<>', member.personId).orderBy('id').limit(6).execute();
  for (const [i, o] of others.entries()) {
    const total = 600_000 + i * 137_500;
    const c = await submitClaim(ctx, town, {
      planId: hospital.id, personId: o.person_id, diagnosis: ['肺炎住院', '冠心病介入治疗', '胆囊切除术', '糖尿病并发症住院', '骨折内固定术', '白内障手术'][i],
      bills: [{ hospital: ['北京市密云区医院', '北京大学第一医院密云医院', '北京市密云区中医医院'][i % 3], visitDate: billDay(i), totalFen: total, insurancePaidFen: Math.round(total * 0.62), selfPaidFen: 20_000 + i * 3_000 }],
      attachmentIds: [],
    });
    if (i < 4) await decide(ctx, unionAdmin, c.id, { action: 'approve', comment: '已核对原始票据' });
    if (i < 2) await decide(ctx, admin, c.id, { action: 'approve' });
    if (i === 4) await decide(ctx, unionAdmin, c.id, { action: 'return', comment: '请补充住院费用明细清单' });
  }
}
