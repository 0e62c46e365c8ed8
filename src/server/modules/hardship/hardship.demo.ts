import { sql } from 'kysely';
import { inTransaction, type AppContext } from '../../context.js';
import type { Actor } from '../../access/actor.js';
import { audit } from '../audit/audit.service.js';
import { todayInShanghai } from '../../../shared/dates.js';
import type { HardshipInput } from '../../../shared/hardship/input.js';
import { normaliseCauses, tierInputOf } from '../../../shared/hardship/input.js';
import { computeTier, type TierThresholds } from '../../../shared/hardship/tier.js';
import { mergeHousehold, sealBlob } from './hardship.sensitive.js';

/**
 * Beijing 城乡低保 standard per person per month, as in force at the start of each year
 * (raised each September: 1,245 → 1,320 → 1,395 yuan). 2026 repeats 2025 until the city's
 * new figure is entered in 年度标准. Multipliers follow the 1 : 2 : 3 pattern of STANDARDS §3.
 */
export const DEMO_THRESHOLDS: { year: number; dibaoFen: number }[] = [
  { year: 2022, dibaoFen: 124_500 },
  { year: 2023, dibaoFen: 132_000 },
  { year: 2024, dibaoFen: 139_500 },
  { year: 2025, dibaoFen: 139_500 },
  { year: 2026, dibaoFen: 139_500 },
];

const RECORDS = 300;
const GIVEN = ['秀英', '桂兰', '建国', '志强', '海燕', '丽娟', '子轩', '欣怡', '浩然', '雨桐', '淑珍', '国华', '玉梅', '振华', '梓涵'];
const CAUSE_SETS: [string, string[]][] = [
  ['illness', ['illness']], ['illness', ['illness', 'education']], ['disability', ['disability']], ['education', ['education']],
  ['unemployment', ['unemployment']], ['single_parent', ['single_parent', 'education']], ['illness', ['illness', 'unemployment']],
  ['enterprise', ['enterprise']], ['disaster', ['disaster']], ['accident', ['accident']], ['disability', ['disability', 'illness']], ['other', ['other']],
];
const DIAGNOSES = ['乳腺癌术后', '尿毒症维持透析', '脑梗后遗症', '2型糖尿病并发症', '冠心病支架术后', '慢性肝炎', '白血病化疗'];

