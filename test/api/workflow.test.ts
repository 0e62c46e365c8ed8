import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testApp, signIn, onPostgres, type Agent, type TestApp } from '../helpers.js';
import { addMember, buildWorld, PASSWORD, type World } from '../factories.js';
import { createUser } from '../../src/server/modules/auth/users.service.js';
import { buildPermissions, systemActor, type Actor } from '../../src/server/access/actor.js';
import { inTransaction } from '../../src/server/context.js';
import { registerApplicationType, submitApplication, resubmitApplication } from '../../src/server/modules/workflow/workflow.service.js';

const TYPE = 'test.living';
registerApplicationType({
  type: TYPE,
  nameZh: '测试救助',
  nameEn: 'Test aid',
  steps: [
    { key: 'union', nameZh: '基层工会初审', nameEn: 'Union check', level: 'grassroots', dueDays: 5 },
    { key: 'town', nameZh: '镇街审核', nameEn: 'Town review', level: 'town', dueDays: 5 },
    { key: 'district', nameZh: '区总工会审批', nameEn: 'District approval', level: 'district', dueDays: 10 },
  ],
});

let t: TestApp;
let w: World;
const agents: Record<string, Agent> = {};
const actors: Record<string, Actor> = {};
let personA: number;
let personB: number;

async function actorOf(username: string): Promise<Actor> {
  const u = await t.ctx.db.selectFrom('users').leftJoin('orgs', 'orgs.id', 'users.org_id')
    .select(['users.id', 'users.role', 'users.org_id', 'users.person_id', 'orgs.path']).where('username', '=', username).executeTakeFirstOrThrow();
  return { userId: u.id, username, role: u.role as Actor['role'], orgId: u.org_id, orgPath: u.path, personId: u.person_id, permissions: buildPermissions(u.role as Actor['role'], []) };
}

async function file(username: string, personId: number, opts: { period?: string; amountFen?: number } = {}): Promise<number> {
  return inTransaction(t.ctx, async (tx) => (await submitApplication(tx, actors[username], {
    type: TYPE, orgId: w.unionA, personId, title: '因病致困生活救助', amountFen: opts.amountFen ?? 200_000, periodKey: opts.period ?? '2026',
  })).id);
}

const decide = (who: string, id: number, action: 'approve' | 'return' | 'reject', comment?: string, approvedFen?: number) =>
  agents[who].post(`/api/v1/applications/${id}/decide`, { action, comment, approvedFen });

async function approveAll(id: number) {
  for (const who of ['union_a', 'town_a', 'admin']) expect((await decide(who, id, 'approve', '同意')).statusCode).toBe(200);
}

beforeAll(async () => {
  t = await testApp();
  w = await buildWorld(t.ctx);
  personA = (await addMember(t.ctx, w.unionA, 101)).id;
  personB = (await addMember(t.ctx, w.unionA, 102)).id;
  const sys = systemActor('test');
  await createUser(t.ctx, sys, { username: 'union_a_clerk', role: 'org_admin', orgId: w.unionA, password: PASSWORD, mustChangePassword: false });
  await createUser(t.ctx, sys, { username: 'worker_a', role: 'member', personId: personA, password: PASSWORD, mustChangePassword: false });
  for (const u of ['admin', 'town_a', 'town_b', 'union_a', 'union_a_clerk', 'auditor', 'bureau', 'worker_a']) {
    agents[u] = await signIn(t.app, u, PASSWORD);
    actors[u] = await actorOf(u);
  }
});
afterAll(() => t?.close());

