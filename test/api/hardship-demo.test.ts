import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { systemActor } from '../../src/server/access/actor.js';
import { createUser } from '../../src/server/modules/auth/users.service.js';
import { seedHardshipDemo } from '../../src/server/modules/hardship/hardship.demo.js';
import { getActiveHardship, reviewCutoff } from '../../src/server/modules/hardship/hardship.service.js';
import { todayInShanghai } from '../../src/shared/dates.js';
import { PASSWORD, addMember, buildWorld } from '../factories.js';
import { testContext } from '../helpers.js';
import type { AppContext } from '../../src/server/context.js';

let ctx: AppContext;
let close: () => Promise<void>;
let memberPerson: number;

beforeAll(async () => {
  ({ ctx, close } = await testContext());
  const w = await buildWorld(ctx);
  for (let n = 1; n <= 40; n++) await addMember(ctx, [w.unionA, w.unionA2, w.unionB][n % 3], n);
  memberPerson = (await addMember(ctx, w.unionA, 99)).id;
  await createUser(ctx, systemActor('test'), { username: 'member', role: 'member', personId: memberPerson, password: PASSWORD, mustChangePassword: false });
  await seedHardshipDemo(ctx, systemActor('demo'));
});
afterAll(() => close?.());

describe('hardship demo seed', () => {
  it('sets thresholds 2022–2026 and files with computed tiers, some due for review, some closed', async () => {
    const years = await ctx.db.selectFrom('hardship_thresholds').select(['year', 'dibao_fen']).orderBy('year').execute();
    expect(years.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(years.find((y) => y.year === 2024)!.dibao_fen).toBe(139_500);
    const rows = await ctx.db.selectFrom('hardship_records').select(['status', 'tier', 'last_reviewed_on', 'verified_at']).execute();
    expect(rows.length).toBe(41);
    expect(new Set(rows.map((r) => r.tier)).size).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.status === 'exited')).toBe(true);
    expect(rows.some((r) => r.status === 'open' && r.last_reviewed_on <= reviewCutoff(todayInShanghai()))).toBe(true);
    expect(rows.some((r) => r.verified_at === null)).toBe(true);
    const raw = JSON.stringify(await ctx.db.selectFrom('hardship_records').selectAll().execute());
    expect(raw).not.toContain('透析');
  });

  it('the demo member has an open, verified file in a hardship tier (the portal can apply for aid)', async () => {
    const a = await getActiveHardship(ctx.db, memberPerson);
    expect(a).toMatchObject({ verified: true, tier: 'relative' });
  });

  it('is deterministic and runs once', async () => {
    const before = await ctx.db.selectFrom('hardship_records').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    await seedHardshipDemo(ctx, systemActor('demo'));
    const after = await ctx.db.selectFrom('hardship_records').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
