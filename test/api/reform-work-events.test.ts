import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, buildWorld, type World } from '../factories.js';
import { signIn, testApp, type Agent, type TestApp } from '../helpers.js';
import { auditOf, expectError, expectOk } from './util.js';
import { PNG, upload } from '../uploads.js';

let t: TestApp;
let w: World;
let admin: Agent;
let townA: Agent;
let townB: Agent;
let unionA: Agent;
let bureau: Agent;

const act = (orgId: number, extra: Record<string, unknown> = {}) => ({ type: 'model_worker_lecture', title: '劳模宣讲报告会', heldOn: '2025-05-01', orgId, place: '职工之家', ...extra });

beforeAll(async () => {
  t = await testApp();
  w = await buildWorld(t.ctx);
  [admin, townA, townB, unionA, bureau] = await Promise.all(['admin', 'town_a', 'town_b', 'union_a', 'bureau'].map((u) => signIn(t.app, u, PASSWORD)));
});
afterAll(() => t?.close());

describe('activities', () => {
  it('round-trips an activity with photos and a participant list', async () => {
    const p1 = expectOk(await upload(townA, '宣讲现场1.png', PNG), 201);
    const p2 = expectOk(await upload(townA, '宣讲现场2.png', PNG), 201);
    const a = expectOk(await townA.post('/api/v1/activities', act(w.townA, {
      photoIds: [p1.id, p2.id], participants: [{ name: '张三', orgName: '甲食品公司' }, { name: '李四' }],
    })), 201);
    expect(a).toMatchObject({ typeName: '劳模宣讲报告会', orgName: '鼓楼街道总工会', participantCount: 2, canEdit: true });
    expect(a.photoFiles.map((f: { name: string }) => f.name)).toEqual(['宣讲现场1.png', '宣讲现场2.png']);
    expect(a.participants).toEqual([{ name: '张三', orgName: '甲食品公司' }, { name: '李四', orgName: null }]);
    // The photo is served to readers who may see the activity, and refused to others.
    expect((await admin.get(`/api/v1/attachments/${p1.id}/content`)).rawPayload.equals(PNG)).toBe(true);
    expect((await townB.get(`/api/v1/attachments/${p1.id}/content`)).statusCode).toBeGreaterThanOrEqual(403);
    // A photo already used cannot be linked to a second activity.
    expectError(await townA.post('/api/v1/activities', act(w.townA, { photoIds: [p1.id] })), 400, 'VALIDATION');

    const edited = expectOk(await townA.patch(`/api/v1/activities/${a.id}`, { participantCount: 120, place: '鼓楼街道文化中心' }));
    expect(edited).toMatchObject({ participantCount: 120, place: '鼓楼街道文化中心', participants: [{ name: '张三' }, { name: '李四' }] });
    const bad = expectError(await townA.patch(`/api/v1/activities/${a.id}`, { participantCount: 1 }), 400, 'VALIDATION');
    expect(bad.details[0].code).toBe('COUNT_BELOW_LIST');
    expect((await auditOf(admin, 'activity.')).map((e) => e.action)).toEqual(['activity.update', 'activity.create']);
  });

  it('scopes activities: own subtree plus district-wide ones; out-of-scope by id is 403', async () => {
    const district = expectOk(await admin.post('/api/v1/activities', act(w.district, { type: 'public_lecture', title: '区总工会公益大讲堂', heldOn: '2024-09-10', participantCount: 300 })), 201);
    const b = expectOk(await townB.post('/api/v1/activities', act(w.townB, { type: 'safety_month', title: '果园街道安全生产月', heldOn: '2024-06-05', participantCount: 80 })), 201);
    const u = expectOk(await unionA.post('/api/v1/activities', act(w.unionA, { type: 'culture_sports', title: '职工趣味运动会', heldOn: '2023-10-01', participantCount: 60 })), 201);
    const bu = expectOk(await bureau.post('/api/v1/activities', act(w.bureau, { type: 'party_building', title: '党建共建活动', heldOn: '2025-07-01', participantCount: 20 })), 201);

    const seenBy = async (agent: Agent) => expectOk(await agent.get('/api/v1/activities?pageSize=100')).items.map((x: { id: number }) => x.id);
    expect(await seenBy(bureau)).toEqual(expect.arrayContaining([district.id, bu.id]));
    expect(await seenBy(bureau)).not.toContain(b.id);
    expect(await seenBy(townA)).toEqual(expect.arrayContaining([district.id, u.id]));
    expect(await seenBy(townA)).not.toContain(b.id);
    expect(await seenBy(townA)).not.toContain(bu.id);
    expect(await seenBy(admin)).toEqual(expect.arrayContaining([district.id, b.id, u.id, bu.id]));

    expectError(await townA.get(`/api/v1/activities/${b.id}`), 403, 'OUT_OF_SCOPE');
    expectError(await bureau.get(`/api/v1/activities/${u.id}`), 403, 'OUT_OF_SCOPE');
    expect(expectOk(await bureau.get(`/api/v1/activities/${district.id}`)).canEdit).toBe(false);
    // Reading a district-wide activity does not mean editing it, nor logging for someone else.
    expectError(await townA.patch(`/api/v1/activities/${district.id}`, { place: 'x' }), 403, 'OUT_OF_SCOPE');
    expectError(await townA.post('/api/v1/activities', act(w.townB)), 403, 'OUT_OF_SCOPE');
    expectError(await townA.get(`/api/v1/activities?orgId=${w.townB}`), 403, 'OUT_OF_SCOPE');
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/activities', payload: act(w.townA) }), 401);
  });

  it('counts activities by type, period and organiser, each figure matching its records', async () => {
    for (const [heldOn, type] of [['2022-02-10', 'model_worker_lecture'], ['2022-11-03', 'model_worker_lecture'], ['2026-01-20', 'health_lecture']] as const) {
      expectOk(await admin.post('/api/v1/activities', act(w.district, { heldOn, type, participantCount: 50 })), 201);
    }
    const fig = expectOk(await admin.get('/api/v1/activities/figures?period=quarter'));
    const lectures = fig.byType.find((x: { type: string }) => x.type === 'model_worker_lecture');
    const listed = expectOk(await admin.get('/api/v1/activities?type=model_worker_lecture'));
    expect(lectures.count).toBe(listed.total);
    const q2022 = fig.byPeriod.find((x: { period: string }) => x.period === '2022-Q4');
    expect(q2022.count).toBe(expectOk(await admin.get('/api/v1/activities?from=2022-10-01&to=2022-12-31')).total);
    const byTownA = fig.byOrganiser.find((x: { orgId: number }) => x.orgId === w.townA);
    expect(byTownA.count).toBe(expectOk(await admin.get(`/api/v1/activities?organiserId=${w.townA}`)).total);
    expect(fig.total.count).toBe(expectOk(await admin.get('/api/v1/activities')).total);
    const years = expectOk(await admin.get('/api/v1/activities/figures?period=year')).byPeriod.map((x: { period: string }) => x.period);
    expect(years).toEqual(['2022', '2023', '2024', '2025', '2026']);
    // A town's figures cover only what it may see.
    const townFig = expectOk(await townB.get('/api/v1/activities/figures'));
    expect(townFig.byOrganiser.map((x: { orgId: number }) => x.orgId).sort()).toEqual([w.district, w.townB].sort());
  });
});

