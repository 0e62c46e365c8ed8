import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import type { Kdb } from '../../db/connection.js';
import type { Actor } from '../../access/actor.js';
import { Rng } from '../../demo/random.js';
import { randomName } from '../../demo/names.js';
import { todayInShanghai, ymd } from '../../../shared/dates.js';
import { audit } from '../audit/audit.service.js';
import { DEMO_ACTIVITY_TITLES, DEMO_DECISIONS, DEMO_DOCUMENTS, DEMO_MEETINGS, DEMO_PLACES } from './demo-data.js';

interface OrgRef { id: number; name: string; type: string }

const YEARS = [2022, 2023, 2024, 2025, 2026];

/**
 * The reform work demo: both groups with the 16 bureaus and the towns, ten policy documents,
 * eight meetings (decisions linked to the reform-tasks demo's tasks when they exist), the 2025 and
 * 2026 budget lines with spending, and five years of activities. Deterministic (one seeded Rng,
 * dates capped at today) and skipped when groups already exist.
 */
export async function seedReformWorkDemo(ctx: AppContext, actor: Actor): Promise<void> {
  if (await ctx.db.selectFrom('reform_groups').select('id').limit(1).executeTakeFirst()) return;
  const orgs = await ctx.db.selectFrom('orgs').select(['id', 'name', 'type', 'parent_id']).where('status', '=', 'active').where('depth', '<=', 1).orderBy('id').execute();
  const district = orgs.find((o) => o.parent_id === null);
  if (!district) return;
  const bureaus = orgs.filter((o) => o.type === 'member_unit');
  const towns = orgs.filter((o) => o.type === 'town');
  const rng = new Rng('reform-work-demo');
  const today = todayInShanghai();
  await inTransaction(ctx, async (tx) => {
    await seedGroups(tx, rng, district, bureaus, towns);
    await seedDocuments(tx, district, bureaus, today);
    const activityIds = await seedActivities(tx, rng, district, bureaus, towns, today);
    await seedMeetings(tx, rng, district, bureaus, towns, today);
    await seedBudget(tx, rng, activityIds, today);
    await audit(tx, actor, { action: 'demo.seed', entity: 'reform_work', detail: { activities: activityIds.length } });
  });
}

