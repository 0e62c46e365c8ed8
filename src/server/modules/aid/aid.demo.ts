/**
 * Demo aid data, made through the real service and workflow functions: per-year amounts
 * 2022–2026, four seasonal campaigns a year with distributions, and ~400 applications over
 * 2024–2026 filed by a union clerk and decided step by step by each step's organisation —
 * most approved and paid in batches, some returned, rejected or still waiting.
 * Deterministic: the choices follow the row order, never a clock or a random source.
 */
import type { AppContext } from '../../context.js';
import { buildPermissions, type Actor } from '../../access/actor.js';
import type { Role } from '../../access/roles.js';
import { AID_TYPE_INFO, DEMO_RULES, SEASON_NAMES, type AidType, type CampaignSeason } from '../../../shared/aid/types.js';
import { isOutdoorWorker } from '../../../shared/aid/rules.js';
import { todayInShanghai } from '../../../shared/dates.js';
import { createUser } from '../auth/users.service.js';
import { saveUpload } from '../attachments/attachments.service.js';
import { decide } from '../workflow/workflow.service.js';
import type { ResolvedStep } from '../workflow/workflow.types.js';
import { putYearRule } from './aid-rules.service.js';
import { createCampaign, addDistribution } from './campaigns.service.js';
import { createBatch, markBatchPaid } from './payments.service.js';
import { fileApplication } from './aid.service.js';
import { getActiveHardship } from './aid.hardship.js';

const YEARS = [2024, 2025, 2026];
// A 1×1 PNG: the document photos of demo applications.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e50000000049454e44ae426082', 'hex');

async function actorOf(ctx: AppContext, username: string): Promise<Actor | undefined> {
  const u = await ctx.db.selectFrom('users').leftJoin('orgs', 'orgs.id', 'users.org_id')
    .select(['users.id', 'users.role', 'users.org_id', 'users.person_id', 'users.permissions', 'orgs.path']).where('username', '=', username).executeTakeFirst();
  if (!u) return undefined;
  return { userId: u.id, username, role: u.role as Role, orgId: u.org_id, orgPath: u.path, personId: u.person_id, permissions: buildPermissions(u.role as Role, u.permissions) };
}

/** Who signs a step: the demo login of that organisation when there is one, else a named reviewer of it. */
function reviewerFor(step: ResolvedStep, known: Actor[]): Actor {
  const real = known.find((a) => (step.level === 'district' ? a.role === 'district_admin' && a.orgId === null : a.orgId === step.orgId));
  if (real) return real;
  const role: Role = step.level === 'district' ? 'district_admin' : 'org_admin';
  return { userId: 0, username: `${step.orgName}审核人`, role, orgId: step.level === 'district' ? null : step.orgId, orgPath: step.level === 'district' ? null : step.orgPath, personId: null, permissions: buildPermissions(role, []) };
}

async function rules(ctx: AppContext, admin: Actor) {
  for (let year = 2022; year <= 2026; year++) {
    const older = 2026 - year; // standards rose a little each year
    for (const [type, r] of Object.entries(DEMO_RULES) as [AidType, (typeof DEMO_RULES)[AidType]][]) {
      const scale = (fen: number | null) => (fen === null ? null : Math.round((fen * (100 - older * 5)) / 100 / 100) * 100);
      await putYearRule(ctx, admin, year, type, { capFen: scale(r.capFen)!, fixedFen: scale(r.fixedFen), thresholdFen: r.thresholdFen, ratioBp: r.ratioBp });
    }
  }
}

const SEASON_PLAN: Record<CampaignSeason, { budgetFen: number; groups: string[]; goods: string[]; from: string; to: string }> = {
  spring: { budgetFen: 20_000_000, groups: ['农民工', '困难职工'], goods: ['招聘会岗位信息手册', '职业技能培训券'], from: '02-15', to: '04-30' },
  summer: { budgetFen: 30_000_000, groups: ['户外劳动者', '新就业形态劳动者'], goods: ['防暑降温用品', '清凉饮品', '藿香正气水和毛巾'], from: '06-15', to: '08-31' },
  autumn: { budgetFen: 50_000_000, groups: ['困难职工子女'], goods: ['学习用品', '助学礼包'], from: '08-01', to: '10-31' },
  winter: { budgetFen: 80_000_000, groups: ['困难职工', '户外劳动者', '农民工'], goods: ['棉衣', '米面油', '取暖用品'], from: '11-15', to: '12-31' },
};

