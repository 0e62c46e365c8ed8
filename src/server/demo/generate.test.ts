import { describe, it, expect, beforeAll, vi } from 'vitest';
import {
  canContain, EDUCATION, EMPLOYMENT_STATUS, ETHNICITIES, HOUSEHOLD_TYPES, idCheckChar, MIYUN_DIVISIONS,
  POLITICAL_STATUS, SKILL_LEVELS, validateCreditCode, validateIdNumber,
} from '../../shared/index.js';
import { checkMember } from '../../shared/member-input.js';
import {
  demoEnterprises, demoMembers, demoOrgs, DEMO_AS_OF, DEMO_MEMBER_UNITS, DISTRICT_KEY, PARK_KEY, townKey,
  type EnterpriseSpec, type MemberSpec, type OrgSpec,
} from './generate.js';
import { Rng, weighted } from './random.js';
import { randomName } from './names.js';

// GB 32100 check computed independently of src/shared, so a bug there cannot hide one here.
const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function usccOk(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC.indexOf(code[i]) * (3 ** i % 31);
  return USCC[(31 - (sum % 31)) % 31] === code[17];
}

function take<T>(it: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  for (const x of it) {
    if (out.length >= n) break;
    out.push(x);
  }
  return out;
}

describe('random', () => {
  it('is seeded and repeatable', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 100 }, () => a.nextU32());
    expect(Array.from({ length: 100 }, () => b.nextU32())).toEqual(xs);
    expect(new Rng(43).nextU32()).not.toBe(xs[0]);
  });

  it('keeps helpers in range and honours weights', () => {
    const r = new Rng('helpers');
    for (let i = 0; i < 1000; i++) {
      const v = r.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      expect(r.next()).toBeLessThan(1);
    }
    const t = weighted([['a', 9], ['b', 1], ['c', 0]] as const);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[r.pickWeighted(t)]++;
    expect(counts.c).toBe(0);
    expect(counts.a / 10_000).toBeGreaterThan(0.85);
    expect(counts.a / 10_000).toBeLessThan(0.95);
  });

  it('makes plausible names', () => {
    const r = new Rng(7);
    for (let i = 0; i < 2000; i++) {
      const name = randomName(r, i % 2 ? 'M' : 'F', 1960 + (i % 46));
      expect(name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    }
  });
});

