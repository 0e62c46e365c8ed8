import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/server/access/actor.js';
import { createUser } from '../../src/server/modules/auth/users.service.js';
import { todayInShanghai } from '../../src/shared/dates.js';
import { PASSWORD, addMember, buildWorld, type World } from '../factories.js';
import { signIn, testApp, type Agent, type TestApp } from '../helpers.js';
import { auditOf, expectError, expectOk } from './util.js';

let t: TestApp;
let w: World;
let admin: Agent, unionA: Agent, townA: Agent, townB: Agent, auditor: Agent, worker1: Agent, worker2: Agent;
const people: Record<'w1' | 'w2' | 'b1' | 'late', number> = { w1: 0, w2: 0, b1: 0, late: 0 };

const today = todayInShanghai();
const year = Number(today.slice(0, 4));
// Enrolled last December with a 30-day waiting period: a bill dated today is always covered.
const enrolledOn = `${year - 1}-12-01`;

/** 住院医疗: 起付线 500 per claim, 60 %, 3,000 per claim, 5,000 per year. */
const hospitalPlan = {
  year, name: '住院医疗互助保障', kind: 'hospital', premiumFen: 5_000, deductibleFen: 50_000, deductibleBasis: 'per_claim',
  ratioBp: 6000, capPerClaimFen: 300_000, capPerYearFen: 500_000, waitingDays: 30, description: '在职职工住院医疗二次报销',
};
let planId = 0;

const bill = (totalFen: number, insurancePaidFen: number, selfPaidFen = 0, visitDate = today) => ({ hospital: '密云区医院', visitDate, totalFen, insurancePaidFen, selfPaidFen });
/** A bill whose reimbursement hits the per-claim cap (base 9,000 − 500 = 8,500 × 60 % = 5,100 → 3,000). */
const bigBill = () => bill(2_000_000, 1_100_000);

