import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import type { Actor } from '../../access/actor.js';
import type { Role } from '../../access/roles.js';
import type { MemberRecord } from '../../../shared/member-input.js';
import { findCodeByNameOrCode } from '../../../shared/codes/table.js';
import { HOUSEHOLD_TYPES } from '../../../shared/codes/people.js';
import { demoEnterprises, demoMembers, demoOrgs, type MemberSpec } from '../../demo/generate.js';
import { insertOrg } from '../orgs/orgs.repo.js';
import { insertMemberBatch } from '../members/members.bulk.js';
import { personValues } from '../members/person-values.js';
import { createUser } from '../auth/users.service.js';
import { audit } from '../audit/audit.service.js';

export const DEFAULT_DEMO_MEMBERS = 50_000;

export function toRecord(m: MemberSpec): MemberRecord {
  return {
    name: m.name, idNumber: m.idNumber, gender: m.gender, birthDate: m.birthDate, ethnicity: m.ethnicity, education: m.education,
    political: m.political, householdType: findCodeByNameOrCode(HOUSEHOLD_TYPES, m.householdType)?.code ?? null, phone: m.phone, employerCreditCode: null, employerName: null,
    employmentStatus: m.employmentStatus, occupation: null, skillLevel: m.skillLevel, joinedOn: m.joinedOn, joinMethod: 'employer',
    cardNo: null, isMigrant: m.isMigrant, isIndustrial: m.isIndustrial, isNewEmployment: m.isNewEmployment, isModelWorker: m.isModelWorker,
  };
}

export async function isEmpty(ctx: AppContext): Promise<boolean> {
  const r = await ctx.db.selectFrom('orgs').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return r.n === 0;
}

/**
 * Loads the deterministic Miyun demo: the organisation tree, enterprises and members
 * (the same generator feeds the benchmarks). Returns the ids the demo logins need.
 */
export async function seedDemo(ctx: AppContext, actor: Actor, opts: { members?: number; onProgress?: (done: number, total: number) => void } = {}) {
  const count = opts.members ?? DEFAULT_DEMO_MEMBERS;
  const orgIds = new Map<string, number>();
  const orgNames = new Map<number, string>();
  await inTransaction(ctx, async (tx) => {
    const paths = new Map<string, Awaited<ReturnType<typeof insertOrg>>>();
    for (const o of demoOrgs()) {
      const parent = o.parentKey ? paths.get(o.parentKey)! : null;
      const row = await insertOrg(tx, {
        parent_id: parent?.id ?? null, name: o.name, short_name: null, type: o.type, credit_code: o.creditCode ?? null,
        division_code: o.divisionCode ?? null, founded_on: o.foundedOn ?? null, term: o.term ?? null, chair: o.chair ?? null,
        address: o.address ?? null, phone: null,
      }, parent);
      paths.set(o.key, row);
      orgIds.set(o.key, row.id);
      orgNames.set(row.id, row.name);
    }
    const ents = demoEnterprises();
    for (let i = 0; i < ents.length; i += 500) {
      await tx.insertInto('enterprises').values(ents.slice(i, i + 500).map((e) => ({
        credit_code: e.creditCode, name: e.name, ownership: e.ownership, industry_code: e.industryCode, division_code: e.divisionCode,
        employees: e.employees, union_established: e.unionEstablished, union_since: e.unionSince ?? null, in_park: e.inPark,
        listed: e.listed, org_id: orgIds.get(e.orgKey)!,
      }))).execute();
    }
    await audit(tx, actor, { action: 'demo.seed', detail: { orgs: orgIds.size, enterprises: ents.length, members: count } });
  });
  const entIds = new Map((await ctx.db.selectFrom('enterprises').select(['id', 'credit_code']).execute()).map((e) => [e.credit_code, e.id]));
  const entByKey = new Map(demoEnterprises().map((e) => [e.key, { id: entIds.get(e.creditCode)!, name: e.name }]));
  let batch: Parameters<typeof insertMemberBatch>[2] = [];
  let done = 0;
  const flush = async () => {
    const items = batch;
    batch = [];
    await inTransaction(ctx, (tx) => insertMemberBatch(tx, actor, items, null, orgNames));
    done += items.length;
    opts.onProgress?.(done, count);
  };
  let row = 0;
  for (const m of demoMembers({ count })) {
    const record = toRecord(m);
    const employer = m.enterpriseKey ? entByKey.get(m.enterpriseKey) : undefined;
    record.employerName = employer?.name ?? null;
    batch.push({ row: ++row, orgId: orgIds.get(m.orgKey)!, record, person: personValues(ctx.cipher, record, employer?.id ?? null) });
    if (batch.length >= 2000) await flush();
  }
  await flush();
  await sql`analyze`.execute(ctx.db);
  return { orgIds, members: done };
}