/** A small deterministic generator (LCG), so every demo start builds the same files. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function demoInput(i: number, surname: string, dibaoFen: number, forceTier?: 'relative'): HardshipInput {
  const r = rng(i * 7919 + 17);
  const pick = <T,>(a: readonly T[]) => a[Math.floor(r() * a.length)];
  const [mainCause, causes] = forceTier ? CAUSE_SETS[1] : CAUSE_SETS[i % CAUSE_SETS.length];
  const size = forceTier ? 3 : 1 + Math.floor(r() * 4);
  const household: HardshipInput['household'] = [];
  if (size >= 2) household.push({ name: `${pick(['李', '王', '张', '刘', '陈'])}${pick(GIVEN)}`, relation: 'spouse', age: 35 + Math.floor(r() * 20) });
  for (let k = household.length + 1; k < size; k++) household.push({ name: `${surname}${pick(GIVEN)}`, relation: k === 3 ? 'parent' : 'child', age: k === 3 ? 70 + Math.floor(r() * 12) : 6 + Math.floor(r() * 14), employerOrSchool: k === 3 ? null : '密云区第二小学' });
  const ill = causes.includes('illness') || causes.includes('disability');
  const medicalYear = ill ? Math.round((8_000 + r() * 40_000)) * 100 : 0;
  const schoolYear = causes.includes('education') ? Math.round(3_000 + r() * 9_000) * 100 : 0;
  // The per-capita figure aimed at: mostly below 2 × 低保, some just above, a few far above.
  const factor = forceTier ? 1.5 : [0.55, 0.8, 0.95, 1.2, 1.6, 1.9, 2.3, 2.8][Math.floor(r() * 8)];
  const netYear = Math.round(dibaoFen * factor) * 12 * size;
  const wageMonth = Math.max(0, Math.round((netYear + medicalYear + schoolYear) / 12 / 100) * 100);
  const accidentCase = mainCause === 'accident' || mainCause === 'disaster';
  return {
    identity: pick(['employed', 'employed', 'employed', 'laid_off', 'sick_leave', 'migrant']),
    mainCause, causes,
    housingType: pick(['owned', 'owned', 'rented', 'public_rent']),
    medicalInsurance: 'employee',
    singleParent: causes.includes('single_parent'),
    zeroEmployment: false,
    health: ill ? { conditions: causes.includes('disability') ? ['disabled'] : ['cancer'], diagnosis: pick(DIAGNOSES), disabilityCategory: causes.includes('disability') ? 'physical' : null, disabilityGrade: causes.includes('disability') ? pick(['2', '3', '4']) : null } : { conditions: ['good'] },
    household,
    incomes: [{ kind: 'wage', amountFen: wageMonth, period: 'month', note: '本人工资' }],
    expenses: [
      ...(medicalYear ? [{ kind: 'medical', amountFen: medicalYear, period: 'year' as const, note: '医保报销后自付' }] : []),
      ...(schoolYear ? [{ kind: 'education', amountFen: schoolYear, period: 'year' as const, note: '子女学杂费' }] : []),
    ],
    accident: accidentCase ? { kind: mainCause === 'disaster' ? 'disaster' : 'accident', consequence: 'injury', occurredOn: '2025-07-30', costFen: wageMonth * 12, description: mainCause === 'disaster' ? '暴雨致房屋受损、本人受伤' : '下班途中遭遇交通事故' } : null,
    exclusions: [],
    note: null,
  };
}

/** Demo records of this module, loaded after the organisation tree, members and demo users. */
export async function seedHardshipDemo(ctx: AppContext, actor: Actor): Promise<void> {
  if (await ctx.db.selectFrom('hardship_thresholds').select('year').executeTakeFirst()) return;
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const demoMember = await ctx.db.selectFrom('users').select('person_id').where('username', '=', 'member').executeTakeFirst();
  // Members spread over the whole tree: every n-th current membership in id order (ids cluster by org).
  const total = (await ctx.db.selectFrom('memberships').select(sql<number>`count(*)::int`.as('n')).where('status', '=', 'active').executeTakeFirstOrThrow()).n;
  const stride = Math.max(1, Math.floor(total / RECORDS));
  const picked = await sql<{ person_id: number; org_id: number; name: string }>`
    select m.person_id, m.org_id, p.name from (
      select person_id, org_id, row_number() over (order by id) as rn from memberships where status = 'active'
    ) m join persons p on p.id = m.person_id
    where m.rn % ${stride} = 0 order by m.rn limit ${RECORDS}`.execute(ctx.db);
  const people = picked.rows.filter((p) => p.person_id !== demoMember?.person_id);
  if (demoMember?.person_id) {
    const m = await ctx.db.selectFrom('memberships as m').innerJoin('persons as p', 'p.id', 'm.person_id').select(['m.person_id', 'm.org_id', 'p.name'])
      .where('m.person_id', '=', demoMember.person_id).where('m.status', '<>', 'left').executeTakeFirst();
    if (m) people.unshift(m);
  }
  const byYear = new Map<number, TierThresholds>();
  await inTransaction(ctx, async (tx) => {
    for (const t of DEMO_THRESHOLDS) {
      const th: TierThresholds = { year: t.year, dibaoFen: t.dibaoFen, deepPct: 100, relativePct: 200, accidentPct: 300, accidentCostPct: 80 };
      byYear.set(t.year, th);
      await tx.insertInto('hardship_thresholds').values({ year: t.year, dibao_fen: t.dibaoFen, deep_pct: 100, relative_pct: 200, accident_pct: 300, accident_cost_pct: 80, note: '北京市城乡最低生活保障标准（每人每月）', updated_by: actor.userId || null }).execute();
    }
    const current = byYear.get(year) ?? byYear.get(DEMO_THRESHOLDS.at(-1)!.year)!;
    let n = 0;
    for (const [i, p] of people.entries()) {
      const isDemoMember = p.person_id === demoMember?.person_id;
      const input = demoInput(i, p.name.slice(0, 1), current.dibaoFen, isDemoMember ? 'relative' : undefined);
      // A third was last reviewed more than a year ago (待复核); one in ten has since been closed.
      const stale = !isDemoMember && i % 3 === 1;
      const th = stale ? (byYear.get(current.year - 1) ?? current) : current;
      const assessed = computeTier(tierInputOf(input), th);
      const merged = mergeHousehold(input, null);
      const reviewedOn = stale ? `${th.year}-${String(1 + (i % 10)).padStart(2, '0')}-15` : today;
      const exited = !isDemoMember && i % 10 === 7;
      const verified = isDemoMember || i % 4 !== 3;
      const { id } = await tx.insertInto('hardship_records').values({
        person_id: p.person_id, org_id: p.org_id, status: exited ? 'exited' : 'open', identity: input.identity, main_cause: input.mainCause,
        causes: normaliseCauses(input.mainCause, input.causes), housing_type: input.housingType ?? null, medical_insurance: input.medicalInsurance ?? null,
        single_parent: input.singleParent ?? false, household: JSON.stringify(merged.household), incomes: JSON.stringify(input.incomes.map((x) => ({ ...x, note: x.note ?? null }))),
        expenses: JSON.stringify(input.expenses.map((x) => ({ ...x, note: x.note ?? null }))),
        accident: JSON.stringify(input.accident ? { kind: input.accident.kind, consequence: input.accident.consequence ?? null, occurredOn: input.accident.occurredOn, costFen: input.accident.costFen } : null),
        sensitive_enc: sealBlob(ctx.cipher, merged.blob), health_recorded: merged.healthRecorded,
        tier: assessed.tier, tier_year: assessed.year, per_capita_fen: assessed.perCapitaFen, household_size: assessed.householdSize,
        annual_income_fen: assessed.annualIncomeFen, annual_expense_fen: assessed.annualExpenseFen,
        verified_at: verified ? new Date(`${reviewedOn}T10:00:00+08:00`) : null, last_reviewed_on: reviewedOn,
        exited_at: exited ? new Date(`${today}T09:00:00+08:00`) : null, exit_reason: exited ? 'reemployed' : null, exit_note: exited ? '已实现稳定就业，家庭收入提高' : null,
        created_by: actor.userId || null, data_edited_by: actor.userId || null, created_at: new Date(`${reviewedOn}T09:00:00+08:00`),
      }).returning('id').executeTakeFirstOrThrow();
      const ev = { record_id: id, tier: assessed.tier, tier_year: assessed.year, per_capita_fen: assessed.perCapitaFen, household_size: assessed.householdSize, annual_income_fen: assessed.annualIncomeFen, annual_expense_fen: assessed.annualExpenseFen, actor_user_id: actor.userId || null, actor_name: actor.username };
      await tx.insertInto('hardship_record_events').values({ ...ev, action: 'create', comment: null, at: new Date(`${reviewedOn}T09:00:00+08:00`) }).execute();
      if (verified) await tx.insertInto('hardship_record_events').values({ ...ev, action: 'verify', comment: '入户核实', at: new Date(`${reviewedOn}T10:00:00+08:00`) }).execute();
      if (exited) await tx.insertInto('hardship_record_events').values({ ...ev, action: 'exit', comment: '实现再就业', at: new Date(`${today}T09:00:00+08:00`) }).execute();
      n++;
    }
    await sql`update persons p set is_hardship = true where exists (select 1 from hardship_records r where r.person_id = p.id and r.status = 'open' and r.tier <> 'none')`.execute(tx);
    await audit(tx, actor, { action: 'demo.seed.hardship', detail: { thresholds: DEMO_THRESHOLDS.length, records: n } });
  });
}
