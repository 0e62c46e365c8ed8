// Deterministic demo data for 密云区总工会: the organisation tree, the enterprises it
// covers and a stream of members. Pure — no database, no I/O, no clock, no Math.random —
// so the same call always yields the same records. Used to seed the demo database and
// to feed the 1,000,000-member benchmarks, so members are streamed from a generator
// with memory bounded by the (fixed) size of the organisation tree, not by `count`.
//
// Figures honoured (DOMAIN.md, seeds): 20 towns/streets + 北京密云经济开发区; 16 member
// units; 中关村密云园总工会 with 108 member enterprises, 21 of them with 100+ staff, all
// with unions, and ~8,000 members when count = 50,000 (the same share at other counts).

import { idCheckChar, orgCodeCheckChar, usccCheckChar, MIYUN_DIVISIONS } from '../../shared/index.js';
import {
  FOREIGN_BRANDS, INSTITUTIONS, KINDS, LOCAL_BRANDS, MEMBER_UNITS, MIGRANT_COUNTIES, PARK_ANCHORS, PARK_DIVISIONS,
  PARK_SMALL_CODES, PHONE_PREFIXES, PROFILE_MIX, TOWN_ANCHORS, TOWN_PLANS, TRADES, BRANDS, chineseNumber,
  type EduProfile, type AgeProfile, type Kind, type KindTraits, type Trade,
} from './catalog.js';
import { randomName } from './names.js';
import { Rng, hash32, mix32, weighted, type Weighted } from './random.js';

export interface OrgSpec {
  key: string;
  parentKey: string | null;
  name: string;
  type: 'district' | 'town' | 'park' | 'industry' | 'grassroots' | 'joint' | 'branch' | 'member_unit';
  divisionCode?: string;
  /** 工会法人统一社会信用代码 (81110118…, valid GB 32100); absent for 分会 and member units. */
  creditCode?: string;
  foundedOn?: string;
  term?: string;
  chair?: string;
  address?: string;
}

export interface EnterpriseSpec {
  key: string;
  /** Valid GB 32100: mostly 91110118… (registered since 2016) / 91110228… (密云县 era). */
  creditCode: string;
  name: string;
  /** 国有, 集体, 私营, 外商投资, 港澳台投资, 股份制, 其他 (names in OWNERSHIP_TYPES). */
  ownership: string;
  /** GB/T 4754-2017 class, e.g. C3811. */
  industryCode: string;
  /** 9-digit Miyun township code. */
  divisionCode: string;
  employees: number;
  unionEstablished: boolean;
  unionSince?: string;
  inPark: boolean;
  /** The org that covers it: its grassroots/joint union if established, else the town or park federation. */
  orgKey: string;
  listed: boolean;
}

export interface MemberSpec {
  orgKey: string;
  enterpriseKey: string | null;
  name: string;
  /** 18 characters, correct check character. */
  idNumber: string;
  /** Consistent with the ID's 17th digit (odd = M). */
  gender: 'M' | 'F';
  birthDate: string;
  /** ETHNICITIES code ('01' 汉 …). */
  ethnicity: string;
  /** EDUCATION code. */
  education: string;
  /** POLITICAL_STATUS code. */
  political: string;
  /** 农业 | 非农业 | 居民 (HOUSEHOLD_TYPES names). */
  householdType: string;
  /** 1[3-9]xxxxxxxxx, unique within a run. */
  phone: string;
  /** EMPLOYMENT_STATUS code: employed, new_form, flexible, internal_retired, retired. */
  employmentStatus: string;
  /** SKILL_LEVELS code (L2 初级工 … L6 高级技师) or null. */
  skillLevel: string | null;
  joinedOn: string;
  isMigrant: boolean;
  isIndustrial: boolean;
  isNewEmployment: boolean;
  isModelWorker: boolean;
}

/** The demo's "today": join dates never pass it; ages are computed against it. */
export const DEMO_AS_OF = '2026-06-30';
/** Share of generated members who belong to 中关村密云园 (8,100 of 50,000). */
export const DEMO_PARK_MEMBER_SHARE = 0.162;
/** The 16 bureaus of the reform joint working group (成员单位). */
export const DEMO_MEMBER_UNITS: string[] = [...MEMBER_UNITS];

export const DISTRICT_KEY = 'district';
export const PARK_KEY = 'park-zgc';
export const townKey = (divisionCode: string): string => `town-${divisionCode}`;

// ---------------------------------------------------------------------------------------
// Calendar: day indexes from 1960-01-01, with precomputed strings (fast member output).

const EPOCH_YEAR = 1960;
const LAST_YEAR = 2026;
const MS_PER_DAY = 86_400_000;
const EPOCH_MS = Date.UTC(EPOCH_YEAR, 0, 1);

interface Calendar {
  ymd: string[]; // '1960-01-01'
  compact: string[]; // '19600101'
  year: Uint16Array;
  yearStart: Int32Array; // index of 1 January of EPOCH_YEAR + i (one extra sentinel)
}

let calendar: Calendar | null = null;