describe('workflow: access to an application', () => {
  it('401 without a session, OUT_OF_SCOPE for another town, readable by the scope, the applicant and the person', async () => {
    const id = await file('union_a_clerk', personA);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${id}` })).statusCode).toBe(401);
    const other = await agents.town_b.get(`/api/v1/applications/${id}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await agents.bureau.get(`/api/v1/applications/${id}`)).statusCode).toBe(403);
    for (const who of ['town_a', 'admin', 'auditor', 'union_a_clerk', 'worker_a']) {
      expect((await agents[who].get(`/api/v1/applications/${id}`)).statusCode, who).toBe(200);
    }
    const list = await agents.town_b.get('/api/v1/applications?type=test.living');
    expect(list.json().items.map((a: { id: number }) => a.id)).not.toContain(id);
  });

  it('a member sees only their own applications and may not file for someone else', async () => {
    const mine = await file('union_a_clerk', personA);
    const theirs = await file('union_a_clerk', personB);
    const list = (await agents.worker_a.get('/api/v1/applications?mine=1')).json();
    expect(list.items.map((a: { id: number }) => a.id)).toContain(mine);
    expect(list.items.map((a: { id: number }) => a.id)).not.toContain(theirs);
    expect((await agents.worker_a.get(`/api/v1/applications/${theirs}`)).statusCode).toBe(403);
    await expect(inTransaction(t.ctx, (tx) => submitApplication(tx, actors.worker_a, { type: TYPE, orgId: w.unionA, personId: personB, title: 'x' })))
      .rejects.toMatchObject({ status: 403 });
    await expect(inTransaction(t.ctx, (tx) => submitApplication(tx, actors.worker_a, { type: TYPE, orgId: w.unionB, personId: personA, title: 'x' })))
      .rejects.toMatchObject({ code: 'NOT_MEMBER_OF_ORG' });
    const own = await inTransaction(t.ctx, (tx) => submitApplication(tx, actors.worker_a, { type: TYPE, orgId: w.unionA, personId: personA, title: '本人申请', periodKey: 'self' }));
    expect((await agents.worker_a.get(`/api/v1/applications/${own.id}`)).json().canWithdraw).toBe(true);
  });

  it('staff cannot file outside their scope', async () => {
    await expect(inTransaction(t.ctx, (tx) => submitApplication(tx, actors.town_b, { type: TYPE, orgId: w.unionA, personId: personA, title: 'x' })))
      .rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    await expect(inTransaction(t.ctx, (tx) => submitApplication(tx, actors.auditor, { type: TYPE, orgId: w.unionA, personId: personA, title: 'x' })))
      .rejects.toMatchObject({ status: 403 });
  });
});