async function campaigns(ctx: AppContext, admin: Actor, root: number, towns: { id: number; name: string }[]) {
  const today = todayInShanghai();
  for (const year of YEARS) {
    for (const season of Object.keys(SEASON_PLAN) as CampaignSeason[]) {
      const plan = SEASON_PLAN[season];
      const startsOn = `${year}-${plan.from}`;
      if (startsOn > today) continue;
      const { id } = await createCampaign(ctx, admin, {
        year, season, orgId: root, name: `${year}年${SEASON_NAMES[season].zh}`, budgetFen: plan.budgetFen, targetGroups: plan.groups,
        startsOn, endsOn: `${year}-${plan.to}`, note: '区总工会统一部署，各镇街、园区工会组织发放',
      });
      for (const [i, town] of towns.entries()) {
        const on = `${year}-${plan.from.slice(0, 3)}${String(20 + (i % 8)).padStart(2, '0')}`;
        if (on > today) continue;
        await addDistribution(ctx, admin, id, {
          kind: 'goods', goods: `${plan.goods[i % plan.goods.length]}${20 + i * 3}份`, valueFen: (20 + i * 3) * (season === 'winter' ? 30_000 : 8_000),
          recipientText: `${town.name.replace(/总工会$/, '')}${plan.groups[i % plan.groups.length]}`, recipientCount: 20 + i * 3, orgId: town.id, distributedOn: on,
        });
      }
    }
  }
}

interface Plan {
  type: AidType;
  year: number;
  personId: number;
  /** 0–99: decides how far the application gets */
  fate: number;
}

/** When in the period each type is applied for (its 'today'). */
function filedOn(type: AidType, year: number, n: number): string {
  const day = String(3 + (n % 20)).padStart(2, '0');
  const month = { living: '03', medical: '06', education: '09', winter: '12', summer: '07', temporary: '05' }[type];
  return `${year}-${month}-${day}`;
}

function detailsFor(type: AidType, on: string, n: number): Record<string, unknown> {
  const year = Number(on.slice(0, 4));
  if (type === 'medical') {
    const total = 800_000 + (n % 17) * 150_000;
    return { bills: [{ hospital: ['密云区医院', '北京市密云区中医医院', '北大人民医院'][n % 3], date: `${year}-0${1 + (n % 5)}-1${n % 9}`, totalFen: total, insuredFen: Math.floor(total * 0.45) }] };
  }
  if (type === 'education') {
    return { child: { name: `${'子女'}${n}`, school: ['北京联合大学', '密云区第二中学', '北京农业职业学院', '首都师范大学'][n % 4], stage: (['undergraduate', 'senior', 'college', 'undergraduate'] as const)[n % 4], admissionYear: year - (n % 2) } };
  }
  if (type === 'temporary') {
    return { event: { kind: (['accident', 'illness', 'disaster'] as const)[n % 3], date: `${year}-04-${String(1 + (n % 25)).padStart(2, '0')}`, description: ['下班途中遭遇交通事故，住院治疗', '突发脑梗住院，家庭失去主要收入', '暴雨致房屋受损'][n % 3] } };
  }
  return {};
}

const REASONS: Record<AidType, string[]> = {
  living: ['家庭人均收入低于标准，配偶长期患病，生活困难', '单亲家庭，独自抚养两个孩子，收入微薄'],
  medical: ['本人患病住院，自付医疗费用较高', '家属重病治疗，医疗支出超出家庭承受能力'],
  education: ['子女考入大学，学费负担重', '子女在读，家庭困难'],
  winter: ['困难职工冬季慰问', '家庭困难，冬季取暖支出大'],
  summer: ['户外作业，夏季高温慰问', '快递配送一线职工'],
  temporary: ['突发意外致困，申请临时救助', '家中遭灾，急需救助'],
};