const person = (rng: Rng) => randomName(rng, rng.chance(0.6) ? 'M' : 'F', rng.int(1965, 1990));
const mobile = (rng: Rng) => `13${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;

async function seedGroups(tx: Kdb, rng: Rng, district: OrgRef, bureaus: OrgRef[], towns: OrgRef[]) {
  const term1 = await tx.insertInto('reform_groups').values({ kind: 'coordination', name: '密云区产业工人队伍建设改革协调小组', term_no: 1, start_year: 2021, end_year: 2025, note: '区委区政府批准成立' }).returning('id').executeTakeFirstOrThrow();
  const term2 = await tx.insertInto('reform_groups').values({ kind: 'coordination', name: '密云区产业工人队伍建设改革协调小组（第二届）', term_no: 2, start_year: 2026, end_year: 2030, note: null }).returning('id').executeTakeFirstOrThrow();
  const working = await tx.insertInto('reform_groups').values({ kind: 'working', name: '密云区产业工人队伍建设改革工作专班', term_no: 1, start_year: 2021, end_year: null, note: '16个成员单位和20个镇街各明确一名联络员' }).returning('id').executeTakeFirstOrThrow();
  const leadership = [
    { name: person(rng), org: district, position: '区委常委、区总工会主席', role: 'leader' },
    { name: person(rng), org: district, position: '区总工会常务副主席', role: 'deputy' },
    { name: person(rng), org: bureaus.find((b) => b.name.includes('人力资源')) ?? bureaus[0], position: '副局长', role: 'deputy' },
  ];
  for (const [groupId, start] of [[term1.id, '2021-04-01'], [term2.id, '2026-01-01']] as const) {
    for (const m of leadership) {
      await tx.insertInto('reform_group_members').values({ group_id: groupId, name: m.name, org_id: m.org.id, position_title: m.position, role: m.role, phone: mobile(rng), started_on: start }).execute();
    }
    for (const b of bureaus) {
      await tx.insertInto('reform_group_members').values({ group_id: groupId, name: person(rng), org_id: b.id, position_title: '副职领导', role: 'member', phone: mobile(rng), started_on: start }).execute();
    }
  }
  // The working group: one liaison per bureau and town; a few seats changed hands over the years.
  for (const [i, o] of [...bureaus, ...towns].entries()) {
    const first = await tx.insertInto('reform_group_members').values({
      group_id: working.id, name: person(rng), org_id: o.id, position_title: o.type === 'town' ? '工会主席' : '科长', role: 'liaison', phone: mobile(rng), started_on: '2021-04-01',
      ended_on: i % 7 === 3 ? '2024-03-01' : null, end_reason: i % 7 === 3 ? '工作调动' : null,
    }).returning('id').executeTakeFirstOrThrow();
    if (i % 7 === 3) {
      await tx.insertInto('reform_group_members').values({
        group_id: working.id, name: person(rng), org_id: o.id, position_title: o.type === 'town' ? '工会主席' : '科员', role: 'liaison', phone: mobile(rng), started_on: '2024-03-01', previous_id: first.id,
      }).execute();
    }
  }
}

async function seedDocuments(tx: Kdb, district: OrgRef, bureaus: OrgRef[], today: string) {
  const hr = bureaus.find((b) => b.name.includes('人力资源')) ?? district;
  for (const d of DEMO_DOCUMENTS) {
    if (d.issuedOn > today) continue;
    const issuer = d.issuer === 'hr' ? hr : district;
    await tx.insertInto('reform_documents').values({
      doc_type: d.type, title: d.title, issuer_org_id: issuer.id, doc_no: `${d.agency}〔${d.issuedOn.slice(0, 4)}〕${d.seq}号`,
      doc_no_year: Number(d.issuedOn.slice(0, 4)), doc_no_seq: d.seq, issued_on: d.issuedOn, effective_on: d.issuedOn, summary: d.summary,
    }).execute();
  }
}

/** Per year: how many of each type (30+ 劳模宣讲报告会 over five years, as the district reports). */
const PER_YEAR: Record<string, number> = {
  model_worker_lecture: 7, theme_education: 6, public_lecture: 7, progress_meeting: 3, safety_month: 5, health_lecture: 6, culture_sports: 9, party_building: 5, other: 2,
};

async function seedActivities(tx: Kdb, rng: Rng, district: OrgRef, bureaus: OrgRef[], towns: OrgRef[], today: string): Promise<{ id: number; year: number; type: string }[]> {
  const out: { id: number; year: number; type: string }[] = [];
  for (const year of YEARS) {
    for (const [type, n] of Object.entries(PER_YEAR)) {
      for (let k = 0; k < n; k++) {
        // 安全生产月 is June; the rest spread over the year.
        const month = type === 'safety_month' ? 6 : rng.int(1, 12);
        const held = ymd(year, month, rng.int(1, 28))!;
        if (held > today) continue;
        const roll = rng.next();
        const org = type === 'progress_meeting' || roll < 0.3 ? district : roll < 0.88 ? rng.pick(towns) : rng.pick(bureaus);
        const titles = DEMO_ACTIVITY_TITLES[type];
        const row = await tx.insertInto('activities').values({
          type, title: `${year}年${rng.pick(titles)}`, held_on: held, org_id: org.id, place: org.id === district.id ? rng.pick(DEMO_PLACES) : `${org.name.replace(/总工会$/, '')}职工之家`,
          participant_count: type === 'culture_sports' ? rng.int(80, 400) : rng.int(30, 200), summary: null, created_by: null,
        }).returning('id').executeTakeFirstOrThrow();
        out.push({ id: row.id, year, type });
      }
    }
  }
  return out;
}

async function seedMeetings(tx: Kdb, rng: Rng, district: OrgRef, bureaus: OrgRef[], towns: OrgRef[], today: string) {
  const tasks = await tx.selectFrom('reform_tasks').select('id').orderBy('id').limit(8).execute().catch(() => []);
  let taskIdx = 0;
  for (const [i, m] of DEMO_MEETINGS.entries()) {
    if (m.heldOn > today) continue;
    const org = m.by === 'hr' ? bureaus.find((b) => b.name.includes('人力资源')) ?? district : district;
    const row = await tx.insertInto('reform_meetings').values({
      kind: m.kind, title: m.title, held_on: m.heldOn, place: '区总工会三层会议室', org_id: org.id, host: person(rng),
      minutes: `会议通报了产业工人队伍建设改革工作进展，各成员单位汇报了牵头任务完成情况，与会同志围绕${m.title.replace(/^\d+年/, '')}进行了讨论。`, created_by: null,
    }).returning('id').executeTakeFirstOrThrow();
    const attendees = [...bureaus.slice(0, 6 + (i % 5)), ...towns.slice(0, 3 + (i % 4))];
    await tx.insertInto('reform_meeting_attendees').values(attendees.map((o) => ({ meeting_id: row.id, org_id: o.id, name: null }))).execute();
    const decisions = DEMO_DECISIONS.slice((i * 2) % DEMO_DECISIONS.length, ((i * 2) % DEMO_DECISIONS.length) + 3);
    for (const [seq, content] of decisions.entries()) {
      // The first decision of most meetings became a reform task of the demo plan.
      const task = seq === 0 && i % 4 !== 3 ? tasks[taskIdx++] : undefined;
      await tx.insertInto('reform_meeting_decisions').values({ meeting_id: row.id, seq: seq + 1, content, task_id: task?.id ?? null }).execute();
    }
  }
}

const LINES = [
  { name: '重点群体培训', fen: 15_000_000, payees: ['北京市密云区职业技能培训中心', '密云区新就业形态劳动者服务站'] },
  { name: '岗位实践活动', fen: 15_000_000, payees: ['北京金诚信矿山技术研究院有限公司', '密云区职工技能竞赛组委会'] },
  { name: '劳模宣讲与思想引领', fen: 6_000_000, payees: ['密云区劳模宣讲团', '区融媒体中心'] },
  { name: '职工文体活动', fen: 8_000_000, payees: ['密云区职工文体协会', '区体育中心'] },
];

async function seedBudget(tx: Kdb, rng: Rng, activities: { id: number; year: number; type: string }[], today: string) {
  for (const year of [2025, 2026]) {
    for (const l of LINES) {
      const line = await tx.insertInto('budget_lines').values({ year, name: l.name, amount_fen: l.fen, note: `${year}年产改保障资金` }).returning('id').executeTakeFirstOrThrow();
      // 2025 is nearly fully spent; 2026 is spent up to the current month.
      const share = year === 2025 ? rng.int(9_200, 10_000) / 10_000 : rng.int(4_500, 8_800) / 10_000;
      let left = Math.floor(l.fen * share);
      const n = rng.int(4, 8);
      const linked = activities.filter((a) => a.year === year && (l.name.includes('宣讲') ? a.type === 'model_worker_lecture' : l.name.includes('文体') ? a.type === 'culture_sports' : false));
      for (let k = 0; k < n && left > 0; k++) {
        const amount = k === n - 1 ? left : Math.min(left, Math.floor(left / (n - k)) + rng.int(-50_000, 50_000) * 10);
        const spentOn = ymd(year, Math.min(12, 2 + k + rng.int(0, 2)), rng.int(1, 28))!;
        if (spentOn > today || amount <= 0) continue;
        const act = linked.length ? linked[k % linked.length] : undefined;
        await tx.insertInto('budget_spendings').values({
          line_id: line.id, spent_on: spentOn, amount_fen: amount, payee: rng.pick(l.payees), purpose: `${l.name}第${k + 1}批支出`,
          activity_id: act?.id ?? null, task_id: null, over_reason: null, created_by: null,
        }).execute();
        left -= amount;
      }
    }
  }
}
