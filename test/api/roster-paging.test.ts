import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildWorld, PASSWORD, type World } from '../factories.js';
import { signIn, testApp, type TestApp } from '../helpers.js';

// The subtree roster merges per-org index ranges; it must page exactly like one sorted list.
describe('subtree roster paging', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await testApp();
    w = await buildWorld(t.ctx);
    for (let i = 0; i < 23; i++) await addMember(t.ctx, i % 3 === 0 ? w.unionA2 : w.unionA, 700 + i);
    await addMember(t.ctx, w.unionB, 800);
  });
  afterAll(() => t.close());

  it('pages newest first without gaps or overlaps, inside the subtree only', async () => {
    const town = await signIn(t.app, 'town_a', PASSWORD);
    const seen: number[] = [];
    let total = 0;
    for (let page = 1; page <= 4; page++) {
      const body = (await town.get(`/api/v1/members?page=${page}&pageSize=7`)).json();
      total = body.total;
      seen.push(...body.items.map((m: { membershipId: number }) => m.membershipId));
    }
    const expected = (await t.ctx.db.selectFrom('memberships').select('id').where('org_id', 'in', [w.unionA, w.unionA2]).orderBy('id', 'desc').execute()).map((r) => r.id);
    expect(total).toBe(23);
    expect(seen).toEqual(expected);
  });

  it('applies a status filter inside the merge', async () => {
    const admin = await signIn(t.app, 'admin', PASSWORD);
    const first = (await admin.get(`/api/v1/members?orgId=${w.townA}&pageSize=1`)).json().items[0];
    expect((await admin.post(`/api/v1/members/${first.id}/status`, { action: 'retain', reason: '退休' })).statusCode).toBe(200);
    const retained = (await admin.get(`/api/v1/members?orgId=${w.townA}&status=retained`)).json();
    expect(retained.items.map((m: { id: number }) => m.id)).toEqual([first.id]);
    const active = (await admin.get(`/api/v1/members?orgId=${w.townA}&status=active&pageSize=50`)).json();
    expect(active.items).toHaveLength(22);
  });
});