function cal(): Calendar {
  if (calendar) return calendar;
  const days = Math.round((Date.UTC(LAST_YEAR + 1, 0, 1) - EPOCH_MS) / MS_PER_DAY);
  const ymd = new Array<string>(days);
  const compact = new Array<string>(days);
  const year = new Uint16Array(days);
  const yearStart = new Int32Array(LAST_YEAR - EPOCH_YEAR + 2);
  for (let i = 0; i < days; i++) {
    const d = new Date(EPOCH_MS + i * MS_PER_DAY);
    const y = d.getUTCFullYear();
    const m = String(d.getUTCMonth() + 1).padStart(2, '0');
    const dd = String(d.getUTCDate()).padStart(2, '0');
    ymd[i] = `${y}-${m}-${dd}`;
    compact[i] = `${y}${m}${dd}`;
    year[i] = y;
    if (m === '01' && dd === '01') yearStart[y - EPOCH_YEAR] = i;
  }
  yearStart[LAST_YEAR - EPOCH_YEAR + 1] = days;
  calendar = { ymd, compact, year, yearStart };
  return calendar;
}

function dayIndex(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_MS) / MS_PER_DAY);
}

function dayInYear(rng: Rng, year: number, minDay = 0, maxDay = Number.MAX_SAFE_INTEGER): string {
  const c = cal();
  const lo = Math.max(c.yearStart[year - EPOCH_YEAR], minDay);
  const hi = Math.min(c.yearStart[year - EPOCH_YEAR + 1] - 1, maxDay);
  return c.ymd[lo > hi ? lo : rng.int(lo, hi)];
}

const AS_OF_DAY = dayIndex(DEMO_AS_OF);
const AS_OF_YEAR = Number(DEMO_AS_OF.slice(0, 4));
const ADULT_DAYS = 6575; // 18 years
const LATEST_JOIN_DAYS = 21550; // 59 years
const BIRTH_FIRST_YEAR = 1960;
const BIRTH_LAST_YEAR = 2005;
const BIRTH_DAYS = dayIndex(`${BIRTH_LAST_YEAR}-12-31`) + 1; // births on days [0, BIRTH_DAYS)

// ---------------------------------------------------------------------------------------
// Credit codes (GB 32100 with a GB 11714 organisation code inside).

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

type OrgCodeStyle = 'new' | 'old' | 'institution' | 'union';

function organisationCode(rng: Rng, style: OrgCodeStyle): string {
  let body: string;
  if (style === 'old') {
    // Pre-2015 organisation codes: 8 digits (e.g. 55138508).
    body = String(rng.pick([5, 6, 7, 7, 7, 8])) + String(rng.int(0, 9_999_999)).padStart(7, '0');
  } else if (style === 'institution') {
    body = '4' + String(rng.int(0, 9_999_999)).padStart(7, '0');
  } else {
    // Codes issued since 2015: MA01xxxx for enterprises, MC for union legal persons.
    body = style === 'new' ? 'MA0' + rng.pick(['1', '1', '1', '0', '4']) : 'MC' + rng.pick(['0', '1']) + rng.pick(['0', '1', '2']);
    for (let i = 0; i < 4; i++) body += USCC_CHARS[rng.int(0, USCC_CHARS.length - 1)];
  }
  return body + orgCodeCheckChar(body);
}

