import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { testContext } from '../helpers.js';
import { systemActor } from '../../src/server/access/actor.js';
import { createUser } from '../../src/server/modules/auth/users.service.js';
import { createDemoUsers, seedDemo } from '../../src/server/modules/demo/demo.seed.js';
import { seedAidDemo } from '../../src/server/modules/aid/aid.demo.js';
import { todayInShanghai } from '../../src/shared/dates.js';
import { periodKeyFor } from '../../src/shared/aid/rules.js';
import type { AppContext } from '../../src/server/context.js';

// Every fifth person has a verified deep-hardship record (the hardship module's own demo is not needed here).
vi.mock('../../src/server/modules/aid/aid.hardship.js', () => ({
  getActiveHardship: async (_db: unknown, personId: number) => (personId % 5 === 0 ? { recordId: personId, tier: 'deep', verified: true, causes: ['因病'] } : null),
}));

let ctx: AppContext;
let close: () => Promise<void>;
let seconds = 0;

beforeAll(async () => {
  ({ ctx, close } = await testContext());
  const sys = systemActor('test');
  const { orgIds } = await seedDemo(ctx, sys, { members: 6000 });
  await createUser(ctx, sys, { username: 'admin', role: 'district_admin', password: 'Test-Passw0rd', mustChangePassword: false });
  await createDemoUsers(ctx, sys, orgIds, 'Test-Passw0rd');
  const t0 = Date.now();
  await seedAidDemo(ctx, sys);
  seconds = (Date.now() - t0) / 1000;
}, 300_000);
afterAll(() => close?.());

describe('aid demo', () => {
  it('files every aid type over 2024–2026 through the workflow, most paid, some stopped on the way', async () => {
    const rows = await sql<{ aid_type: string; year: string; status: string; n: number }>`
      select d.aid_type, left(d.period_key, 4) as year, a.status, count(*)::int as n
      from aid_applications d join applications a on a.id = d.application_id group by 1, 2, 3`.execute(ctx.db);
    const total = rows.rows.reduce((s, r) => s + r.n, 0);
    expect(total).toBeGreaterThan(250);
    expect(new Set(rows.rows.map((r) => r.aid_type))).toEqual(new Set(['living', 'medical', 'education', 'winter', 'summer', 'temporary']));
    expect(new Set(rows.rows.map((r) => r.year))).toEqual(new Set(['2024', '2025', '2026']));
    const by = (s: string) => rows.rows.filter((r) => r.status === s).reduce((n, r) => n + r.n, 0);
    expect(by('paid')).toBeGreaterThan(total / 2);
    for (const s of ['returned', 'rejected', 'in_review', 'approved']) expect(by(s), s).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(15);
  });

  it('pays in batches whose totals are the sums of their items, and paid campaign aid counts in the campaigns', async () => {
    const bad = await sql<{ id: number }>`
      select b.id from payment_batches b join payment_batch_items i on i.batch_id = b.id
      group by b.id, b.total_fen, b.item_count having sum(i.amount_fen) <> b.total_fen or count(*) <> b.item_count`.execute(ctx.db);
    expect(bad.rows).toEqual([]);
    const unpaidInPaidBatch = await sql<{ n: number }>`
      select count(*)::int as n from payment_batches b join payment_batch_items i on i.batch_id = b.id join applications a on a.id = i.application_id
      where b.status = 'paid' and a.status <> 'paid'`.execute(ctx.db);
    expect(unpaidInPaidBatch.rows[0].n).toBe(0);
    const linked = await sql<{ n: number }>`
      select count(*)::int as n from aid_distributions x join applications a on a.id = x.application_id where a.status = 'paid' and x.value_fen = a.approved_fen`.execute(ctx.db);
    expect(linked.rows[0].n).toBeGreaterThan(0);
    const campaigns = await ctx.db.selectFrom('aid_campaigns').select(['year', 'season']).execute();
    expect(campaigns.length).toBeGreaterThanOrEqual(11);
  });

  it('leaves the demo member free to apply for living aid in the current period', async () => {
    const member = await ctx.db.selectFrom('users').select('person_id').where('username', '=', 'member').executeTakeFirstOrThrow();
    const mine = await ctx.db.selectFrom('applications').select('id')
      .where('person_id', '=', member.person_id).where('type', '=', 'aid.living').where('period_key', '=', periodKeyFor('living', todayInShanghai())).execute();
    expect(mine).toEqual([]);
  });

  it('does nothing the second time', async () => {
    const before = await ctx.db.selectFrom('applications').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    await seedAidDemo(ctx, systemActor('test'));
    const after = await ctx.db.selectFrom('applications').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
