import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { systemActor } from '../../src/server/access/actor.js';
import { seedReformWorkDemo } from '../../src/server/modules/reform-work/reform-work.demo.js';
import { validateDocNo } from '../../src/shared/reform-work/doc-no.js';
import { buildWorld } from '../factories.js';
import { testContext } from '../helpers.js';
import type { AppContext } from '../../src/server/context.js';

let ctx: AppContext;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ ctx, close } = await testContext());
  await buildWorld(ctx);
});
afterAll(() => close?.());

describe('reform-work demo', () => {
  it('seeds five years of activities with 30+ model-worker lectures, valid 文号 and budgets, once', async () => {
    await seedReformWorkDemo(ctx, systemActor('demo'));
    const count = async (table: 'activities' | 'reform_documents' | 'reform_meetings' | 'budget_lines' | 'reform_group_members') =>
      (await ctx.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    const before = { activities: await count('activities'), documents: await count('reform_documents'), meetings: await count('reform_meetings'), members: await count('reform_group_members') };
    const lectures = await ctx.db.selectFrom('activities').select(sql<number>`count(*)::int`.as('n')).where('type', '=', 'model_worker_lecture').executeTakeFirstOrThrow();
    expect(lectures.n).toBeGreaterThanOrEqual(30);
    const years = await ctx.db.selectFrom('activities').select(sql<string>`to_char(held_on, 'YYYY')`.as('y')).distinct().orderBy('y').execute();
    expect(years.map((y) => y.y)).toEqual(['2022', '2023', '2024', '2025', '2026']);
    const docs = await ctx.db.selectFrom('reform_documents').select('doc_no').execute();
    expect(docs.length).toBeGreaterThanOrEqual(9);
    for (const d of docs) expect(validateDocNo(d.doc_no, { maxYear: 2100 })).toMatchObject({ ok: true, value: d.doc_no });
    expect(before.meetings).toBe(8);
    const lines = await ctx.db.selectFrom('budget_lines').select(['year', 'name', 'amount_fen']).where('name', 'in', ['重点群体培训', '岗位实践活动']).orderBy('year').execute();
    expect(lines.map((l) => [l.year, l.amount_fen])).toEqual([[2025, 15_000_000], [2025, 15_000_000], [2026, 15_000_000], [2026, 15_000_000]]);
    const overspent = await sql<{ n: number }>`select count(*)::int as n from budget_lines l where l.amount_fen < (select coalesce(sum(amount_fen), 0) from budget_spendings s where s.line_id = l.id)`.execute(ctx.db);
    expect(overspent.rows[0].n).toBe(0);
    // Running it again changes nothing.
    await seedReformWorkDemo(ctx, systemActor('demo'));
    expect({ activities: await count('activities'), documents: await count('reform_documents'), meetings: await count('reform_meetings'), members: await count('reform_group_members') }).toEqual(before);
  });
});
