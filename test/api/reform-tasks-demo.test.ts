import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../helpers.js';
import type { AppContext } from '../../src/server/context.js';
import { systemActor } from '../../src/server/access/actor.js';
import { insertOrg } from '../../src/server/modules/orgs/orgs.repo.js';
import { createOrg } from '../../src/server/modules/orgs/orgs.service.js';
import { MEMBER_UNITS } from '../../src/server/demo/catalog.js';
import { MIYUN_DIVISIONS } from '../../src/shared/codes/miyun.js';
import { DEMO_SUPERVISED_TITLE, seedReformTasksDemo } from '../../src/server/modules/reform-tasks/reform-tasks.demo.js';

const sys = systemActor('demo');
const dbs: { ctx: AppContext; close: () => Promise<void> }[] = [];

/** The demo's shape of the tree: the district, its 16 bureaus and its towns/streets (plus the development zone). */
async function demoTree(ctx: AppContext) {
  const root = await insertOrg(ctx.db, { parent_id: null, name: '密云区总工会', short_name: null, type: 'district', credit_code: null, division_code: '110118', founded_on: null, term: null, chair: null, address: null, phone: null }, null);
  for (const name of MEMBER_UNITS) await createOrg(ctx, sys, { parentId: root.id, name, type: 'member_unit' });
  for (const d of MIYUN_DIVISIONS) await createOrg(ctx, sys, { parentId: root.id, name: `${d.name}总工会`, type: 'town', divisionCode: d.code });
}

async function snapshot(ctx: AppContext) {
  return ctx.db.selectFrom('reform_tasks as t').innerJoin('orgs as o', 'o.id', 't.lead_org_id').select(['t.code', 't.title', 'o.name', 't.deadline', 't.status', 't.official_percent']).orderBy('t.id').execute();
}

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const c = await testContext();
    await demoTree(c.ctx);
    dbs.push(c);
  }
});
afterAll(async () => {
  for (const c of dbs) await c.close();
});

describe('reform tasks demo', () => {
  it('seeds the current plan\'s 80 tasks over bureaus and towns, deterministically and fast', async () => {
    const started = Date.now();
    await seedReformTasksDemo(dbs[0].ctx, sys);
    expect(Date.now() - started).toBeLessThan(10_000);
    await seedReformTasksDemo(dbs[1].ctx, sys);
    const [a, b] = [await snapshot(dbs[0].ctx), await snapshot(dbs[1].ctx)];
    expect(a).toEqual(b);
    const year = Math.max(...a.map((t) => Number(t.code.slice(0, 4))));
    const current = a.filter((t) => t.code.startsWith(`${year}-`));
    expect(current.length).toBe(80);
    const leads = new Set(current.map((t) => t.name));
    expect([...leads].filter((n) => MEMBER_UNITS.includes(n)).length).toBeGreaterThanOrEqual(14);
    expect([...leads].filter((n) => /(镇|街道|地区)总工会$/.test(n)).length).toBeGreaterThanOrEqual(15);
    const statuses = new Set(current.map((t) => t.status));
    for (const s of ['done', 'overdue', 'on_track']) expect(statuses).toContain(s);
    expect(current.find((t) => t.title === DEMO_SUPERVISED_TITLE)).toMatchObject({ name: '区人力资源社会保障局', status: 'overdue' });
    // Seeding again adds nothing.
    await seedReformTasksDemo(dbs[0].ctx, sys);
    expect((await snapshot(dbs[0].ctx)).length).toBe(a.length);
  });

  it('gives the 人社局 tasks it leads and tasks it co-leads, and supervision with and without replies', async () => {
    const db = dbs[0].ctx.db;
    const hr = await db.selectFrom('orgs').select('id').where('name', '=', '区人力资源社会保障局').executeTakeFirstOrThrow();
    const leads = await db.selectFrom('reform_tasks').select('id').where('lead_org_id', '=', hr.id).execute();
    const co = await db.selectFrom('reform_task_co_units').select('task_id').where('org_id', '=', hr.id).execute();
    expect(leads.length).toBeGreaterThanOrEqual(4);
    expect(co.length).toBeGreaterThanOrEqual(3);
    const sups = await db.selectFrom('reform_supervisions').select(['replied_at']).execute();
    expect(sups.some((s) => s.replied_at)).toBe(true);
    expect(sups.some((s) => !s.replied_at)).toBe(true);
    const reports = await db.selectFrom('reform_progress_reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(reports.n)).toBeGreaterThan(300);
  });
});