describe('workflow: the state machine', () => {
  it('goes up the tree step by step, with the history and notices to whoever acts next', async () => {
    const id = await file('union_a_clerk', personA, { period: 'walk' });
    const v0 = (await agents.union_a.get(`/api/v1/applications/${id}`)).json();
    expect(v0.steps.map((s: { orgName: string; state: string }) => [s.orgName, s.state])).toEqual([
      ['北京密云甲食品有限公司工会', 'current'], ['鼓楼街道总工会', 'pending'], ['密云区总工会', 'pending'],
    ]);
    expect(v0.canDecide).toBe(true);
    const queue = (await agents.union_a.get('/api/v1/workflow/queue')).json();
    expect(queue.items.map((a: { id: number }) => a.id)).toContain(id);
    expect((await agents.town_a.get('/api/v1/workflow/queue')).json().items.map((a: { id: number }) => a.id)).not.toContain(id);

    expect((await decide('union_a', id, 'approve', '情况属实')).json()).toEqual({ status: 'in_review', currentStep: 1 });
    const notices = (await agents.town_a.get('/api/v1/notifications?unread=1')).json();
    expect(notices.items.some((n: { link: string }) => n.link === `/applications/${id}`)).toBe(true);
    expect((await decide('town_a', id, 'approve', '同意', 150_000)).statusCode).toBe(200);
    const last = await decide('admin', id, 'approve', '批准');
    expect(last.json()).toEqual({ status: 'approved', currentStep: 2 });
    const v = (await agents.worker_a.get(`/api/v1/applications/${id}`)).json();
    expect(v.status).toBe('approved');
    expect(v.approvedFen).toBe(150_000);
    expect(v.steps.every((s: { state: string }) => s.state === 'done')).toBe(true);
    expect(v.steps.map((s: { comment: string }) => s.comment)).toEqual(['情况属实', '同意', '批准']);
    expect(v.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'approve', 'approve', 'approve']);
    const workerNotices = (await agents.worker_a.get('/api/v1/notifications')).json();
    expect(workerNotices.items.some((n: { title: string; link: string }) => n.title.includes('已批准') && n.link === `/m/applications/${id}`)).toBe(true);
    expect((await decide('admin', id, 'approve')).json().error.code).toBe('WRONG_STATE');
  });

  it('refuses to skip a step: the town and the district cannot act on the grassroots step', async () => {
    const id = await file('union_a_clerk', personA, { period: 'skip' });
    const town = await decide('town_a', id, 'approve');
    expect(town.statusCode).toBe(403);
    expect(town.json().error.message).toContain('北京密云甲食品有限公司工会');
    expect((await decide('admin', id, 'approve')).statusCode).toBe(403);
    expect((await decide('town_b', id, 'approve')).json().error.code).toBe('OUT_OF_SCOPE');
    expect((await decide('auditor', id, 'approve')).statusCode).toBe(403);
    const v = (await agents.admin.get(`/api/v1/applications/${id}`)).json();
    expect(v.currentStep).toBe(0);
    expect(v.canDecide).toBe(false);
    expect(v.events).toHaveLength(1);
  });

  it('nobody approves what they submitted or their own application', async () => {
    const id = await file('union_a', personA, { period: 'self-approve' });
    const r = await decide('union_a', id, 'approve');
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toContain('自己');
    expect((await agents.union_a.get('/api/v1/workflow/queue')).json().items.map((a: { id: number }) => a.id)).not.toContain(id);
    expect((await decide('union_a_clerk', id, 'approve')).statusCode).toBe(200);
  });

  it('return needs a reason; the applicant corrects and resubmits; review starts again at the first step', async () => {
    const id = await file('union_a_clerk', personA, { period: 'return' });
    await decide('union_a', id, 'approve');
    expect((await decide('town_a', id, 'return')).statusCode).toBe(400);
    expect((await decide('town_a', id, 'return', '缺少医疗费票据')).json().status).toBe('returned');
    const returned = (await agents.union_a_clerk.get(`/api/v1/applications/${id}`)).json();
    expect(returned.steps[1].state).toBe('returned');
    expect(returned.steps[1].comment).toBe('缺少医疗费票据');
    expect(returned.canResubmit).toBe(true);
    expect((await decide('admin', id, 'approve')).json().error.code).toBe('WRONG_STATE');
    await expect(inTransaction(t.ctx, (tx) => resubmitApplication(tx, actors.union_a, id))).rejects.toMatchObject({ status: 403 });
    await inTransaction(t.ctx, (tx) => resubmitApplication(tx, actors.union_a_clerk, id, { amountFen: 180_000 }));
    const again = (await agents.union_a.get(`/api/v1/applications/${id}`)).json();
    expect(again.status).toBe('in_review');
    expect(again.currentStep).toBe(0);
    expect(again.amountFen).toBe(180_000);
    expect(again.steps.map((s: { state: string; comment: string | null }) => [s.state, s.comment])).toEqual([['current', null], ['pending', null], ['pending', null]]);
    expect(again.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'approve', 'return', 'resubmit']);
    await expect(inTransaction(t.ctx, (tx) => resubmitApplication(tx, actors.union_a_clerk, id))).rejects.toMatchObject({ code: 'WRONG_STATE' });
  });

  it('reject is final and needs a reason; the applicant may withdraw only while it is open', async () => {
    const id = await file('union_a_clerk', personA, { period: 'reject' });
    expect((await decide('union_a', id, 'reject', '家庭人均收入高于标准')).json().status).toBe('rejected');
    expect((await decide('union_a', id, 'approve')).json().error.code).toBe('WRONG_STATE');
    expect((await agents.union_a_clerk.post(`/api/v1/applications/${id}/withdraw`, {})).json().error.code).toBe('WRONG_STATE');
    const open = await file('union_a_clerk', personA, { period: 'withdraw' });
    expect((await agents.union_a.post(`/api/v1/applications/${open}/withdraw`, {})).statusCode).toBe(403);
    expect((await agents.union_a_clerk.post(`/api/v1/applications/${open}/withdraw`, { reason: '已获其他救助' })).statusCode).toBe(204);
  });

  it('keeps the history immutable', async () => {
    await expect(sql`update application_events set comment = 'x'`.execute(t.ctx.db)).rejects.toThrow();
    await expect(sql`delete from application_events`.execute(t.ctx.db)).rejects.toThrow();
  });

  it('refuses an approved amount above the request', async () => {
    const id = await file('union_a_clerk', personA, { period: 'amount', amountFen: 1000 });
    expect((await decide('union_a', id, 'approve', undefined, 1001)).json().error.details[0].code).toBe('AMOUNT_ABOVE_REQUEST');
  });
});