export async function seedAidDemo(ctx: AppContext, actor: Actor): Promise<void> {
  void actor;
  if (await ctx.db.selectFrom('aid_year_rules').select('year').limit(1).executeTakeFirst()) return;
  const admin = await actorOf(ctx, 'admin');
  const root = await ctx.db.selectFrom('orgs').select(['id']).where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
  if (!admin || !root) return;
  await rules(ctx, admin);
  const towns = await ctx.db.selectFrom('orgs').select(['id', 'name']).where('parent_id', '=', root.id).where('type', 'in', ['town', 'park']).orderBy('id').limit(8).execute();
  await campaigns(ctx, admin, root.id, towns);

  // The clerk who keys in the paper applications at the district's service window.
  await createUser(ctx, admin, { username: 'aid_clerk', role: 'org_admin', orgId: root.id, displayName: '帮扶中心窗口', mustChangePassword: true });
  const clerk = (await actorOf(ctx, 'aid_clerk'))!;
  const known = (await Promise.all(['admin', 'town_admin', 'park_admin', 'union_admin'].map((u) => actorOf(ctx, u)))).filter((a): a is Actor => !!a);
  const demoMember = await ctx.db.selectFrom('users').select('person_id').where('username', '=', 'member').executeTakeFirst();

  // Applicants: members of grassroots unions, spread over the district; hardship-based aid for people with a record.
  const members = await ctx.db.selectFrom('memberships as m').innerJoin('orgs as o', 'o.id', 'm.org_id').innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['m.person_id', 'p.occupation', 'p.is_new_employment', 'p.is_hardship'])
    .where('m.status', '=', 'active').where('o.type', 'in', ['grassroots', 'joint'])
    .where('m.person_id', '<>', demoMember?.person_id ?? -1)
    .orderBy('m.id').execute();
  const step = Math.max(1, Math.floor(members.length / 600)); // ~600 people spread over the district
  const spread = members.filter((_, i) => i % step === 0);
  const hardship: number[] = [];
  for (const m of [...members.filter((x) => x.is_hardship), ...spread]) {
    if (hardship.length >= 80) break;
    const h = await getActiveHardship(ctx.db, m.person_id).catch(() => null);
    if (h?.verified && (h.tier === 'deep' || h.tier === 'relative') && !hardship.includes(m.person_id)) hardship.push(m.person_id);
  }
  const outdoor = members.filter((m) => isOutdoorWorker(m.occupation, m.is_new_employment)).filter((_, i) => i % step === 0).map((m) => m.person_id);
  const anyone = spread.map((m) => m.person_id);

  const plans: Plan[] = [];
  let n = 0;
  for (const year of YEARS) {
    const add = (type: AidType, pool: number[], count: number) => {
      for (let i = 0; i < Math.min(count, pool.length); i++) plans.push({ type, year, personId: pool[(i * 7 + year) % pool.length], fate: (n++ * 37) % 100 });
    };
    add('living', hardship, 25);
    add('winter', hardship, 25);
    add('education', hardship, 12);
    add('medical', anyone, 30);
    add('summer', outdoor, 30);
    add('temporary', anyone.slice(100), 20);
  }
  const today = todayInShanghai();
  const paid = new Map<string, number[]>();
  for (const [i, p] of plans.entries()) {
    const on = filedOn(p.type, p.year, i);
    if (on > today) continue;
    const docs = AID_TYPE_INFO[p.type].documents.length;
    const attachmentIds: number[] = [];
    for (let k = 0; k < docs; k++) attachmentIds.push((await saveUpload(ctx, clerk, { filename: `${AID_TYPE_INFO[p.type].documents[k].zh}.png`, data: PNG })).id);
    let filed: { id: number };
    try {
      filed = await fileApplication(ctx, clerk, {
        personId: p.personId, aidType: p.type, reason: REASONS[p.type][i % 2], amountFen: p.type === 'living' ? 100_000 + (i % 4) * 50_000 : p.type === 'education' ? 200_000 + (i % 3) * 100_000 : p.type === 'temporary' ? 300_000 + (i % 4) * 100_000 : null,
        details: detailsFor(p.type, on, i), attachmentIds, payee: { bank: ['北京农商银行密云支行', '中国工商银行密云支行', '中国建设银行密云支行'][i % 3], account: `6217${String(100000000000000 + p.personId * 7919 + i).slice(-15)}` },
      }, { today: on });
    } catch {
      continue; // the rules refused this one (e.g. the person was already granted this period): the demo moves on
    }
    const recent = p.year === 2026;
    // how far it gets: most through, some stopped at a step (returned, rejected, still waiting)
    const stopAt = p.fate < (recent ? 12 : 2) ? 0 : p.fate < (recent ? 20 : 4) ? 1 : p.fate < (recent ? 26 : 6) ? 2 : 3;
    const app = await ctx.db.selectFrom('applications').select(['steps']).where('id', '=', filed.id).executeTakeFirstOrThrow();
    const steps = app.steps as ResolvedStep[];
    let ok = true;
    for (let s = 0; s < steps.length && ok; s++) {
      const reviewer = reviewerFor(steps[s], known);
      try {
        if (s === stopAt && stopAt < 3) {
          if (p.fate % 3 === 0) await decide(ctx, reviewer, filed.id, { action: 'return', comment: '请补充收入证明和家庭成员情况' });
          else if (p.fate % 3 === 1) await decide(ctx, reviewer, filed.id, { action: 'reject', comment: '经核实，家庭人均收入高于困难职工标准' });
          ok = false; // the rest wait at this step
        } else {
          await decide(ctx, reviewer, filed.id, { action: 'approve', comment: ['情况属实，同意', '同意上报', '同意'][s] ?? '同意' });
        }
      } catch {
        ok = false;
      }
    }
    if (ok && !(recent && p.fate % 4 === 0)) {
      const key = `${p.year}-${p.type}`;
      paid.set(key, [...(paid.get(key) ?? []), filed.id]);
    }
  }
  for (const [key, ids] of paid) {
    const [year, type] = key.split('-');
    const batch = await createBatch(ctx, admin, { applicationIds: ids, title: `${year}年${AID_TYPE_INFO[type as AidType].zh}发放` });
    const paidOn = [`${year}-12-28`, today].sort()[0];
    await markBatchPaid(ctx, admin, batch.id, { paidOn });
  }
}
