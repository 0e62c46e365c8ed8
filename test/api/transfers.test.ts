import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, addMember, buildWorld, type World } from '../factories.js';
import { signIn, testApp, type Agent, type TestApp } from '../helpers.js';
import { auditOf, expectError, expectOk } from './util.js';

let t: TestApp;
let w: World;
let admin: Agent;
let townA: Agent;
let townB: Agent;

interface Transfer { id: number; personId: number; personName: string; fromOrgId: number; toOrgId: number; status: string; fromOrgName: string; toOrgName: string; decisionNote: string | null }

const request = (agent: Agent, personId: number, toOrgId: number, reason = '工作调动') => agent.post(`/api/v1/members/${personId}/transfer`, { toOrgId, reason });
const transfers = async (agent: Agent, query: string) => expectOk<{ items: Transfer[]; total: number }>(await agent.get(`/api/v1/transfers?${query}`)).items;
const members = async (agent: Agent, orgId: number) => expectOk(await agent.get(`/api/v1/orgs/${orgId}/stats`)).members as number;

beforeAll(async () => {
  t = await testApp();
  w = await buildWorld(t.ctx);
  [admin, townA, townB] = await Promise.all([signIn(t.app, 'admin', PASSWORD), signIn(t.app, 'town_a', PASSWORD), signIn(t.app, 'town_b', PASSWORD)]);
});
afterAll(() => t?.close());