class CreditCodes {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  make(prefix8: string, style: OrgCodeStyle): string {
    for (;;) {
      const first17 = prefix8 + organisationCode(this.rng, style);
      const code = first17 + usccCheckChar(first17);
      if (!this.used.has(code)) {
        this.used.add(code);
        return code;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// The organisation tree and the enterprises (built once, then copied out).

/** Per-slot data the member stream needs: one (org, employer) pair and its share. */
interface Slot {
  orgKey: string;
  enterpriseKey: string | null;
  weight: number;
  park: boolean;
  kind: Kind;
  division: string;
  unionSinceDay: number;
  state: boolean; // 国有/集体: 内退 happens there
}

interface Model {
  orgs: OrgSpec[];
  enterprises: EnterpriseSpec[];
  slots: Slot[];
}

interface Draft {
  spec: EnterpriseSpec;
  kind: Kind;
  foundedYear: number;
  address: string;
  branches: readonly string[];
  group?: number; // joint-union group within its town
}

const TERM_YEARS = 5;

function term(foundedOn: string): string {
  const years = Number(DEMO_AS_OF.slice(0, 4)) - Number(foundedOn.slice(0, 4));
  return `第${chineseNumber(Math.max(1, Math.floor(years / TERM_YEARS) + 1))}届委员会`;
}

function chairName(rng: Rng): string {
  const gender = rng.chance(0.62) ? 'M' : 'F';
  return randomName(rng, gender, rng.int(1965, 1990));
}

function tradeFor(code: string): Trade {
  const t = TRADES.find((x) => x.code === code && x.kind !== 'coop');
  if (!t) throw new Error(`demo catalog: no trade ${code}`);
  return t;
}

const TRADES_BY_KIND = new Map<Kind, Trade[]>();
for (const t of TRADES) {
  const list = TRADES_BY_KIND.get(t.kind) ?? [];
  list.push(t);
  TRADES_BY_KIND.set(t.kind, list);
}

const LOCAL_KINDS: ReadonlySet<Kind> = new Set(['agri', 'coop', 'hotel', 'tourism', 'catering']);

class Namer {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  make(trade: Trade, ownership: string, townName: string): string {
    const rng = this.rng;
    for (let attempt = 0; ; attempt++) {
      const local = LOCAL_KINDS.has(trade.kind) && rng.chance(0.6);
      const brand = local ? rng.pick(LOCAL_BRANDS) : rng.pick(BRANDS);
      let suffix = rng.pick(trade.suffixes);
      let name: string;
      if (trade.kind === 'coop') {
        const stem = townName.replace(/(镇|街道|地区)$/, '');
        name = `北京${rng.chance(0.5) ? '密云' : stem}${brand}${suffix}`;
      } else if (ownership === '外商投资') {
        name = `${rng.pick(FOREIGN_BRANDS)}（北京）${suffix}`;
      } else if (ownership === '集体' && trade.collective) {
        name = `北京市密云区${brand}${trade.collective}`;
      } else {
        if (ownership === '股份制') suffix = suffix.replace(/有限(责任)?公司$/, '股份有限公司');
        const r = rng.next();
        const prefix = ownership === '国有' ? (r < 0.6 ? '北京密云' : '北京市密云区')
          : r < 0.5 ? '北京' : r < 0.85 ? '北京密云' : trade.kind === 'build' || trade.kind === 'catering' ? '密云' : '北京';
        name = prefix + brand + suffix;
      }
      if (attempt > 50) name = name.replace(/(有限公司|专业合作社|厂)$/, `${chineseNumber(attempt % 90 + 1)}$1`);
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }

  reserve(name: string): void {
    if (this.used.has(name)) throw new Error(`demo catalog: duplicate name ${name}`);
    this.used.add(name);
  }
}

function foundedYearFor(rng: Rng, ownership: string): number {
  switch (ownership) {
    case '国有': return rng.int(1958, 2008);
    case '集体': return rng.int(1968, 2000);
    case '外商投资': return rng.int(1993, 2016);
    case '港澳台投资': return rng.int(1995, 2014);
    case '股份制': return rng.int(1998, 2018);
    case '其他': return rng.int(2008, 2020);
    default: {
      const r = rng.next();
      return r < 0.2 ? rng.int(1995, 2005) : r < 0.55 ? rng.int(2006, 2015) : rng.int(2016, 2025);
    }
  }
}

function enterpriseCredit(codes: CreditCodes, rng: Rng, ownership: string, foundedYear: number, listed: boolean, coop: boolean): string {
  const dept = coop ? '93' : '91';
  if (listed || (!coop && foundedYear < 2012 && rng.chance(0.05))) return codes.make(`${dept}110000`, foundedYear < 2015 ? 'old' : 'new');
  // Registered before 密云县 became 密云区 (Nov 2015): the old county code and organisation code.
  if (foundedYear < 2016) return codes.make(`${dept}110228`, 'old');
  return codes.make(`${dept}110118`, 'new');
}

function pickOwnership(rng: Rng, kind: Kind): string {
  if (kind === 'coop') return '其他';
  if (kind === 'energy') return '国有';
  return rng.weightedPick<string>([
    ['私营', 78], ['国有', 4], ['集体', 4], ['外商投资', kind === 'mfg' ? 5 : 1], ['港澳台投资', kind === 'mfg' || kind === 'hotel' ? 2.5 : 0.8],
    ['股份制', 6], ['其他', 1.5],
  ]);
}

/** Tunes town head-counts so that members ≈ 70–95 % of staff when count = 50,000. */
const SIZE_SCALE = 1.2;

function sizeFor(rng: Rng, traits: KindTraits): number {
  const n = Math.round(traits.median * SIZE_SCALE * Math.exp(0.95 * rng.normal()));
  return Math.min(2400, Math.max(3, n));
}

function unionProbability(employees: number, ownership: string): number {
  if (ownership === '国有' || ownership === '集体') return 1;
  if (employees >= 100) return 0.95;
  if (employees >= 25) return 0.78;
  return 0.5;
}

function address(rng: Rng, townDivision: string, townName: string): string {
  const plan = TOWN_PLANS[townDivision];
  const place = rng.pick(plan.places);
  const area = townDivision === '110118400' ? '经济开发区' : townName;
  return `北京市密云区${area}${place}${rng.int(1, place.endsWith('村') ? 399 : 188)}号`;
}

function buildModel(): Model {
  const rng = new Rng('gonghui-demo-structure-v1');
  const codes = new CreditCodes(rng.fork('credit'));
  const namer = new Namer(rng.fork('names'));
  const orgs: OrgSpec[] = [];
  const enterprises: EnterpriseSpec[] = [];
  const slots: Slot[] = [];
  const townName = new Map(MIYUN_DIVISIONS.map((d) => [d.code, d.name]));

  // 区总工会 (chair named in the seed report).
  orgs.push({
    key: DISTRICT_KEY, parentKey: null, name: '密云区总工会', type: 'district', divisionCode: '110118',
    creditCode: codes.make('81110118', 'union'), foundedOn: '1950-05-01', term: '第十六届委员会', chair: '赵秦岭',
    address: '北京市密云区鼓楼东大街3号',
  });

  // 成员单位: bureaus in the reform working group, not unions.
  MEMBER_UNITS.forEach((name, i) => {
    orgs.push({ key: `unit-${String(i + 1).padStart(2, '0')}`, parentKey: DISTRICT_KEY, name, type: 'member_unit', divisionCode: '110118' });
  });

  // 20 towns/streets + 北京密云经济开发区.
  for (const d of MIYUN_DIVISIONS) {
    const plan = TOWN_PLANS[d.code];
    if (!plan) throw new Error(`demo catalog: no plan for ${d.code}`);
    const foundedOn = plan.founded;
    orgs.push({
      key: townKey(d.code), parentKey: DISTRICT_KEY, name: `${d.name}总工会`, type: 'town', divisionCode: d.code,
      creditCode: codes.make('81110118', 'union'), foundedOn, term: term(foundedOn), chair: chairName(rng),
      address: d.kind === 'area' ? '北京市密云区经济开发区管理委员会院内'
        : `北京市密云区${d.name}${d.kind === 'town' ? '人民政府' : '办事处'}院内`,
    });
  }

  // 中关村密云园总工会: first committee elected March 2023 (seed).
  orgs.push({
    key: PARK_KEY, parentKey: DISTRICT_KEY, name: '中关村密云园总工会', type: 'park', divisionCode: '110118400',
    creditCode: codes.make('81110118', 'union'), foundedOn: '2023-03-16', term: '第一届委员会', chair: chairName(rng),
    address: '北京市密云区经济开发区科技路9号',
  });

  // 行业工会 with public institutions (事业单位) as their grassroots unions.
  const industries = [
    { key: 'industry-edu', name: '密云区教育工会', foundedOn: '1986-09-10', address: '北京市密云区新南路28号' },
    { key: 'industry-health', name: '密云区卫生工会', foundedOn: '1988-05-12', address: '北京市密云区新东路95号' },
  ];
  for (const ind of industries) {
    orgs.push({
      key: ind.key, parentKey: DISTRICT_KEY, name: ind.name, type: 'industry', divisionCode: '110118',
      creditCode: codes.make('81110118', 'union'), foundedOn: ind.foundedOn, term: term(ind.foundedOn), chair: chairName(rng),
      address: ind.address,
    });
  }

  const addGrassroots = (d: Draft, parentKey: string) => {
    const e = d.spec;
    const key = `gr-${e.key}`;
    e.orgKey = key;
    const foundedOn = e.unionSince!;
    orgs.push({
      key, parentKey, name: `${e.name}工会`, type: 'grassroots', divisionCode: e.divisionCode,
      creditCode: codes.make('81110118', 'union'), foundedOn, term: term(foundedOn), chair: chairName(rng), address: d.address,
    });
    const since = dayIndex(foundedOn);
    const base = { enterpriseKey: e.key, park: e.inPark, kind: d.kind, division: e.divisionCode, unionSinceDay: since, state: e.ownership === '国有' || e.ownership === '集体' };
    const w = e.employees * (0.7 + 0.25 * rng.next()); // members ≈ 70–95 % of staff
    const nb = d.branches.length;
    slots.push({ ...base, orgKey: key, weight: nb === 0 ? w : w * (nb === 1 ? 0.55 : 0.4) });
    d.branches.forEach((dept, i) => {
      const bKey = `br-${e.key}-${i + 1}`;
      const bFounded = dayInYear(rng, Math.min(2025, Number(foundedOn.slice(0, 4)) + rng.int(0, 6)), since);
      orgs.push({ key: bKey, parentKey: key, name: `${e.name}工会${dept}分会`, type: 'branch', divisionCode: e.divisionCode, foundedOn: bFounded, chair: chairName(rng) });
      slots.push({ ...base, orgKey: bKey, weight: w * (nb === 1 ? 0.45 : 0.6 / nb), unionSinceDay: dayIndex(bFounded) });
    });
  };

  const addJoint = (members: Draft[], parentKey: string, key: string, name: string, division: string, year: number) => {
    const foundedOn = dayInYear(rng, year);
    orgs.push({
      key, parentKey, name, type: 'joint', divisionCode: division, creditCode: codes.make('81110118', 'union'),
      foundedOn, term: term(foundedOn), chair: chairName(rng), address: members[0].address,
    });
    const founded = dayIndex(foundedOn);
    for (const d of members) {
      const e = d.spec;
      // An enterprise joins the joint union when it is founded, or later if it is younger.
      const joinYear = Math.min(2025, Math.max(year, d.foundedYear + rng.int(0, 3)));
      e.unionSince = dayInYear(rng, joinYear, founded);
      e.orgKey = key;
      slots.push({
        orgKey: key, enterpriseKey: e.key, weight: e.employees * (0.7 + 0.25 * rng.next()), park: e.inPark, kind: d.kind,
        division: e.divisionCode, unionSinceDay: dayIndex(e.unionSince), state: e.ownership === '国有' || e.ownership === '集体',
      });
    }
  };

  const branchesFor = (kind: Kind, employees: number, fixed?: readonly string[]): readonly string[] => {
    if (fixed) return fixed;
    const depts = KINDS[kind].branches;
    const n = employees >= 700 ? 2 : employees >= 300 ? 1 : 0;
    return rng.shuffled(depts).slice(0, Math.min(n, depts.length));
  };

  const unionSinceFor = (foundedYear: number, lo = 1990): string =>
    dayInYear(rng, Math.min(2025, Math.max(lo, foundedYear + rng.int(0, 8))));

  // Institutions of the two sector unions.
  INSTITUTIONS.forEach((inst, i) => {
    const key = `s${String(i + 1).padStart(2, '0')}`;
    namer.reserve(inst.name);
    const foundedYear = rng.int(1952, 1985);
    const spec: EnterpriseSpec = {
      key, creditCode: codes.make('12110118', 'institution'), name: inst.name, ownership: '国有', industryCode: inst.code,
      divisionCode: inst.town, employees: inst.employees, unionEstablished: true, unionSince: unionSinceFor(foundedYear, 1980),
      inPark: false, orgKey: '', listed: false,
    };
    const branches = rng.shuffled(KINDS[inst.kind].branches).slice(0, inst.branches ?? 0);
    addGrassroots({ spec, kind: inst.kind, foundedYear, address: address(rng, inst.town, townName.get(inst.town)!), branches }, inst.union);
    enterprises.push(spec);
  });

  // 中关村密云园: 21 anchors (100+ staff) and 87 small enterprises, all with unions.
  const parkDrafts: Draft[] = [];
  PARK_ANCHORS.forEach((a, i) => {
    const trade = TRADES.find((t) => t.code === a.code)!;
    if (!trade) throw new Error(`demo catalog: no trade ${a.code}`);
    const foundedYear = a.listed ? rng.int(1997, 2010) : foundedYearFor(rng, a.ownership);
    const name = a.name ?? namer.make(trade, a.ownership, townName.get(a.division)!);
    if (a.name) namer.reserve(a.name);
    const spec: EnterpriseSpec = {
      key: `p${String(i + 1).padStart(3, '0')}`, creditCode: enterpriseCredit(codes, rng, a.ownership, foundedYear, !!a.listed, false),
      name, ownership: a.ownership, industryCode: a.code, divisionCode: a.division, employees: a.employees,
      unionEstablished: true, unionSince: unionSinceFor(foundedYear, 2000), inPark: true, orgKey: '', listed: !!a.listed,
    };
    parkDrafts.push({ spec, kind: trade.kind, foundedYear, address: address(rng, a.division, townName.get(a.division)!), branches: branchesFor(trade.kind, a.employees, a.branches) });
  });
  const parkDivision = weighted(PARK_DIVISIONS);
  for (let i = PARK_ANCHORS.length; i < 108; i++) {
    const trade = tradeFor(rng.pick(PARK_SMALL_CODES));
    const ownership = rng.weightedPick<string>([['私营', 86], ['股份制', 6], ['外商投资', 3], ['港澳台投资', 2], ['国有', 3]]);
    const foundedYear = foundedYearFor(rng, ownership);
    const division = rng.pickWeighted(parkDivision);
    const employees = Math.min(96, Math.max(6, Math.round(22 * Math.exp(0.7 * rng.normal()))));
    const spec: EnterpriseSpec = {
      key: `p${String(i + 1).padStart(3, '0')}`, creditCode: enterpriseCredit(codes, rng, ownership, foundedYear, false, false),
      name: namer.make(trade, ownership, townName.get(division)!), ownership, industryCode: trade.code, divisionCode: division,
      employees, unionEstablished: true, unionSince: unionSinceFor(foundedYear, 2005), inPark: true, orgKey: '', listed: false,
    };
    parkDrafts.push({ spec, kind: trade.kind, foundedYear, address: address(rng, division, townName.get(division)!), branches: [] });
  }
  // Three 联合基层工会 gather 15 of the smallest park enterprises; the rest have their own union.
  const smallest = parkDrafts.filter((d) => d.spec.employees < 25).slice(0, 15);
  const parkJoint = new Set(smallest);
  ['电子信息', '生物医药', '智能制造'].forEach((field, g) => {
    addJoint(smallest.slice(g * 5, g * 5 + 5), PARK_KEY, `jt-park-${g + 1}`, `中关村密云园${field}企业联合工会`, '110118400', 2023 + (g === 2 ? 1 : 0));
  });
  for (const d of parkDrafts) {
    if (!parkJoint.has(d)) addGrassroots(d, PARK_KEY);
    enterprises.push(d.spec);
  }

  // Enterprises across the towns.
  for (const div of MIYUN_DIVISIONS) {
    const plan = TOWN_PLANS[div.code];
    const mix = weighted(Object.entries(PROFILE_MIX[plan.profile]) as Array<[Kind, number]>);
    const drafts: Draft[] = [];
    const anchors = TOWN_ANCHORS.filter((a) => a.town === div.code);
    const stem = div.code.slice(6);
    for (let i = 0; i < plan.enterprises; i++) {
      const anchor = anchors[i];
      const kind: Kind = anchor ? tradeFor(anchor.code).kind : rng.pickWeighted(mix);
      const trade = anchor ? tradeFor(anchor.code) : rng.pick(TRADES_BY_KIND.get(kind)!);
      const ownership = anchor ? anchor.ownership : pickOwnership(rng, kind);
      const foundedYear = foundedYearFor(rng, ownership);
      const employees = anchor ? anchor.employees : sizeFor(rng, KINDS[kind]);
      const established = anchor ? anchor.union : rng.chance(unionProbability(employees, ownership));
      const spec: EnterpriseSpec = {
        key: `t${stem}-${String(i + 1).padStart(3, '0')}`,
        creditCode: enterpriseCredit(codes, rng, ownership, foundedYear, false, kind === 'coop'),
        name: namer.make(trade, ownership, div.name), ownership, industryCode: trade.code, divisionCode: div.code, employees,
        unionEstablished: established, inPark: false, orgKey: townKey(div.code), listed: false,
      };
      const d: Draft = { spec, kind, foundedYear, address: address(rng, div.code, div.name), branches: [] };
      if (established) {
        spec.unionSince = unionSinceFor(foundedYear);
        d.branches = branchesFor(kind, employees);
      }
      drafts.push(d);
    }
    // Small unionised enterprises: about half are gathered into 联合基层工会 of 3–7.
    const small = rng.shuffled(drafts.filter((d) => d.spec.unionEstablished && d.spec.employees < 20)).filter(() => rng.chance(0.55));
    const inJoint = new Set<Draft>();
    let g = 0;
    for (let at = 0; small.length - at >= 3; g++) {
      const size = Math.min(small.length - at, rng.int(3, 7));
      const members = small.slice(at, at + size);
      at += size;
      members.forEach((m) => inJoint.add(m));
      const unionStem = div.kind === 'area' ? '经济开发区' : div.name;
      addJoint(members, townKey(div.code), `jt-${stem}-${g + 1}`, `${unionStem}第${chineseNumber(g + 1)}联合基层工会`, div.code,
        Math.max(2008, Math.min(2024, ...members.map((m) => m.foundedYear))));
    }
    for (const d of drafts) {
      if (d.spec.unionEstablished && !inJoint.has(d)) addGrassroots(d, townKey(div.code));
      enterprises.push(d.spec);
    }
  }

  return { orgs, enterprises, slots };
}

let model: Model | null = null;
const getModel = (): Model => (model ??= buildModel());

/** The organisation tree, parents before children. Same result on every call. */
export function demoOrgs(): OrgSpec[] {
  return getModel().orgs.map((o) => ({ ...o }));
}

/** Every enterprise/institution the tree covers (park, towns, sector unions). Same result on every call. */
export function demoEnterprises(): EnterpriseSpec[] {
  return getModel().enterprises.map((e) => ({ ...e }));
}

// ---------------------------------------------------------------------------------------
// Members.

const AGE_YEARS: Record<AgeProfile, Weighted<number>> = (() => {
  const base = (y: number): number =>
    y < 1965 ? 0.5 : y < 1970 ? 1.5 : y < 1975 ? 2.5 : y < 1980 ? 3 : y < 1985 ? 3.5 : y < 1995 ? 4 : y < 2000 ? 3 : y < 2004 ? 1.8 : 0.8;
  const table = (f: (y: number) => number) => {
    const rows: Array<[number, number]> = [];
    for (let y = BIRTH_FIRST_YEAR; y <= BIRTH_LAST_YEAR; y++) rows.push([y, base(y) * f(y)]);
    return weighted(rows);
  };
  return {
    normal: table(() => 1),
    young: table((y) => (y < 1975 ? 0.3 : y < 1985 ? 0.7 : y < 1990 ? 1.1 : 1.6)),
    old: table((y) => (y < 1975 ? 1.7 : y < 1985 ? 1.2 : y < 1995 ? 0.8 : 0.5)),
  };
})();

type EduTable = Weighted<string>;
const EDU: Record<EduProfile | 'old' | 'proOld', EduTable> = {
  worker: weighted([['71', 30], ['61', 12], ['41', 12], ['44', 8], ['47', 10], ['31', 18], ['21', 9], ['14', 0.8], ['81', 2]]),
  low: weighted([['71', 38], ['61', 16], ['41', 8], ['44', 6], ['47', 4], ['31', 17], ['21', 8], ['14', 0.5], ['81', 3]]),
  mid: weighted([['71', 12], ['61', 12], ['41', 8], ['44', 5], ['47', 3], ['31', 30], ['21', 26], ['14', 3.5], ['81', 0.5]]),
  high: weighted([['71', 3], ['61', 4], ['41', 3], ['44', 1], ['47', 2], ['31', 25], ['21', 48], ['14', 12], ['11', 2]]),
  pro: weighted([['61', 2], ['41', 8], ['31', 22], ['21', 55], ['14', 12], ['11', 1]]),
  old: weighted([['81', 8], ['71', 45], ['61', 20], ['41', 10], ['44', 3], ['47', 4], ['31', 7], ['21', 3]]),
  proOld: weighted([['41', 20], ['31', 40], ['21', 38], ['14', 2]]),
};
const OLDER_EDU: Record<EduProfile, EduProfile | 'old' | 'proOld'> = { worker: 'old', low: 'old', mid: 'low', high: 'mid', pro: 'proOld' };

const POLITICAL = {
  young: weighted([['03', 34], ['13', 61], ['01', 3.5], ['02', 1.5]]),
  adult: weighted([['01', 12], ['02', 0.4], ['03', 0.6], ['13', 86.5], ['12', 0.1], ['06', 0.1], ['07', 0.1]]),
  youngPro: weighted([['03', 38], ['01', 18], ['02', 3], ['13', 41]]),
  adultPro: weighted([['01', 30], ['02', 0.5], ['13', 65], ['05', 1], ['07', 1.2], ['08', 0.8], ['10', 0.8], ['04', 0.2], ['06', 0.3], ['09', 0.1], ['12', 0.4]]),
};

const ETHNIC = {
  general: weighted([['01', 93.6], ['11', 3.8], ['03', 1], ['02', 0.7], ['10', 0.2], ['15', 0.15], ['08', 0.1], ['06', 0.1], ['05', 0.05], ['04', 0.05], ['07', 0.05], ['14', 0.05], ['38', 0.03]]),
  tanying: weighted([['01', 68], ['11', 24], ['02', 6], ['03', 1.5], ['10', 0.5]]), // 檀营满族蒙古族乡
};

const HOUSEHOLD = {
  local: weighted([['居民', 63], ['非农业', 21], ['农业', 16]]),
  outside: weighted([['农业', 78], ['非农业', 18], ['居民', 4]]),
};

const SKILL = weighted([['L2', 35], ['L3', 33], ['L4', 22], ['L5', 8], ['L6', 2]]);
const SKILL_SERVICE = weighted([['L2', 50], ['L3', 35], ['L4', 13], ['L5', 2]]);

const REGIONS = ['110118', '110228', ...MIGRANT_COUNTIES.map(([c]) => c)];
const MIGRANT_REGION = weighted(MIGRANT_COUNTIES.map(([, w], i) => [i + 2, w] as const));
const PHONE_PREFIX = weighted(PHONE_PREFIXES);

/** Shares the whole run should hit, whatever the mix of employers. */
const TARGET_INDUSTRIAL = 0.4;
const TARGET_OUTSIDE = 0.2;
const LOCAL_LEGACY_SHARE = 0.15 / (1 - TARGET_OUTSIDE); // 110228 among Beijing-born members

/** Calibrated per-kind probability so the weighted mean over all slots hits `target`. */
function calibrate(slots: readonly Slot[], base: (k: Kind) => number, target: number): Record<Kind, number> {
  const kinds = Object.keys(KINDS) as Kind[];
  const weightOf = new Map<Kind, number>();
  let total = 0;
  for (const s of slots) {
    weightOf.set(s.kind, (weightOf.get(s.kind) ?? 0) + s.weight);
    total += s.weight;
  }
  let factor = 1;
  for (let iter = 0; iter < 20; iter++) {
    let mean = 0;
    for (const k of kinds) mean += Math.min(0.97, base(k) * factor) * (weightOf.get(k) ?? 0);
    mean /= total;
    factor *= target / mean;
  }
  const out = {} as Record<Kind, number>;
  for (const k of kinds) out[k] = Math.min(0.97, base(k) * factor);
  return out;
}

/** Largest-remainder apportionment of `n` over weights. */
function apportion(weights: readonly number[], n: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((w / total) * n));
  let rest = n - out.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => [i, (w / total) * n - out[i]] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k][0]]++;
  return out;
}

/** A bijection on [0, 10^8) (4-round Feistel on two 4-digit halves): unique, random-looking phone suffixes. */
function permute8(x: number, key: number): number {
  let l = Math.floor(x / 10_000);
  let r = x % 10_000;
  for (let round = 0; round < 4; round++) {
    const f = mix32((r * 0x9e37 + key + round * 0x632be5ab) >>> 0) % 10_000;
    const t = (l + f) % 10_000;
    l = r;
    r = t;
  }
  return l * 10_000 + r;
}

/** Upper bound on members per call: phone suffixes (10^8) and ID sequence space are far above it. */
export const DEMO_MAX_MEMBERS = 20_000_000;

/**
 * Stream `count` members over the grassroots, joint and branch unions, weighted by the
 * head-count of their employers (members ≈ 70–95 % of staff), with 16.2 % in the park.
 * ID numbers and phone numbers are unique within a call, for any count up to DEMO_MAX_MEMBERS.
 * Members come grouped by union, in the order of demoOrgs().
 */
export function* demoMembers(opts: { count: number; seed?: number }): Generator<MemberSpec> {
  const count = Math.floor(opts.count);
  if (!(count >= 0) || count > DEMO_MAX_MEMBERS) throw new RangeError(`demoMembers: count must be 0…${DEMO_MAX_MEMBERS}`);
  const seed = (opts.seed ?? 1) >>> 0;
  const { slots } = getModel();
  const c = cal();

  const parkIdx: number[] = [];
  const otherIdx: number[] = [];
  slots.forEach((s, i) => (s.park ? parkIdx : otherIdx).push(i));
  const parkCount = Math.round(count * DEMO_PARK_MEMBER_SHARE);
  const perSlot = new Array<number>(slots.length).fill(0);
  apportion(parkIdx.map((i) => slots[i].weight), parkCount).forEach((n, k) => (perSlot[parkIdx[k]] = n));
  apportion(otherIdx.map((i) => slots[i].weight), count - parkCount).forEach((n, k) => (perSlot[otherIdx[k]] = n));

  const pIndustrial = calibrate(slots, (k) => KINDS[k].industrial, TARGET_INDUSTRIAL);
  const pOutside = calibrate(slots, (k) => KINDS[k].outside, TARGET_OUTSIDE);

  const rng = new Rng(hash32(`members:${seed}`));
  const phoneKey = hash32(`phone:${seed}`);
  const phoneOffset = hash32(`phone-offset:${seed}`) % 100_000_000;
  // Members already given each (region, birth day, sex): the next one gets the next free
  // sequence code, so ID numbers cannot collide. 2 bytes × regions × days × 2 ≈ 1.7 MB.
  const used = new Uint16Array(REGIONS.length * BIRTH_DAYS * 2);
  const slotsPerSeq = 500; // sequence codes per sex: 000–999, odd for men

  let serial = 0;
  for (let si = 0; si < slots.length; si++) {
    const n = perSlot[si];
    if (n === 0) continue;
    const s = slots[si];
    const traits = KINDS[s.kind];
    const ageTable = AGE_YEARS[traits.age];
    const eduProfile = traits.edu;
    const pro = eduProfile === 'pro' || eduProfile === 'high';
    const ethnic = s.division === '110118003' ? ETHNIC.tanying : ETHNIC.general;
    const industrialP = pIndustrial[s.kind];
    const outsideP = pOutside[s.kind];
    const newEmpP = traits.newEmployment;
    const courier = s.kind === 'courier';
    const serviceSkills = s.kind === 'catering' || s.kind === 'hotel' || s.kind === 'care' || s.kind === 'service';

    for (let k = 0; k < n; k++, serial++) {
      const male = rng.next() < traits.male;
      const g = male ? 1 : 0;
      const outside = rng.next() < outsideP;
      const region = outside ? rng.pickWeighted(MIGRANT_REGION) : rng.next() < LOCAL_LEGACY_SHARE ? 1 : 0;

      // Birth date, then the next free sequence code for that (region, day, sex).
      const year = rng.pickWeighted(ageTable);
      const y0 = c.yearStart[year - EPOCH_YEAR];
      let day = y0 + Math.floor(rng.next() * (c.yearStart[year - EPOCH_YEAR + 1] - y0));
      let cell = (region * BIRTH_DAYS + day) * 2 + g;
      for (let tries = 0; used[cell] >= slotsPerSeq; tries++) {
        if (tries >= BIRTH_DAYS) throw new Error('demoMembers: ID space exhausted');
        day = day + 1 < BIRTH_DAYS ? day + 1 : 0;
        cell = (region * BIRTH_DAYS + day) * 2 + g;
      }
      const nth = used[cell]++;
      const offset = mix32(cell ^ 0x5bd1e995) % slotsPerSeq;
      const seq = 2 * ((nth * 263 + offset) % slotsPerSeq) + g; // 263 is coprime with 500
      const first17 = REGIONS[region] + c.compact[day] + (seq < 10 ? '00' : seq < 100 ? '0' : '') + seq;
      const birthYear = c.year[day];
      const ageAtAsOf = AS_OF_YEAR - birthYear;

      // Joined after the union existed and after turning 18, normally before turning 59.
      const lo = Math.min(AS_OF_DAY, Math.max(s.unionSinceDay, day + ADULT_DAYS));
      const hi = Math.max(lo, Math.min(AS_OF_DAY, day + LATEST_JOIN_DAYS));
      const joinDay = lo + Math.floor(rng.next() * (hi - lo + 1));

      const household = rng.pickWeighted(outside ? HOUSEHOLD.outside : HOUSEHOLD.local);
      const industrial = rng.next() < industrialP;
      const isMigrant = household === '农业' && s.kind !== 'school' && s.kind !== 'hospital'
        && (outside || industrial || rng.next() < 0.6);
      const newEmployment = newEmpP > 0 && rng.next() < newEmpP;

      const older = birthYear < 1975 || (outside && household === '农业' && !pro);
      const education = rng.pickWeighted(EDU[older ? OLDER_EDU[eduProfile] : eduProfile]);
      const young = ageAtAsOf <= 28;
      const political = rng.pickWeighted(pro ? (young ? POLITICAL.youngPro : POLITICAL.adultPro) : (young ? POLITICAL.young : POLITICAL.adult));

      let status = 'employed';
      const retirementAge = male ? 60 : 55;
      if (ageAtAsOf >= retirementAge && joinDay - day < retirementAge * 365.25 && rng.next() < 0.6) status = 'retired';
      else if (s.state && ageAtAsOf >= 52 && rng.next() < 0.15) status = 'internal_retired';
      else if (newEmployment && (courier || rng.next() < 0.5)) status = 'new_form';
      else if (rng.next() < 0.012) status = 'flexible';

      let skillLevel: string | null = null;
      if (industrial) {
        if (rng.next() < 0.7) skillLevel = rng.pickWeighted(SKILL);
      } else if (serviceSkills && rng.next() < 0.25) skillLevel = rng.pickWeighted(SKILL_SERVICE);

      const modelWorker = rng.next() < (ageAtAsOf >= 35 ? (industrial ? 0.002 : 0.001) : 0.0003);
      const name = randomName(rng, male ? 'M' : 'F', birthYear);
      const suffix = permute8((serial + phoneOffset) % 100_000_000, phoneKey);

      yield {
        orgKey: s.orgKey,
        enterpriseKey: s.enterpriseKey,
        name,
        idNumber: first17 + idCheckChar(first17),
        gender: male ? 'M' : 'F',
        birthDate: c.ymd[day],
        ethnicity: rng.pickWeighted(ethnic),
        education,
        political,
        householdType: household,
        phone: rng.pickWeighted(PHONE_PREFIX) + String(suffix).padStart(8, '0'),
        employmentStatus: status,
        skillLevel,
        joinedOn: c.ymd[joinDay],
        isMigrant,
        isIndustrial: industrial,
        isNewEmployment: newEmployment,
        isModelWorker: modelWorker,
      };
    }
  }
}