describe('demo organisations and enterprises', () => {
  let orgs: OrgSpec[];
  let ents: EnterpriseSpec[];
  let byKey: Map<string, OrgSpec>;

  beforeAll(() => {
    orgs = demoOrgs();
    ents = demoEnterprises();
    byKey = new Map(orgs.map((o) => [o.key, o]));
  });

  it('is deterministic', () => {
    expect(demoOrgs()).toEqual(orgs);
    expect(demoEnterprises()).toEqual(ents);
  });

  it('builds the same model from scratch (fresh module)', async () => {
    vi.resetModules();
    const fresh = await import('./generate.js');
    expect(fresh.demoOrgs()).toEqual(orgs);
    expect(fresh.demoEnterprises()).toEqual(ents);
    expect([...fresh.demoMembers({ count: 2000 })]).toEqual([...demoMembers({ count: 2000 })]);
  });

  it('hands out copies, not the cached model', () => {
    const a = demoOrgs();
    a[0].name = 'changed';
    expect(demoOrgs()[0].name).toBe('密云区总工会');
  });

  it('forms one tree: unique keys, parents first, allowed parent/child types', () => {
    expect(byKey.size).toBe(orgs.length);
    const seen = new Set<string>();
    for (const o of orgs) {
      if (o.parentKey === null) expect(o.type).toBe('district');
      else {
        expect(seen.has(o.parentKey), `${o.key} before its parent`).toBe(true);
        expect(canContain(byKey.get(o.parentKey)!.type, o.type), `${o.parentKey} → ${o.key}`).toBe(true);
      }
      seen.add(o.key);
    }
    expect(orgs.filter((o) => o.parentKey === null)).toHaveLength(1);
    expect(orgs[0]).toMatchObject({ key: DISTRICT_KEY, name: '密云区总工会', divisionCode: '110118' });
    expect(orgs[0].creditCode).toMatch(/^81110118/);
  });

  it('has the 20 towns/streets and the development area with their codes', () => {
    const towns = orgs.filter((o) => o.type === 'town');
    expect(towns).toHaveLength(21);
    expect(towns.map((t) => t.divisionCode).sort()).toEqual(MIYUN_DIVISIONS.map((d) => d.code).sort());
    for (const t of towns) expect(t.parentKey).toBe(DISTRICT_KEY);
    const names = new Map(towns.map((t) => [t.divisionCode, t.name]));
    expect(names.get('110118001')).toBe('鼓楼街道总工会');
    expect(names.get('110118100')).toBe('密云镇总工会');
    expect(names.get('110118116')).toBe('石城镇总工会');
    expect(names.get('110118400')).toMatch(/经济开发区总工会$/);
    expect(towns.filter((t) => /^11011800\d$|^1101181\d\d$/.test(t.divisionCode!))).toHaveLength(20);
  });

  it('has the 16 member units under the district', () => {
    const units = orgs.filter((o) => o.type === 'member_unit');
    expect(units).toHaveLength(16);
    expect(DEMO_MEMBER_UNITS).toHaveLength(16);
    expect(units.map((u) => u.name)).toEqual(DEMO_MEMBER_UNITS);
    expect(DEMO_MEMBER_UNITS).toContain('区委组织部');
    expect(DEMO_MEMBER_UNITS).toContain('区人力资源社会保障局');
    expect(DEMO_MEMBER_UNITS).not.toContain('区总工会');
    for (const u of units) expect(u.parentKey).toBe(DISTRICT_KEY);
  });

  it('has the park with 108 enterprises, 21 of them with 100+ staff, all with unions', () => {
    const park = byKey.get(PARK_KEY)!;
    expect(park).toMatchObject({ type: 'park', name: '中关村密云园总工会', parentKey: DISTRICT_KEY, term: '第一届委员会' });
    expect(park.foundedOn).toMatch(/^2023-03/);
    const inPark = ents.filter((e) => e.inPark);
    expect(inPark).toHaveLength(108);
    expect(inPark.filter((e) => e.employees >= 100)).toHaveLength(21);
    expect(inPark.every((e) => e.unionEstablished && e.unionSince)).toBe(true);
    for (const e of inPark) expect(byKey.get(e.orgKey)!.parentKey).toBe(PARK_KEY);
    const joint = orgs.filter((o) => o.type === 'joint' && o.parentKey === PARK_KEY);
    expect(joint.length).toBeGreaterThanOrEqual(2);
    for (const j of joint) expect(inPark.filter((e) => e.orgKey === j.key).length).toBeGreaterThan(1);
    expect(inPark.some((e) => e.name === '金诚信矿业管理股份有限公司' && e.listed)).toBe(true);
  });

  it('has sector unions with grassroots unions', () => {
    for (const key of ['industry-edu', 'industry-health']) {
      expect(byKey.get(key)?.type).toBe('industry');
      expect(orgs.filter((o) => o.parentKey === key && o.type === 'grassroots').length).toBeGreaterThanOrEqual(3);
    }
    expect(byKey.get('industry-edu')!.name).toBe('密云区教育工会');
    expect(byKey.get('industry-health')!.name).toBe('密云区卫生工会');
  });

  it('spreads about 600 enterprises over the towns in a realistic mix', () => {
    const towns = ents.filter((e) => !e.inPark);
    expect(towns.length).toBeGreaterThan(550);
    expect(towns.length).toBeLessThan(700);
    const small = towns.filter((e) => e.employees < 100).length;
    expect(small / towns.length).toBeGreaterThan(0.7);
    const without = towns.filter((e) => !e.unionEstablished);
    expect(without.length).toBeGreaterThan(50);
    expect(without.filter((e) => e.employees >= 100).length).toBeGreaterThanOrEqual(3);
    for (const e of without) {
      expect(e.orgKey).toBe(townKey(e.divisionCode));
      expect(e.unionSince).toBeUndefined();
    }
    for (const e of towns.filter((x) => x.unionEstablished)) {
      const org = byKey.get(e.orgKey)!;
      expect(['grassroots', 'joint']).toContain(org.type);
      expect(e.unionSince! >= org.foundedOn!).toBe(true);
    }
    // every town has enterprises; every division code is a Miyun township
    const codes = new Set(MIYUN_DIVISIONS.map((d) => d.code));
    for (const e of ents) expect(codes.has(e.divisionCode)).toBe(true);
    for (const d of MIYUN_DIVISIONS) expect(towns.some((e) => e.divisionCode === d.code)).toBe(true);
    // joint unions cover several enterprises; some grassroots unions have branches
    for (const j of orgs.filter((o) => o.type === 'joint')) expect(ents.filter((e) => e.orgKey === j.key).length).toBeGreaterThanOrEqual(3);
    expect(orgs.filter((o) => o.type === 'branch').length).toBeGreaterThanOrEqual(10);
    const ownerships = new Set(ents.map((e) => e.ownership));
    for (const o of ['国有', '集体', '私营', '外商投资', '港澳台投资', '股份制', '其他']) expect(ownerships.has(o)).toBe(true);
  });

  it('gives every enterprise a unique name, a GB/T 4754 class and a valid unique credit code', () => {
    expect(new Set(ents.map((e) => e.name)).size).toBe(ents.length);
    expect(new Set(ents.map((e) => e.key)).size).toBe(ents.length);
    expect(new Set(ents.map((e) => e.creditCode)).size).toBe(ents.length);
    for (const e of ents) {
      expect(e.industryCode).toMatch(/^[A-T]\d{4}$/);
      expect(usccOk(e.creditCode), e.creditCode).toBe(true);
      const r = validateCreditCode(e.creditCode);
      expect(r.ok && r.warnings, e.creditCode).toEqual([]);
    }
    const enterprises = ents.filter((e) => e.creditCode.startsWith('9'));
    const local = enterprises.filter((e) => /^9[13]110(118|228)/.test(e.creditCode));
    expect(local.length / enterprises.length).toBeGreaterThan(0.9);
  });

  it('gives every union a valid 81110118 credit code', () => {
    const codes = new Set<string>();
    for (const o of orgs) {
      if (o.type === 'branch' || o.type === 'member_unit') {
        expect(o.creditCode).toBeUndefined();
        continue;
      }
      expect(o.creditCode, o.key).toMatch(/^81110118/);
      expect(usccOk(o.creditCode!), o.creditCode).toBe(true);
      const r = validateCreditCode(o.creditCode!);
      expect(r.ok && r.warnings, o.creditCode).toEqual([]);
      expect(o.foundedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(o.term).toMatch(/^第.+届委员会$/);
      expect(o.chair).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      codes.add(o.creditCode!);
    }
    expect(codes.size).toBe(orgs.filter((o) => o.creditCode).length);
  });
});

describe('demo members', () => {
  const COUNT = 50_000;
  let members: MemberSpec[];
  let orgs: Map<string, OrgSpec>;
  let ents: Map<string, EnterpriseSpec>;

  beforeAll(() => {
    members = [...demoMembers({ count: COUNT })];
    orgs = new Map(demoOrgs().map((o) => [o.key, o]));
    ents = new Map(demoEnterprises().map((e) => [e.key, e]));
  });

  it('is deterministic, and the seed changes the people', () => {
    expect(take(demoMembers({ count: COUNT }), 3000)).toEqual(members.slice(0, 3000));
    expect([...demoMembers({ count: 500, seed: 9 })]).toEqual([...demoMembers({ count: 500, seed: 9 })]);
    expect(take(demoMembers({ count: COUNT, seed: 2 }), 50).map((m) => m.idNumber))
      .not.toEqual(members.slice(0, 50).map((m) => m.idNumber));
  });

  it('yields exactly count members (also 0 and tiny counts)', () => {
    expect(members).toHaveLength(COUNT);
    expect([...demoMembers({ count: 0 })]).toHaveLength(0);
    expect([...demoMembers({ count: 7 })]).toHaveLength(7);
  });

  it('issues valid ID numbers consistent with gender and birth date', () => {
    for (const m of members) {
      expect(m.idNumber).toMatch(/^\d{17}[\dX]$/);
      expect(idCheckChar(m.idNumber.slice(0, 17))).toBe(m.idNumber[17]);
      expect(Number(m.idNumber[16]) % 2 === 1 ? 'M' : 'F').toBe(m.gender);
      expect(m.idNumber.slice(6, 14)).toBe(m.birthDate.replace(/-/g, ''));
    }
    for (const m of members.slice(0, 5000)) {
      const r = validateIdNumber(m.idNumber, { today: DEMO_AS_OF });
      expect(r.ok, m.idNumber).toBe(true);
    }
  });

  it('puts most IDs in Miyun, ~15 % on the old county code and ~20 % outside Beijing', () => {
    const share = (p: (m: MemberSpec) => boolean) => members.filter(p).length / COUNT;
    expect(share((m) => m.idNumber.startsWith('110118'))).toBeGreaterThan(0.55);
    expect(share((m) => m.idNumber.startsWith('110228'))).toBeGreaterThan(0.1);
    expect(share((m) => m.idNumber.startsWith('110228'))).toBeLessThan(0.2);
    expect(share((m) => !m.idNumber.startsWith('11'))).toBeGreaterThan(0.15);
    expect(share((m) => !m.idNumber.startsWith('11'))).toBeLessThan(0.25);
  });

  it('keeps dates plausible: born 1960–2005, joined as an adult after the union existed', () => {
    const sinceOf = (m: MemberSpec) => orgs.get(m.orgKey)!.foundedOn!;
    for (const m of members) {
      expect(m.birthDate >= '1960-01-01' && m.birthDate <= '2005-12-31').toBe(true);
      expect(m.joinedOn <= DEMO_AS_OF).toBe(true);
      const adult = `${Number(m.birthDate.slice(0, 4)) + 18}${m.birthDate.slice(4)}`;
      expect(m.joinedOn >= adult || m.joinedOn === DEMO_AS_OF, `${m.birthDate} ${m.joinedOn}`).toBe(true);
      expect(m.joinedOn >= sinceOf(m) || m.joinedOn === DEMO_AS_OF).toBe(true);
    }
  });

  it('uses only codes from the shared code tables', () => {
    const set = (t: readonly { code: string }[]) => new Set(t.map((e) => e.code));
    const eth = set(ETHNICITIES);
    const edu = set(EDUCATION);
    const pol = set(POLITICAL_STATUS);
    const emp = set(EMPLOYMENT_STATUS);
    const skill = set(SKILL_LEVELS);
    const household = new Set(HOUSEHOLD_TYPES.map((h) => h.name));
    for (const m of members) {
      expect(eth.has(m.ethnicity)).toBe(true);
      expect(edu.has(m.education)).toBe(true);
      expect(pol.has(m.political)).toBe(true);
      expect(emp.has(m.employmentStatus)).toBe(true);
      expect(m.skillLevel === null || skill.has(m.skillLevel)).toBe(true);
      expect(household.has(m.householdType)).toBe(true);
      expect(m.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(m.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    }
  });

  it('passes the shared member validator', () => {
    for (const m of members.slice(0, 2000)) {
      const { problems } = checkMember({ ...m, employerName: m.enterpriseKey ? ents.get(m.enterpriseKey)!.name : null }, { today: DEMO_AS_OF });
      expect(problems, m.idNumber).toEqual([]);
    }
  });

  it('places members in union orgs at their employer', () => {
    const perOrg = new Map<string, number>();
    for (const m of members) {
      const org = orgs.get(m.orgKey)!;
      expect(['grassroots', 'joint', 'branch']).toContain(org.type);
      const e = ents.get(m.enterpriseKey!)!;
      expect(e.unionEstablished).toBe(true);
      expect(m.orgKey === e.orgKey || org.parentKey === e.orgKey).toBe(true);
      perOrg.set(m.orgKey, (perOrg.get(m.orgKey) ?? 0) + 1);
    }
    // every union org has members at this size
    for (const o of orgs.values()) if (['grassroots', 'joint', 'branch'].includes(o.type)) expect(perOrg.get(o.key) ?? 0).toBeGreaterThan(0);
  });

  it('lands ~8,000 members in the park and ~70–95 % of staff at each employer', () => {
    const inPark = members.filter((m) => ents.get(m.enterpriseKey!)!.inPark).length;
    expect(inPark).toBeGreaterThanOrEqual(8000);
    expect(inPark).toBeLessThan(8300);
    const per = new Map<string, number>();
    for (const m of members) per.set(m.enterpriseKey!, (per.get(m.enterpriseKey!) ?? 0) + 1);
    const ratios = [...ents.values()].filter((e) => e.unionEstablished).map((e) => (per.get(e.key) ?? 0) / e.employees).sort((a, b) => a - b);
    expect(ratios[Math.floor(ratios.length * 0.1)]).toBeGreaterThan(0.6);
    expect(ratios[Math.floor(ratios.length * 0.5)]).toBeGreaterThan(0.7);
    expect(ratios[Math.floor(ratios.length * 0.5)]).toBeLessThan(0.95);
    expect(ratios[Math.floor(ratios.length * 0.9)]).toBeLessThan(1.05);
  });

  it('has realistic shares of industrial, migrant, new-employment and model workers', () => {
    const share = (p: (m: MemberSpec) => boolean) => members.filter(p).length / COUNT;
    expect(share((m) => m.isIndustrial)).toBeGreaterThan(0.36);
    expect(share((m) => m.isIndustrial)).toBeLessThan(0.44);
    expect(share((m) => m.isMigrant)).toBeGreaterThan(0.2);
    expect(share((m) => m.isMigrant)).toBeLessThan(0.3);
    expect(share((m) => m.isNewEmployment)).toBeGreaterThan(0.005);
    expect(share((m) => m.isNewEmployment)).toBeLessThan(0.06);
    expect(share((m) => m.isModelWorker)).toBeGreaterThan(0);
    expect(share((m) => m.isModelWorker)).toBeLessThan(0.005);
    // industrial workers sit mostly in manufacturing, construction, mining and utilities
    const ind = members.filter((m) => m.isIndustrial);
    const heavy = ind.filter((m) => /^[BCDE]/.test(ents.get(m.enterpriseKey!)!.industryCode)).length;
    expect(heavy / ind.length).toBeGreaterThan(0.6);
    const gender = share((m) => m.gender === 'M');
    expect(gender).toBeGreaterThan(0.5);
    expect(gender).toBeLessThan(0.7);
  });
});

describe('demo members at benchmark scale', () => {
  it('1,000,000 members have unique ID numbers and phones', () => {
    const ids = new Set<string>();
    const phones = new Set<number>();
    let n = 0;
    let badCheck = 0;
    for (const m of demoMembers({ count: 1_000_000 })) {
      ids.add(m.idNumber);
      phones.add(Number(m.phone));
      if (idCheckChar(m.idNumber.slice(0, 17)) !== m.idNumber[17]) badCheck++;
      n++;
    }
    expect(n).toBe(1_000_000);
    expect(ids.size).toBe(n);
    expect(phones.size).toBe(n);
    expect(badCheck).toBe(0);
  });
});