describe('meetings', () => {
  it('records a meeting and turns a decision into a reform task once', async () => {
    const m = expectOk(await admin.post('/api/v1/reform/meetings', {
      kind: 'progress', title: '2025年产改工作推进会', heldOn: '2025-04-18', place: '区总工会三层会议室', orgId: w.district, host: '王建国',
      attendeeOrgIds: [w.bureau, w.townA], attendeeNames: ['李明（区人社局）'], minutes: '会议听取了各成员单位工作汇报。',
      decisions: ['开展新就业形态劳动者技能培训', '建立产改工作月调度机制'],
    }), 201);
    expect(m).toMatchObject({ kindName: '推进会', attendeeNames: ['李明（区人社局）'] });
    expect(m.attendeeOrgs.map((o: { name: string }) => o.name)).toEqual(['区人力资源社会保障局', '鼓楼街道总工会']);
    expect(m.decisions.map((d: { seq: number; taskId: number | null }) => [d.seq, d.taskId])).toEqual([[1, null], [2, null]]);

    const plan = expectOk(await admin.post('/api/v1/reform/plans', { year: 2025, title: '2025年产改工作计划' }), 201);
    const d1 = m.decisions[0].id;
    expectError(await bureau.post(`/api/v1/reform/meetings/${m.id}/decisions/${d1}/task`, { planId: plan.id, category: 'skills', leadOrgId: w.bureau, deadline: '2025-12-31' }), 403, 'FORBIDDEN');
    const bad = expectError(await admin.post(`/api/v1/reform/meetings/${m.id}/decisions/${d1}/task`, { planId: plan.id, category: 'skills', leadOrgId: w.bureau, deadline: 'someday' }), 400, 'VALIDATION');
    expect(bad.details.some((d) => d.field === 'deadline')).toBe(true);
    expect(expectOk(await admin.get(`/api/v1/reform/meetings/${m.id}`)).decisions[0].taskId).toBeNull();

    const after = expectOk(await admin.post(`/api/v1/reform/meetings/${m.id}/decisions/${d1}/task`, { planId: plan.id, category: 'skills', leadOrgId: w.bureau, coOrgIds: [w.townA], deadline: '2025-12-31' }));
    const taskId = after.decisions[0].taskId;
    expect(taskId).toBeGreaterThan(0);
    expect(after.decisions[0].taskTitle).toBe('开展新就业形态劳动者技能培训');
    const task = expectOk(await admin.get(`/api/v1/reform/tasks/${taskId}`));
    expect(task.leadOrgId ?? task.leadOrg?.id).toBe(w.bureau);
    expectError(await admin.post(`/api/v1/reform/meetings/${m.id}/decisions/${d1}/task`, { planId: plan.id, category: 'skills', leadOrgId: w.bureau, deadline: '2025-12-31' }), 409, 'DECISION_HAS_TASK');

    // Editing the decisions keeps the one already turned into a task.
    const edited = expectOk(await admin.patch(`/api/v1/reform/meetings/${m.id}`, { decisions: ['建立产改工作季度调度机制'] }));
    expect(edited.decisions.map((d: { content: string; taskId: number | null }) => [d.content, d.taskId])).toEqual([['开展新就业形态劳动者技能培训', taskId], ['建立产改工作季度调度机制', null]]);
  });

  it('lets units log their own meetings only; others are out of scope', async () => {
    const own = expectOk(await bureau.post('/api/v1/reform/meetings', { kind: 'seminar', title: '技能人才评价研讨会', heldOn: '2025-03-02', orgId: w.bureau }), 201);
    expect(own.canMakeTask).toBe(false);
    expectError(await bureau.post('/api/v1/reform/meetings', { kind: 'seminar', title: '越权', heldOn: '2025-03-02', orgId: w.townA }), 403, 'OUT_OF_SCOPE');
    expectError(await townA.get(`/api/v1/reform/meetings/${own.id}`), 403, 'OUT_OF_SCOPE');
    expectError(await townA.patch(`/api/v1/reform/meetings/${own.id}`, { title: 'x' }), 403, 'OUT_OF_SCOPE');
    const e = expectError(await bureau.post('/api/v1/reform/meetings', { kind: 'seminar', title: '', heldOn: '2999-01-01', orgId: w.bureau, decisions: [' '] }), 400, 'VALIDATION');
    expect(e.details.map((d) => d.field).sort()).toEqual(['decisions.0', 'heldOn', 'title']);
    expect(expectOk(await townA.get('/api/v1/reform/meetings')).items.map((x: { id: number }) => x.id)).not.toContain(own.id);
  });
});