describe('accepting a transfer', () => {
  let personId: number;
  let transferId: number;

  it('the sending union requests it and the member is 转出中', async () => {
    personId = (await addMember(t.ctx, w.unionA, 1, { joinedOn: '2015-03-01', cardNo: 'GH0001' })).id;
    // The receiving union is found by its exact name without seeing townB's tree.
    const found = expectOk(await townA.get(`/api/v1/orgs/lookup?q=${encodeURIComponent('北京密云乙科技有限公司工会')}`)).items;
    expect(found).toEqual([{ id: w.unionB, name: '北京密云乙科技有限公司工会', type: 'grassroots', typeName: '基层工会' }]);

    const tr = expectOk<Transfer>(await request(townA, personId, w.unionB), 201);
    expect(tr).toMatchObject({ personId, fromOrgId: w.unionA, toOrgId: w.unionB, status: 'pending', toOrgName: '北京密云乙科技有限公司工会' });
    transferId = tr.id;
    const detail = expectOk(await townA.get(`/api/v1/members/${personId}`));
    expect(detail.membership).toMatchObject({ orgId: w.unionA, status: 'transferring', statusName: '转出中' });
    // Still counted where it is until the transfer is accepted.
    expect(await members(admin, w.unionA)).toBe(1);
    // One pending transfer per person.
    expectError(await request(townA, personId, w.unionA2), 409, 'BAD_STATUS');
  });

  it('the sending side cannot accept it; the receiving side sees it as incoming', async () => {
    expectError(await townA.post(`/api/v1/transfers/${transferId}/accept`), 403, 'OUT_OF_SCOPE');
    expectError(await townA.post(`/api/v1/transfers/${transferId}/reject`), 403, 'OUT_OF_SCOPE');
    expect((await transfers(townA, 'direction=in')).map((x) => x.id)).not.toContain(transferId);
    expect((await transfers(townA, 'direction=out')).map((x) => x.id)).toContain(transferId);
    const incoming = await transfers(townB, 'direction=in&status=pending');
    expect(incoming.map((x) => x.id)).toEqual([transferId]);
    expect(incoming[0].personName).toMatch(/^张/);
    expect(await transfers(townB, 'direction=out')).toEqual([]);
    // Not yet townB's member.
    expectError(await townB.get(`/api/v1/members/${personId}`), 403, 'OUT_OF_SCOPE');
    // The receiving side may not withdraw it either.
    expectError(await townB.post(`/api/v1/transfers/${transferId}/cancel`), 403, 'OUT_OF_SCOPE');
  });

  it('the receiving side accepts: a new membership keeps the join date, the old one ends', async () => {
    const done = expectOk(await townB.post(`/api/v1/transfers/${transferId}/accept`, { note: '欢迎' }));
    expect(done).toMatchObject({ id: transferId, status: 'accepted' });
    expect(done.newMembershipId).toEqual(expect.any(Number));

    const detail = expectOk(await townB.get(`/api/v1/members/${personId}`));
    expect(detail.membership).toMatchObject({ id: done.newMembershipId, orgId: w.unionB, status: 'active', joinedOn: '2015-03-01', cardNo: 'GH0001' });
    expectError(await townA.get(`/api/v1/members/${personId}`), 403, 'OUT_OF_SCOPE');
    expect(await members(admin, w.unionA)).toBe(0);
    expect(await members(admin, w.unionB)).toBe(1);

    const h = expectOk(await admin.get(`/api/v1/members/${personId}/history`));
    expect(h.memberships).toEqual([
      expect.objectContaining({ orgId: w.unionA, status: 'left', joinedOn: '2015-03-01', reason: '会籍转出' }),
      expect.objectContaining({ orgId: w.unionB, status: 'active', joinedOn: '2015-03-01', reason: '会籍转入' }),
    ]);
    expect(h.memberships[0].endedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(h.events.map((e: { event: string }) => e.event)).toEqual(['transfer_requested', 'transfer_accepted']);
    expect(h.events[1]).toMatchObject({ fromOrgName: '北京密云甲食品有限公司工会', toOrgName: '北京密云乙科技有限公司工会', reason: '欢迎' });
    // townB reads the history with townA's union anonymised.
    const hb = expectOk(await townB.get(`/api/v1/members/${personId}/history`));
    expect(hb.memberships.map((m: { orgName: string }) => m.orgName)).toEqual(['其他工会', '北京密云乙科技有限公司工会']);

    const audit = await auditOf(admin, 'member.transfer');
    expect(audit.filter((e) => e.entityId === String(transferId)).map((e) => e.action).sort()).toEqual(['member.transfer_accept', 'member.transfer_request']);
  });

  it('a decided transfer cannot be decided again', async () => {
    expectError(await townB.post(`/api/v1/transfers/${transferId}/accept`), 409, 'TRANSFER_DECIDED');
    expectError(await townB.post(`/api/v1/transfers/${transferId}/reject`), 409, 'TRANSFER_DECIDED');
    expectError(await townA.post(`/api/v1/transfers/${transferId}/cancel`), 409, 'TRANSFER_DECIDED');
    expect((await transfers(townB, 'direction=in&status=accepted')).map((x) => x.id)).toEqual([transferId]);
  });
});

describe('rejecting, cancelling, refusing', () => {
  it('a rejected transfer returns the member to 在会 where they were', async () => {
    const p = await addMember(t.ctx, w.unionA, 2);
    const tr = expectOk<Transfer>(await request(townA, p.id, w.unionB), 201);
    expect(expectOk(await townB.post(`/api/v1/transfers/${tr.id}/reject`, { note: '查无此人' }))).toMatchObject({ status: 'rejected', newMembershipId: null });
    const detail = expectOk(await townA.get(`/api/v1/members/${p.id}`));
    expect(detail.membership).toMatchObject({ orgId: w.unionA, status: 'active' });
    const h = expectOk(await townA.get(`/api/v1/members/${p.id}/history`));
    expect(h.memberships).toHaveLength(1);
    expect(h.events.map((e: { event: string }) => e.event)).toEqual(['transfer_requested', 'transfer_rejected']);
    // A new request is possible after the decision.
    expectOk(await request(townA, p.id, w.unionB), 201);
  });

  it('the sender may cancel; the member is 在会 again', async () => {
    const p = await addMember(t.ctx, w.unionA, 3);
    const tr = expectOk<Transfer>(await request(townA, p.id, w.unionB), 201);
    expect(expectOk(await townA.post(`/api/v1/transfers/${tr.id}/cancel`))).toMatchObject({ status: 'cancelled' });
    expect(expectOk(await townA.get(`/api/v1/members/${p.id}`)).membership.status).toBe('active');
    expectError(await townB.post(`/api/v1/transfers/${tr.id}/accept`), 409, 'TRANSFER_DECIDED');
    expect((await transfers(townB, 'direction=in&status=pending')).map((x) => x.personId)).not.toContain(p.id);
  });

  it('refuses a member who is not 在会, a member out of scope, and an impossible destination', async () => {
    const retained = await addMember(t.ctx, w.unionA, 4);
    expectOk(await townA.post(`/api/v1/members/${retained.id}/status`, { action: 'retain', reason: '退休' }));
    expectError(await request(townA, retained.id, w.unionB), 409, 'BAD_STATUS');
    expect(expectOk(await townA.get(`/api/v1/members/${retained.id}`)).membership.status).toBe('retained');

    const left = await addMember(t.ctx, w.unionA, 5);
    expectOk(await townA.post(`/api/v1/members/${left.id}/status`, { action: 'leave', reason: '离职' }));
    expectError(await request(townA, left.id, w.unionB), 404, 'NOT_FOUND');

    const theirs = await addMember(t.ctx, w.unionB, 6);
    expectError(await request(townA, theirs.id, w.unionA), 403, 'OUT_OF_SCOPE');

    const mine = await addMember(t.ctx, w.unionA, 7);
    expect(expectError(await request(townA, mine.id, w.unionA), 400, 'VALIDATION').details[0].code).toBe('SAME_ORG');
    expect(expectError(await request(townA, mine.id, w.bureau), 400, 'VALIDATION').details[0].code).toBe('ORG_CANNOT_HOLD_MEMBERS');
    expect(expectError(await request(townA, mine.id, 999999), 400, 'VALIDATION').details[0].code).toBe('ORG_NOT_FOUND');
    const bureau = await signIn(t.app, 'bureau', PASSWORD);
    expectError(await request(bureau, mine.id, w.unionB), 403, 'FORBIDDEN');
    expect(expectOk(await townA.get(`/api/v1/members/${mine.id}`)).membership.status).toBe('active');
  });
});

describe('a destination closed while the transfer waits', () => {
  it('cannot accept the member', async () => {
    const dest = expectOk(await admin.post('/api/v1/orgs', { parentId: w.townB, name: '北京密云即将注销有限公司工会', type: 'grassroots' }), 201);
    const p = await addMember(t.ctx, w.unionA, 8);
    const tr = expectOk<Transfer>(await request(townA, p.id, dest.id), 201);
    expectOk(await townB.post(`/api/v1/orgs/${dest.id}/close`, { reason: '企业注销' }));
    expectError(await townB.post(`/api/v1/transfers/${tr.id}/accept`), 409, 'ORG_CLOSED');
    expect(expectOk(await townA.get(`/api/v1/members/${p.id}`)).membership).toMatchObject({ orgId: w.unionA, status: 'transferring' });
    // It can still be rejected or withdrawn, which returns the member.
    expectOk(await townB.post(`/api/v1/transfers/${tr.id}/reject`, { note: '本会已注销' }));
    expect(expectOk(await townA.get(`/api/v1/members/${p.id}`)).membership.status).toBe('active');
    expect(await members(admin, dest.id)).toBe(0);
  });
});

describe('database guards', () => {
  it('a decided transfer row cannot be updated or deleted', async () => {
    const decided = (await transfers(admin, 'direction=in&status=accepted')).find((x) => x.decisionNote === '欢迎')!;
    await expect(sql`update membership_transfers set decision_note = 'rewritten' where id = ${decided.id}`.execute(t.ctx.db)).rejects.toThrow(/immutable/);
    await expect(sql`update membership_transfers set status = 'pending' where id = ${decided.id}`.execute(t.ctx.db)).rejects.toThrow(/immutable/);
    await expect(sql`delete from membership_transfers where id = ${decided.id}`.execute(t.ctx.db)).rejects.toThrow(/immutable/);
    const row = await t.ctx.db.selectFrom('membership_transfers').select(['status', 'decision_note']).where('id', '=', decided.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'accepted', decision_note: '欢迎' });
  });

  it('audit_log and membership_events are append-only', async () => {
    const { n } = await t.ctx.db.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(n).toBeGreaterThan(0);
    await expect(sql`update audit_log set action = 'tampered'`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`update membership_events set reason = 'tampered'`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    const after = await t.ctx.db.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(n);
    expect((await auditOf(admin, 'tampered')).length).toBe(0);
  });
});