export interface DemoLogin {
  username: string;
  role: Role;
  description: string;
  password?: string;
}

/** One login per role, scoped to realistic places in the demo tree. */
export async function createDemoUsers(ctx: AppContext, actor: Actor, orgIds: Map<string, number>, password?: string): Promise<DemoLogin[]> {
  const orgs = await ctx.db.selectFrom('orgs').select(['id', 'name', 'type']).execute();
  const byName = (re: RegExp, type?: string) => orgs.find((o) => re.test(o.name) && (!type || o.type === type));
  const town = byName(/鼓楼街道/, 'town');
  const park = byName(/中关村密云园/, 'park');
  const unit = byName(/人力资源/, 'member_unit');
  const grassroots = await ctx.db
    .selectFrom('orgs as o')
    .innerJoin('org_member_counts as c', 'c.org_id', 'o.id')
    .select(['o.id', 'o.name'])
    .where('o.type', '=', 'grassroots')
    .where('o.path', 'like', `${(await ctx.db.selectFrom('orgs').select('path').where('id', '=', town?.id ?? -1).executeTakeFirst())?.path ?? '/'}%`)
    .orderBy('c.members', 'desc')
    .limit(1)
    .executeTakeFirst();
  const memberPerson = grassroots
    ? await ctx.db.selectFrom('memberships').select('person_id').where('org_id', '=', grassroots.id).where('status', '=', 'active').orderBy('id').limit(1).executeTakeFirst()
    : undefined;
  void orgIds;
  const plan: (DemoLogin & { orgId?: number; personId?: number; displayName: string })[] = [
    { username: 'town_admin', role: 'org_admin', orgId: town?.id, displayName: '鼓楼街道总工会管理员', description: `镇街管理员（${town?.name}）` },
    { username: 'park_admin', role: 'org_admin', orgId: park?.id, displayName: '园区总工会管理员', description: `园区管理员（${park?.name}）` },
    { username: 'union_admin', role: 'org_admin', orgId: grassroots?.id, displayName: '基层工会主席', description: `基层工会管理员（${grassroots?.name}）` },
    { username: 'unit_staff', role: 'unit_staff', orgId: unit?.id, displayName: '人社局联络员', description: `成员单位工作人员（${unit?.name}）` },
    { username: 'auditor', role: 'auditor', displayName: '审计员', description: '审计员（只读，可查审计日志）' },
    { username: 'member', role: 'member', personId: memberPerson?.person_id, displayName: '会员', description: '会员本人（仅看自己的记录）' },
  ];
  const out: DemoLogin[] = [];
  for (const p of plan) {
    if (p.role !== 'auditor' && p.role !== 'member' && !p.orgId) continue;
    if (p.role === 'member' && !p.personId) continue;
    const res = await createUser(ctx, actor, { username: p.username, displayName: p.displayName, role: p.role, orgId: p.orgId, personId: p.personId, password, mustChangePassword: !password });
    out.push({ username: p.username, role: p.role, description: p.description, password: res.password ?? password });
  }
  return out;
}