describe('workflow: one approval per person, type and period', () => {
  it('refuses the second approval with DUPLICATE_PAYMENT', async () => {
    const a = await file('union_a_clerk', personB, { period: '2026-dup' });
    const b = await file('union_a_clerk', personB, { period: '2026-dup' });
    await approveAll(a);
    for (const who of ['union_a', 'town_a']) await decide(who, b, 'approve');
    const r = await decide('admin', b, 'approve');
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('DUPLICATE_PAYMENT');
    expect((await agents.admin.get(`/api/v1/applications/${b}`)).json().status).toBe('in_review');
  });

  it('holds when two final approvals race', async () => {
    const a = await file('union_a_clerk', personB, { period: '2026-race' });
    const b = await file('union_a_clerk', personB, { period: '2026-race' });
    for (const id of [a, b]) for (const who of ['union_a', 'town_a']) await decide(who, id, 'approve');
    const admin2 = onPostgres ? await signIn(t.app, 'admin', PASSWORD) : agents.admin;
    const results = await Promise.all([
      agents.admin.post(`/api/v1/applications/${a}/decide`, { action: 'approve' }),
      admin2.post(`/api/v1/applications/${b}/decide`, { action: 'approve' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const approved = await t.ctx.db.selectFrom('applications').select(sql<number>`count(*)::int`.as('n'))
      .where('person_id', '=', personB).where('period_key', '=', '2026-race').where('status', '=', 'approved').executeTakeFirstOrThrow();
    expect(approved.n).toBe(1);
  });
});

describe('workflow: steps per type and the overdue list', () => {
  it('only the district changes the steps; bad orders are refused; new submissions follow the new steps', async () => {
    const steps = [
      { key: 'union', nameZh: '基层工会初审', nameEn: 'Union', level: 'grassroots', dueDays: 3 },
      { key: 'district', nameZh: '区总工会审批', nameEn: 'District', level: 'district', dueDays: 7 },
    ];
    const put = (a: Agent, body: unknown) => a.inject({ method: 'PUT', url: `/api/v1/workflow/types/${TYPE}`, payload: body as object });
    expect((await put(agents.town_a, { steps })).statusCode).toBe(403);
    const bad = await put(agents.admin, { steps: [...steps].reverse() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toContain('自下而上');
    expect((await put(agents.admin, { steps })).statusCode).toBe(200);
    const id = await file('union_a_clerk', personA, { period: 'two-steps' });
    const v = (await agents.admin.get(`/api/v1/applications/${id}`)).json();
    expect(v.steps.map((s: { orgName: string }) => s.orgName)).toEqual(['北京密云甲食品有限公司工会', '密云区总工会']);
    expect((await put(agents.admin, { steps: [
      { key: 'union', nameZh: '基层工会初审', nameEn: 'Union check', level: 'grassroots', dueDays: 5 },
      { key: 'town', nameZh: '镇街审核', nameEn: 'Town review', level: 'town', dueDays: 5 },
      { key: 'district', nameZh: '区总工会审批', nameEn: 'District approval', level: 'district', dueDays: 10 },
    ] })).statusCode).toBe(200);
  });

  it('lists steps past their deadline within the scope', async () => {
    const id = await file('union_a_clerk', personA, { period: 'late' });
    await t.ctx.db.updateTable('applications').set({ step_due_at: new Date(Date.now() - 86_400_000) }).where('id', '=', id).execute();
    const ids = (r: { json(): { items: { id: number; overdue: boolean }[] } }) => r.json().items.filter((a) => a.overdue).map((a) => a.id);
    expect(ids(await agents.town_a.get('/api/v1/workflow/overdue?pageSize=200'))).toContain(id);
    expect(ids(await agents.town_b.get('/api/v1/workflow/overdue?pageSize=200'))).not.toContain(id);
  });
});