/** A minimal valid PNG (1×1 pixel). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function upload(agent: Agent, name: string, data: Buffer): Promise<number> {
  const boundary = '----gh-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await agent.inject({ method: 'POST', url: '/api/v1/attachments', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  return expectOk<{ id: number }>(res, 201).id;
}

const claim = (agent: Agent, body: Record<string, unknown>) => agent.post('/api/v1/mutual-aid/claims', { planId, diagnosis: '急性阑尾炎', attachmentIds: [], ...body });
const decide = (agent: Agent, id: number, action: string, comment?: string) => agent.post(`/api/v1/applications/${id}/decide`, { action, comment });
const approvedFen = async (id: number) => (await t.ctx.db.selectFrom('applications').select(['approved_fen', 'status']).where('id', '=', id).executeTakeFirstOrThrow());

beforeAll(async () => {
  t = await testApp();
  w = await buildWorld(t.ctx);
  const sys = systemActor('test');
  people.w1 = (await addMember(t.ctx, w.unionA, 1)).id;
  people.w2 = (await addMember(t.ctx, w.unionA, 2)).id;
  people.late = (await addMember(t.ctx, w.unionA2, 3)).id;
  people.b1 = (await addMember(t.ctx, w.unionB, 4)).id;
  await createUser(t.ctx, sys, { username: 'worker1', role: 'member', personId: people.w1, password: PASSWORD, mustChangePassword: false });
  await createUser(t.ctx, sys, { username: 'worker2', role: 'member', personId: people.w2, password: PASSWORD, mustChangePassword: false });
  [admin, unionA, townA, townB, auditor, worker1, worker2] = await Promise.all(
    ['admin', 'union_a', 'town_a', 'town_b', 'auditor', 'worker1', 'worker2'].map((u) => signIn(t.app, u, PASSWORD)),
  );
});
afterAll(() => t?.close());

describe('plans', () => {
  it('need a session and the district: 401, 403, then 201', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/mutual-aid/plans' }), 401, 'UNAUTHENTICATED');
    expectError(await unionA.post('/api/v1/mutual-aid/plans', hospitalPlan), 403, 'FORBIDDEN');
    expectError(await worker1.get('/api/v1/mutual-aid/plans'), 403, 'FORBIDDEN');
    const plan = expectOk(await admin.post('/api/v1/mutual-aid/plans', hospitalPlan), 201);
    planId = plan.id;
    expect(plan).toMatchObject({ kindName: '住院医疗', ratioBp: 6000, capPerYearFen: 500_000 });
    expect((await auditOf(admin, 'mutual_aid.plan.create'))[0].entityId).toBe(String(planId));
    expect(expectOk(await auditor.get(`/api/v1/mutual-aid/plans?year=${year}`)).items.map((p: { id: number }) => p.id)).toContain(planId);
  });

  it('refuses a per-claim cap above the yearly cap and a duplicate name, field by field', async () => {
    const e = expectError(await admin.post('/api/v1/mutual-aid/plans', { ...hospitalPlan, name: '重大疾病', capPerClaimFen: 600_000 }), 400, 'VALIDATION');
    expect(e.details).toEqual([expect.objectContaining({ field: 'capPerClaimFen', code: 'CAP_ORDER' })]);
    expect(e.details[0].message).toMatch(/每次限额/);
    const dup = expectError(await admin.post('/api/v1/mutual-aid/plans', hospitalPlan), 409, 'DUPLICATE_NAME');
    expect(dup.details[0].field).toBe('name');
    const bad = expectError(await admin.post('/api/v1/mutual-aid/plans', { ...hospitalPlan, name: '坏比例', ratioBp: 10001 }), 400, 'VALIDATION');
    expect(bad.details[0].field).toBe('ratioBp');
  });
});

describe('enrolment', () => {
  it('enrols a whole union in one go, skips the already enrolled, stays in scope', async () => {
    expectError(await townB.post('/api/v1/mutual-aid/enrolments/bulk', { planId, orgId: w.unionA, enrolledOn }), 403, 'OUT_OF_SCOPE');
    expectError(await auditor.post('/api/v1/mutual-aid/enrolments/bulk', { planId, orgId: w.unionA, enrolledOn }), 403, 'FORBIDDEN');
    const first = expectOk(await unionA.post('/api/v1/mutual-aid/enrolments/bulk', { planId, orgId: w.unionA, enrolledOn }));
    expect(first).toEqual({ eligible: 2, enrolled: 2, alreadyEnrolled: 0, premiumFen: 10_000 });
    const again = expectOk(await unionA.post('/api/v1/mutual-aid/enrolments/bulk', { planId, orgId: w.unionA, enrolledOn }));
    expect(again).toMatchObject({ eligible: 2, enrolled: 0, alreadyEnrolled: 2 });
    expect((await auditOf(admin, 'mutual_aid.enrol_bulk')).length).toBe(2);
    const mine = expectOk(await townA.get(`/api/v1/mutual-aid/enrolments?planId=${planId}`));
    expect(mine.total).toBe(2);
    expect(expectOk(await townB.get(`/api/v1/mutual-aid/enrolments?planId=${planId}`)).total).toBe(0);
  });

  it('enrols one person; refuses out of scope, twice, or a date outside the plan years', async () => {
    expectError(await unionA.post('/api/v1/mutual-aid/enrolments', { planId, personId: people.b1 }), 403, 'OUT_OF_SCOPE');
    expectOk(await townB.post('/api/v1/mutual-aid/enrolments', { planId, personId: people.b1, enrolledOn }), 201);
    expectError(await townB.post('/api/v1/mutual-aid/enrolments', { planId, personId: people.b1 }), 409, 'ALREADY_ENROLLED');
    const e = expectError(await townA.post('/api/v1/mutual-aid/enrolments', { planId, personId: people.late, enrolledOn: `${year - 3}-01-01` }), 400, 'VALIDATION');
    expect(e.details[0].field).toBe('enrolledOn');
    // enrolled today: still inside the 30-day waiting period
    expectOk(await townA.post('/api/v1/mutual-aid/enrolments', { planId, personId: people.late }), 201);
  });

  it('cancels with a reason; a cancelled enrolment cannot claim', async () => {
    const list = expectOk(await townB.get(`/api/v1/mutual-aid/enrolments?planId=${planId}`));
    const id = list.items[0].id;
    expectError(await townA.post(`/api/v1/mutual-aid/enrolments/${id}/cancel`, { reason: '离职' }), 403, 'OUT_OF_SCOPE');
    expectError(await townB.post(`/api/v1/mutual-aid/enrolments/${id}/cancel`, {}), 400, 'VALIDATION');
    expect(expectOk(await townB.post(`/api/v1/mutual-aid/enrolments/${id}/cancel`, { reason: '离职' })).status).toBe('cancelled');
    const e = expectError(await claim(townB, { personId: people.b1, bills: [bill(100_000, 0)] }), 400, 'VALIDATION');
    expect(e.details[0]).toMatchObject({ field: 'planId', code: 'NOT_ENROLLED' });
  });
});

describe('claims', () => {
  let claimId = 0;

  it('a member files their own claim with a photo; the amount is computed with its arithmetic', async () => {
    const photo = await upload(worker1, 'bill.png', PNG);
    const res = expectOk(await claim(worker1, { bills: [bill(1_234_567, 800_000, 34_567)], attachmentIds: [photo] }), 201);
    claimId = res.id;
    // base 4,000.00 − 500.00 = 3,500.00 × 60 % = 2,100.00
    expect(res.eligibleFen).toBe(210_000);
    expect(res.calc.lines.map((l: { fen: number }) => l.fen)).toEqual([400_000, 350_000, 210_000, 210_000, 210_000]);
    const detail = expectOk(await worker1.get(`/api/v1/mutual-aid/claims/${claimId}`));
    expect(detail).toMatchObject({ status: 'in_review', requestedFen: 210_000, personName: expect.any(String), bills: [expect.objectContaining({ baseFen: 400_000 })] });
    expect(detail.attachments.map((a: { id: number }) => a.id)).toEqual([photo]);
  });

  it('refuses another person\'s claim to members and out-of-scope staff', async () => {
    expectError(await claim(worker1, { personId: people.w2, bills: [bill(100_000, 0)] }), 403, 'FORBIDDEN');
    expectError(await worker2.get(`/api/v1/mutual-aid/claims/${claimId}`), 403, 'OUT_OF_SCOPE');
    expectError(await townB.get(`/api/v1/mutual-aid/claims/${claimId}`), 403, 'OUT_OF_SCOPE');
    expectError(await unionA.post('/api/v1/mutual-aid/claims', { planId, personId: people.b1, diagnosis: 'x', bills: [bill(100_000, 0)], attachmentIds: [] }), 403, 'OUT_OF_SCOPE');
    expect(expectOk(await worker2.get('/api/v1/mutual-aid/claims')).total).toBe(0);
    expect(expectOk(await townB.get('/api/v1/mutual-aid/claims')).total).toBe(0);
    expect(expectOk(await townA.get('/api/v1/mutual-aid/claims')).items.map((c: { id: number }) => c.id)).toEqual([claimId]);
    // the bill photo: the claimant and the reviewers in scope only, and each view is audited
    const [att] = expectOk(await worker1.get(`/api/v1/mutual-aid/claims/${claimId}`)).attachments;
    expectError(await worker2.get(`/api/v1/attachments/${att.id}/content`), 403);
    expectError(await townB.get(`/api/v1/attachments/${att.id}/content`), 403);
    const img = await unionA.get(`/api/v1/attachments/${att.id}/content`);
    expect(img.statusCode).toBe(200);
    expect(img.rawPayload.equals(PNG)).toBe(true);
    expect((await auditOf(admin, 'attachment.view'))[0]).toMatchObject({ username: 'union_a', entityId: String(att.id) });
  });

  it('refuses bills inside the waiting period, dated outside the plan year, or with parts above the total', async () => {
    const late = await addMember(t.ctx, w.unionA, 9);
    await t.ctx.db.insertInto('mutual_aid_enrolments').values({ plan_id: planId, person_id: late.id, org_id: w.unionA, enrolled_on: today, premium_fen: 5_000, updated_at: new Date() }).execute();
    const e = expectError(await unionA.post('/api/v1/mutual-aid/claims', { planId, personId: late.id, diagnosis: '骨折', bills: [bill(100_000, 0)], attachmentIds: [] }), 400, 'VALIDATION');
    expect(e.details).toEqual([expect.objectContaining({ field: 'bills.0.visitDate', code: 'WAITING_PERIOD' })]);
    const e2 = expectError(await claim(worker1, { bills: [bill(100_000, 0, 0, `${year - 1}-12-31`), bill(100_000, 90_000, 20_000)] }), 400, 'VALIDATION');
    expect(e2.details.map((d) => `${d.field}:${d.code}`)).toEqual(expect.arrayContaining(['bills.0.visitDate:OUTSIDE_YEAR', 'bills.1.insurancePaidFen:PARTS_EXCEED_TOTAL']));
    const e3 = expectError(await claim(worker1, { bills: [bill(100_000, 60_000)] }), 400, 'VALIDATION');
    expect(e3.details[0].code).toBe('NOTHING_ELIGIBLE');
    expect((await t.ctx.db.selectFrom('mutual_aid_claims').select('application_id').execute()).length).toBe(1);
  });

  it('goes grassroots → district; return, correct and resubmit start again at the first step', async () => {
    expectError(await decide(admin, claimId, 'approve'), 403, 'FORBIDDEN'); // the district cannot sign the grassroots step
    expectOk(await decide(unionA, claimId, 'return', '请补充出院小结'));
    expectError(await worker2.inject({ method: 'PUT', url: `/api/v1/mutual-aid/claims/${claimId}`, payload: { diagnosis: 'x', bills: [bill(100_000, 0)] } }), 403);
    const fixed = expectOk(await worker1.inject({ method: 'PUT', url: `/api/v1/mutual-aid/claims/${claimId}`, payload: { diagnosis: '急性阑尾炎（已补出院小结）', bills: [bill(1_234_567, 800_000, 34_567), bill(150_000, 50_000)], attachmentIds: [] } }));
    // base 4,000 + 1,000 = 5,000 − 500 = 4,500 × 60 % = 2,700
    expect(fixed.eligibleFen).toBe(270_000);
    const view = expectOk(await worker1.get(`/api/v1/applications/${claimId}`));
    expect(view.status).toBe('in_review');
    expectOk(await decide(unionA, claimId, 'approve'));
    expectOk(await decide(admin, claimId, 'approve'));
    expect(await approvedFen(claimId)).toEqual({ approved_fen: 270_000, status: 'approved' });
  });

  it('keeps the year cap across claims even when the district approves them at the same time', async () => {
    // worker1 has 2,700 of 5,000; three claims each computed at 2,300 (the remaining cap) when filed
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = expectOk(await claim(worker1, { bills: [bigBill()] }), 201);
      expect(r.eligibleFen).toBe(230_000);
      ids.push(r.id);
      expectOk(await decide(unionA, r.id, 'approve'));
    }
    const results = await Promise.all(ids.map((id) => decide(admin, id, 'approve')));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('YEAR_CAP_REACHED');
    const approved = await t.ctx.db.selectFrom('applications').select(['approved_fen']).where('person_id', '=', people.w1).where('status', '=', 'approved').execute();
    expect(approved.reduce((s, a) => s + (a.approved_fen ?? 0), 0)).toBe(500_000);
    // the refused ones are still waiting at the district; the reviewer rejects them with a reason
    for (const id of ids) if ((await approvedFen(id)).status === 'in_review') expectOk(await decide(admin, id, 'reject', '年度限额已用完'));
    // and a new claim has nothing left
    expect(expectError(await claim(worker1, { bills: [bigBill()] }), 400, 'VALIDATION').details[0].code).toBe('NOTHING_ELIGIBLE');
    const cover = expectOk(await worker1.get('/api/v1/mutual-aid/my'));
    expect(cover.items[0]).toMatchObject({ receivedFen: 500_000, remainingFen: 0 });
  });

  it('recomputes at approval: a claim filed before another was approved gets only what is left', async () => {
    const a = expectOk(await claim(worker2, { bills: [bigBill()] }), 201);
    const b = expectOk(await claim(worker2, { bills: [bigBill()] }), 201);
    expect([a.eligibleFen, b.eligibleFen]).toEqual([300_000, 300_000]);
    for (const id of [a.id, b.id]) expectOk(await decide(unionA, id, 'approve'));
    expectOk(await decide(admin, a.id, 'approve'));
    expectOk(await decide(admin, b.id, 'approve'));
    expect((await approvedFen(b.id)).approved_fen).toBe(200_000);
    const detail = expectOk(await townA.get(`/api/v1/mutual-aid/claims/${b.id}`));
    expect(detail.calc.lines.at(-1).zh).toContain('本年已获 3,000.00 元');
    const [recompute] = await auditOf(admin, 'mutual_aid.claim.recompute');
    expect(recompute).toMatchObject({ entityId: String(b.id), before: { approvedFen: 300_000 }, after: { approvedFen: 200_000 } });
  });

  it('freezes the plan rules once claims exist, but not its description', async () => {
    expectError(await admin.patch(`/api/v1/mutual-aid/plans/${planId}`, { ratioBp: 7000 }), 409, 'PLAN_RULES_FROZEN');
    expect(expectOk(await admin.patch(`/api/v1/mutual-aid/plans/${planId}`, { description: '含门诊特殊病' })).description).toBe('含门诊特殊病');
  });

  it('counts claims and amounts by plan and by town, in scope', async () => {
    const all = expectOk(await admin.get(`/api/v1/mutual-aid/figures?year=${year}`));
    expect(all.total).toMatchObject({ claims: 6, approved: 4, approvedFen: 1_000_000 });
    expect(all.byTown).toEqual([expect.objectContaining({ key: w.townA, name: '鼓楼街道总工会', claims: 6 })]);
    const drill = expectOk(await admin.get(`/api/v1/mutual-aid/claims?year=${year}&townId=${w.townA}&status=approved`));
    expect(drill.total).toBe(4);
    expect(expectOk(await townB.get(`/api/v1/mutual-aid/figures?year=${year}`)).total.claims).toBe(0);
    expectError(await worker1.get(`/api/v1/mutual-aid/figures?year=${year}`), 403, 'FORBIDDEN');
  });
});
