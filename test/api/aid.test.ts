import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { testApp, signIn, onPostgres, type Agent, type TestApp } from '../helpers.js';
import { addMember, buildWorld, PASSWORD, type World } from '../factories.js';
import { createUser } from '../../src/server/modules/auth/users.service.js';
import { todayInShanghai } from '../../src/shared/dates.js';
import { periodKeyFor } from '../../src/shared/aid/rules.js';
import { DEMO_RULES, AID_TYPES } from '../../src/shared/aid/types.js';
import type { ActiveHardship } from '../../src/server/modules/aid/aid.hardship.js';
import { registerApplicationType, submitApplication } from '../../src/server/modules/workflow/workflow.service.js';
import { inTransaction } from '../../src/server/context.js';
import { buildPermissions, systemActor, type Actor } from '../../src/server/access/actor.js';
import { auditOf, expectError, expectOk, XLSX_TYPE } from './util.js';

// Eligibility asks the hardship module through one function; the tests decide its answer per person.
const hardship = new Map<number, ActiveHardship>();
// Payment batches take approved applications of any type, not only aid.
registerApplicationType({ type: 'test.claim', nameZh: '测试报销', nameEn: 'Test claim', steps: [{ key: 'district', nameZh: '区总工会审批', nameEn: 'District', level: 'district', dueDays: 5 }] });
vi.mock('../../src/server/modules/aid/aid.hardship.js', () => ({
  getActiveHardship: async (_db: unknown, personId: number) => hardship.get(personId) ?? null,
}));

let t: TestApp;
let w: World;
const a: Record<string, Agent> = {};
const p: Record<string, number> = {};
const today = todayInShanghai();
const YEAR = Number(periodKeyFor('living', today));
const verified = (tier: ActiveHardship['tier']): ActiveHardship => ({ recordId: 1, tier, verified: true, causes: ['因病'] });
const payee = { bank: '北京农商银行密云支行', account: '6217 0000 1111 2222 333' };

function fileAs(who: string, body: Record<string, unknown>) {
  return a[who].post('/api/v1/aid/applications', { reason: '家庭成员重病，收入不足以维持基本生活', payee, ...body });
}

const decide = (who: string, id: number, action: 'approve' | 'return' | 'reject', comment?: string, approvedFen?: number) =>
  a[who].post(`/api/v1/applications/${id}/decide`, { action, comment, approvedFen });

/** grassroots (a colleague of the filer) → town → district */
async function approveAll(id: number, upTo: 'town' | 'district' = 'district') {
  for (const who of upTo === 'town' ? ['union_a2', 'town_a'] : ['union_a2', 'town_a', 'admin']) {
    expectOk(await decide(who, id, 'approve', '同意'));
  }
}

beforeAll(async () => {
  t = await testApp();
  w = await buildWorld(t.ctx);
  p.poor = (await addMember(t.ctx, w.unionA, 201)).id;
  p.poor2 = (await addMember(t.ctx, w.unionA, 202)).id;
  p.courier = (await addMember(t.ctx, w.unionA, 203, { occupation: '快递员' })).id;
  p.clerk = (await addMember(t.ctx, w.unionA, 204, { occupation: '会计' })).id;
  p.townB = (await addMember(t.ctx, w.unionB, 205)).id;
  p.worker = (await addMember(t.ctx, w.unionA, 206)).id;
  hardship.set(p.poor, verified('relative'));
  hardship.set(p.poor2, verified('deep'));
  hardship.set(p.worker, verified('deep'));
  hardship.set(p.townB, verified('deep'));
  const sys = systemActor('test');
  await createUser(t.ctx, sys, { username: 'union_a2', role: 'org_admin', orgId: w.unionA, password: PASSWORD, mustChangePassword: false });
  await createUser(t.ctx, sys, { username: 'worker', role: 'member', personId: p.worker, password: PASSWORD, mustChangePassword: false });
  for (const u of ['admin', 'town_a', 'town_b', 'union_a', 'union_a2', 'auditor', 'bureau', 'worker']) a[u] = await signIn(t.app, u, PASSWORD);
  for (const type of AID_TYPES) {
    const r = DEMO_RULES[type];
    expectOk(await a.admin.inject({ method: 'PUT', url: `/api/v1/aid/rules/${YEAR}/${type}`, payload: r }));
    // the winter named by last year is the current one from January to April
    expectOk(await a.admin.inject({ method: 'PUT', url: `/api/v1/aid/rules/${YEAR - 1}/${type}`, payload: r }));
  }
});
afterAll(() => t?.close());

describe('aid: who may do what', () => {
  it('refuses without a session (401) and without the permission (403)', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/aid/types' }), 401, 'UNAUTHENTICATED');
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/aid/applications' }), 401, 'UNAUTHENTICATED');
    expectError(await a.bureau.get('/api/v1/aid/applications'), 403, 'FORBIDDEN');
    expectError(await fileAs('auditor', { personId: p.poor, aidType: 'living', amountFen: 100_000 }), 403, 'FORBIDDEN');
    expectError(await a.town_a.inject({ method: 'PUT', url: `/api/v1/aid/rules/${YEAR}/living`, payload: DEMO_RULES.living }), 403, 'FORBIDDEN');
    expectError(await a.town_a.post('/api/v1/payments/batches', { type: 'aid.living' }), 403, 'FORBIDDEN');
  });

  it('staff file only for people in their scope', async () => {
    expectError(await fileAs('town_b', { personId: p.poor, aidType: 'living', amountFen: 100_000 }), 403, 'OUT_OF_SCOPE');
    expect((await a.town_b.get(`/api/v1/aid/applications?q=${encodeURIComponent('张')}`)).json().items.every((i: { orgId: number }) => i.orgId === w.unionB)).toBe(true);
  });

  it('a member applies only for themselves, at their own union', async () => {
    expectError(await fileAs('worker', { personId: p.poor, aidType: 'living', amountFen: 100_000 }), 403, 'FORBIDDEN');
    const e = expectError(await fileAs('worker', { aidType: 'temporary', amountFen: 50_000, details: { event: { kind: 'disaster', date: today, description: '暴雨致房屋受损' } } }), 400);
    expect(e.details).toEqual([expect.objectContaining({ field: 'attachmentIds', code: 'ATTACHMENT_REQUIRED' })]);
    const { id } = expectOk(await fileAs('worker', { aidType: 'living', amountFen: 50_000 }), 201);
    const view = expectOk(await a.worker.get(`/api/v1/aid/applications/${id}`));
    expect(view).toMatchObject({ personId: p.worker, orgId: w.unionA, status: 'in_review', aid: { aidType: 'living', samePeriod: [] } });
  });
});

describe('aid: eligibility, amounts and documents', () => {
  it('needs the year rule', async () => {
    const e = expectError(await a.admin.inject({ method: 'PUT', url: `/api/v1/aid/rules/${YEAR}/medical`, payload: { capFen: 100 } }), 400, 'VALIDATION');
    expect(e.details.map((d) => d.field).sort()).toEqual(['ratioBp', 'thresholdFen']);
    expect((await auditOf(a.admin, 'aid.rule')).some((x) => x.entityId === `${YEAR}/summer`)).toBe(true);
    await t.ctx.db.deleteFrom('aid_year_rules').where('year', '=', YEAR).where('aid_type', '=', 'summer').execute();
    expectError(await fileAs('union_a', { personId: p.courier, aidType: 'summer' }), 409, 'NO_YEAR_RULE');
    expectOk(await a.admin.inject({ method: 'PUT', url: `/api/v1/aid/rules/${YEAR}/summer`, payload: DEMO_RULES.summer }));
  });

  it('living aid needs a verified deep or relative hardship record', async () => {
    const e = expectError(await fileAs('union_a', { personId: p.clerk, aidType: 'living', amountFen: 100_000 }), 400, 'VALIDATION');
    expect(e.details).toEqual([expect.objectContaining({ field: 'personId', code: 'NO_HARDSHIP_RECORD' })]);
    hardship.set(p.clerk, { recordId: 9, tier: 'accident', verified: true, causes: [] });
    expect(expectError(await fileAs('union_a', { personId: p.clerk, aidType: 'living', amountFen: 100_000 }), 400).details[0].code).toBe('HARDSHIP_TIER');
    hardship.delete(p.clerk);
  });

  it('refuses an amount above the year cap, in Chinese and English, on the field', async () => {
    const e = expectError(await fileAs('union_a', { personId: p.poor, aidType: 'living', amountFen: DEMO_RULES.living.capFen + 1 }), 400);
    expect(e.details).toEqual([expect.objectContaining({ field: 'amountFen', code: 'OVER_CAP' })]);
    expect(e.details[0].message).toContain('上限');
    const en = await a.union_a.inject({ method: 'POST', url: '/api/v1/aid/applications', headers: { 'accept-language': 'en' }, payload: { personId: p.poor, aidType: 'living', reason: '理由充分', amountFen: DEMO_RULES.living.capFen + 1, payee } });
    expect(expectError(en, 400).details[0].message).toContain('cap');
  });

  it('medical aid computes the amount from the bills and requires the bills attached', async () => {
    const bills = [{ hospital: '密云区医院', date: `${YEAR}-01-05`, totalFen: 1_500_001, insuredFen: 300_000 }];
    const e = expectError(await fileAs('union_a', { personId: p.clerk, aidType: 'medical', details: { bills } }), 400);
    expect(e.details.map((d) => d.code)).toEqual(['ATTACHMENT_REQUIRED']);
    const bad = expectError(await fileAs('union_a', { personId: p.clerk, aidType: 'medical', details: { bills: [{ ...bills[0], insuredFen: 'x' }] } }), 400);
    expect(bad.details[0].field).toBe('details.bills.0.insuredFen');
  });

  it('summer cooling is for outdoor workers; a fixed standard ignores the amount asked', async () => {
    expect(expectError(await fileAs('union_a', { personId: p.clerk, aidType: 'summer' }), 400).details[0].code).toBe('NOT_OUTDOOR_WORKER');
    const ok = expectOk(await fileAs('union_a', { personId: p.courier, aidType: 'summer', amountFen: 1 }), 201);
    expect(ok).toMatchObject({ amountFen: DEMO_RULES.summer.fixedFen, periodKey: `${YEAR}-summer` });
  });

  it('a payee account is required and checked', async () => {
    const e = expectError(await fileAs('union_a', { personId: p.poor, aidType: 'living', amountFen: 100, payee: { bank: '', account: '12ab' } }), 400);
    expect(e.details.map((d) => `${d.field}:${d.code}`).sort()).toEqual(['payee.account:ACCOUNT_FORMAT', 'payee.bank:REQUIRED']);
  });
});

describe('aid: review, return and correction', () => {
  it('goes up the tree; a returned application is corrected and starts again at the first step', async () => {
    const { id } = expectOk(await fileAs('union_a', { personId: p.poor, aidType: 'living', amountFen: 200_000 }), 201);
    expectError(await decide('union_a', id, 'approve'), 403); // the filer cannot review it
    expectOk(await decide('union_a2', id, 'approve', '情况属实'));
    expectOk(await decide('town_a', id, 'return', '请补充收入说明'));
    expectError(await a.union_a2.patch(`/api/v1/aid/applications/${id}`, { reason: '补充' }), 403);
    const over = expectError(await a.union_a.patch(`/api/v1/aid/applications/${id}`, { amountFen: DEMO_RULES.living.capFen + 1 }), 400);
    expect(over.details[0].code).toBe('OVER_CAP');
    expectOk(await a.union_a.patch(`/api/v1/aid/applications/${id}`, { amountFen: 150_000, reason: '补充：配偶失业，月收入800元' }));
    const view = expectOk(await a.town_a.get(`/api/v1/aid/applications/${id}`));
    expect(view).toMatchObject({ status: 'in_review', currentStep: 0, amountFen: 150_000, aid: { aidType: 'living', reason: '补充：配偶失业，月收入800元', periodKey: String(YEAR), hardshipTier: 'relative' } });
    expect(view.steps.map((s: { orgName: string }) => s.orgName)).toEqual(['北京密云甲食品有限公司工会', '鼓楼街道总工会', '密云区总工会']);
    expect(view.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'approve', 'return', 'resubmit']);
    expectError(await a.union_a.patch(`/api/v1/aid/applications/${id}`, { reason: '再次修改' }), 409, 'WRONG_STATE');
    expect((await auditOf(a.admin, 'aid.correct')).some((x) => x.entityId === String(id))).toBe(true);
    expectError(await a.town_b.get(`/api/v1/aid/applications/${id}`), 403, 'OUT_OF_SCOPE');
  });

  it('re-checks the hardship record at the final approval', async () => {
    const { id } = expectOk(await fileAs('union_a', { personId: p.poor2, aidType: 'winter' }), 201);
    await approveAll(id, 'town');
    hardship.delete(p.poor2);
    expectError(await decide('admin', id, 'approve'), 409, 'NO_LONGER_ELIGIBLE');
    hardship.set(p.poor2, verified('deep'));
    expectOk(await decide('admin', id, 'approve'));
  });
});

describe('aid: one person, one type, one period', () => {
  it('refuses a new application once one is approved', async () => {
    const { id } = expectOk(await fileAs('union_a', { personId: p.poor2, aidType: 'living', amountFen: 100_000 }), 201);
    await approveAll(id);
    expectError(await fileAs('union_a', { personId: p.poor2, aidType: 'living', amountFen: 100_000 }), 409, 'DUPLICATE_PAYMENT');
  });

  it('lets exactly one of two racing final approvals through' + (onPostgres ? ' (two connections)' : ''), async () => {
    const first = expectOk(await fileAs('union_a', { personId: p.courier, aidType: 'temporary', amountFen: 80_000, details: { event: { kind: 'accident', date: today, description: '下班途中交通事故' } }, attachmentIds: await uploads('union_a', 1) }), 201);
    const second = expectOk(await fileAs('union_a', { personId: p.courier, aidType: 'temporary', amountFen: 90_000, details: { event: { kind: 'accident', date: today, description: '同一事故再次申请' } }, attachmentIds: await uploads('union_a', 1) }), 201);
    await approveAll(first.id, 'town');
    await approveAll(second.id, 'town');
    const view = expectOk(await a.admin.get(`/api/v1/aid/applications/${second.id}`));
    expect(view.aid.samePeriod.map((s: { id: number }) => s.id)).toEqual([first.id]);
    // On PostgreSQL the two requests run on two pooled connections at the same time.
    const admin2 = onPostgres ? await signIn(t.app, 'admin', PASSWORD) : a.admin;
    const results = await Promise.all([decide('admin', first.id, 'approve'), admin2.post(`/api/v1/applications/${second.id}/decide`, { action: 'approve' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('DUPLICATE_PAYMENT');
    const n = await t.ctx.db.selectFrom('applications').select(sql<number>`count(*)::int`.as('n'))
      .where('person_id', '=', p.courier).where('type', '=', 'aid.temporary').where('status', '=', 'approved').executeTakeFirstOrThrow();
    expect(n.n).toBe(1);
  });
});

async function uploads(who: string, n: number): Promise<number[]> {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e50000000049454e44ae426082', 'hex');
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const boundary = '----aidtest' + i;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="证明${i}.png"\r\nContent-Type: image/png\r\n\r\n`),
      png, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const r = await a[who].inject({ method: 'POST', url: '/api/v1/attachments', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    ids.push(expectOk(r, 201).id);
  }
  return ids;
}

describe('payment batches', () => {
  const ids: number[] = [];
  const amounts = [123_457, 88_801, 100_000 - 1];

  beforeAll(async () => {
    for (const [i, amountFen] of amounts.entries()) {
      const pid = (await addMember(t.ctx, w.unionA, 300 + i)).id;
      hardship.set(pid, verified('deep'));
      const { id } = expectOk(await fileAs('union_a', { personId: pid, aidType: 'living', amountFen, payee: { name: `收款人${i}`, ...payee, account: `62170000111122${220 + i}` } }), 201);
      await approveAll(id);
      ids.push(id);
    }
  });

  it('lists what is payable and refuses applications that are not approved', async () => {
    const payable = expectOk(await a.admin.get('/api/v1/payments/payable?type=aid.living&pageSize=200'));
    for (const id of ids) expect(payable.items.map((i: { id: number }) => i.id)).toContain(id);
    const { id: pending } = expectOk(await fileAs('union_a', { personId: p.worker, aidType: 'living', amountFen: 1000 }), 201);
    const e = expectError(await a.admin.post('/api/v1/payments/batches', { applicationIds: [ids[0], pending] }), 400);
    expect(e.details).toEqual([expect.objectContaining({ field: 'applicationIds.1', code: 'NOT_APPROVED' })]);
    expect((await t.ctx.db.selectFrom('payment_batches').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n).toBe(0);
  });

  let batchId = 0;
  it('creates a batch whose total is exact to the fen; an application enters one batch only', async () => {
    const b = expectOk(await a.admin.post('/api/v1/payments/batches', { title: '测试批次', applicationIds: ids }), 201);
    batchId = b.id;
    expect(b).toMatchObject({ itemCount: 3, totalFen: 123_457 + 88_801 + 99_999 });
    expectError(await a.admin.post('/api/v1/payments/batches', { applicationIds: [ids[1]] }), 400).details.forEach((d) => expect(d.code).toBe('ALREADY_IN_BATCH'));
    const detail = expectOk(await a.admin.get(`/api/v1/payments/batches/${batchId}`));
    expect(detail.items.map((i: { amountFen: number }) => i.amountFen)).toEqual(amounts);
    expect(detail.items[0].payeeAccount).not.toContain('1111222');
    expect(detail.totalFen).toBe(312_257);
    // a town sees its subtree's part, another town nothing
    expectError(await a.town_b.get(`/api/v1/payments/batches/${batchId}`), 403, 'OUT_OF_SCOPE');
  });

  it('two batches built at the same moment cannot both take an application', async () => {
    const pid = (await addMember(t.ctx, w.unionA, 310)).id;
    hardship.set(pid, verified('deep'));
    const { id } = expectOk(await fileAs('union_a', { personId: pid, aidType: 'living', amountFen: 10_001 }), 201);
    await approveAll(id);
    const admin2 = onPostgres ? await signIn(t.app, 'admin', PASSWORD) : a.admin;
    const results = await Promise.all([a.admin.post('/api/v1/payments/batches', { applicationIds: [id] }), admin2.post('/api/v1/payments/batches', { applicationIds: [id] })]);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    // the loser either waited for the lock and saw the item (400) or hit the unique index (409)
    const loser = results.find((r) => r.statusCode !== 201)!;
    expect([400, 409]).toContain(loser.statusCode);
    expect(JSON.stringify(loser.json())).toContain('ALREADY_IN_BATCH');
    const items = await t.ctx.db.selectFrom('payment_batch_items').select('batch_id').where('application_id', '=', id).execute();
    expect(items).toHaveLength(1);
  });

  it('takes approved applications of other types too', async () => {
    const clerk = await t.ctx.db.selectFrom('users').select(['id']).where('username', '=', 'union_a2').executeTakeFirstOrThrow();
    const actor: Actor = { userId: clerk.id, username: 'union_a2', role: 'org_admin', orgId: w.unionA, orgPath: null, personId: null, permissions: buildPermissions('org_admin', []) };
    actor.orgPath = (await t.ctx.db.selectFrom('orgs').select('path').where('id', '=', w.unionA).executeTakeFirstOrThrow()).path;
    const { id } = await inTransaction(t.ctx, (tx) => submitApplication(tx, actor, { type: 'test.claim', orgId: w.unionA, personId: p.clerk, title: '二次报销', amountFen: 4_321, payee: { name: '张会计', account: '6222000011112222' } }));
    expectOk(await decide('admin', id, 'approve'));
    const payable = expectOk(await a.admin.get('/api/v1/payments/payable?type=test.claim'));
    expect(payable).toMatchObject({ total: 1, totalFen: 4_321, items: [{ id, typeName: '测试报销' }] });
    const b = expectOk(await a.admin.post('/api/v1/payments/batches', { type: 'test.claim' }), 201);
    expect(b).toMatchObject({ itemCount: 1, totalFen: 4_321 });
    const detail = expectOk(await a.admin.get(`/api/v1/payments/batches/${b.id}`));
    expect(detail.items[0]).toMatchObject({ applicationId: id, purpose: '测试报销', payeeName: '张会计' });
  });

  it('exports the bank file with full accounts, masked IDs, yuan with 2 decimals and a total row, audited', async () => {
    expectError(await a.town_a.get(`/api/v1/payments/batches/${batchId}/export.xlsx`), 403, 'FORBIDDEN');
    expectError(await a.auditor.get(`/api/v1/payments/batches/${batchId}/export.xlsx`), 403, 'FORBIDDEN');
    const res = await a.admin.get(`/api/v1/payments/batches/${batchId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['序号', '姓名', '身份证号', '开户行', '账号', '金额（元）', '用途']);
    expect(rows[1]).toEqual([1, '收款人0', expect.stringMatching(/^110118\*{8}\d{3}[\dX]$/), payee.bank, '62170000111122220', 1234.57, `生活救助（${YEAR}年度）`]);
    expect(rows.slice(1, 4).map((r) => r[5])).toEqual([1234.57, 888.01, 999.99]);
    expect(ws.getCell('F2').numFmt).toBe('0.00');
    expect([ws.getCell('A5').value, ws.getCell('B5').value, ws.getCell('F5').value]).toEqual(['合计', '3笔', 3122.57]);
    expect(ws.rowCount).toBe(5);
    const audit = await auditOf(a.admin, 'payment.batch.export');
    expect(audit[0]).toMatchObject({ entityId: String(batchId), detail: { items: 3, totalFen: 312_257 } });
  });

  it('marks the batch paid: each application becomes 已发放', async () => {
    expectError(await a.town_a.post(`/api/v1/payments/batches/${batchId}/paid`, {}), 403, 'FORBIDDEN');
    expectOk(await a.admin.post(`/api/v1/payments/batches/${batchId}/paid`, {}));
    expectError(await a.admin.post(`/api/v1/payments/batches/${batchId}/paid`, {}), 409, 'ALREADY_PAID');
    const v = expectOk(await a.union_a.get(`/api/v1/aid/applications/${ids[0]}`));
    expect(v).toMatchObject({ status: 'paid', statusName: '已发放', paymentBatchId: batchId });
    const list = expectOk(await a.town_a.get(`/api/v1/payments/batches`));
    expect(list.items.find((b: { id: number }) => b.id === batchId)).toMatchObject({ status: 'paid', totalFen: 312_257 });
  });
});

describe('seasonal campaigns and figures', () => {
  let campaignId = 0;
  const winterYear = Number(periodKeyFor('winter', today).slice(0, 4));

  it('only staff with assist.review create campaigns, for orgs in scope', async () => {
    const body = { year: winterYear, season: 'winter', orgId: w.district, budgetFen: 10_000_000, targetGroups: ['困难职工', '户外劳动者'] };
    expectError(await a.auditor.post('/api/v1/aid/campaigns', body), 403, 'FORBIDDEN');
    expectError(await a.town_a.post('/api/v1/aid/campaigns', body), 403, 'OUT_OF_SCOPE');
    campaignId = expectOk(await a.admin.post('/api/v1/aid/campaigns', body), 201).id;
  });

  it('paid winter aid and recorded goods count towards the budget, exactly', async () => {
    const pid = (await addMember(t.ctx, w.unionA, 400)).id;
    hardship.set(pid, verified('relative'));
    const { id } = expectOk(await fileAs('union_a', { personId: pid, aidType: 'winter' }), 201);
    await approveAll(id);
    const batch = expectOk(await a.admin.post('/api/v1/payments/batches', { applicationIds: [id] }), 201);
    expectOk(await a.admin.post(`/api/v1/payments/batches/${batch.id}/paid`, {}));
    expectError(await a.town_b.post(`/api/v1/aid/campaigns/${campaignId}/distributions`, { kind: 'goods', valueFen: 5000, distributedOn: today, orgId: w.townA, recipientText: '环卫工人' }), 403, 'OUT_OF_SCOPE');
    expectError(await a.town_a.post(`/api/v1/aid/campaigns/${campaignId}/distributions`, { kind: 'goods', valueFen: 5000, distributedOn: today, recipientText: '环卫工人' }), 400, 'VALIDATION');
    expectOk(await a.town_a.post(`/api/v1/aid/campaigns/${campaignId}/distributions`, { kind: 'goods', goods: '棉衣20件', valueFen: 1_234_501, recipientText: '鼓楼街道环卫工人', recipientCount: 20, distributedOn: today }), 201);
    const c = expectOk(await a.admin.get(`/api/v1/aid/campaigns/${campaignId}`));
    expect(c).toMatchObject({ budgetFen: 10_000_000, distributedFen: DEMO_RULES.winter.fixedFen! + 1_234_501, recipients: 21, executionPercent: '13.35' });
    const dist = expectOk(await a.town_a.get(`/api/v1/aid/campaigns/${campaignId}/distributions`));
    expect(dist.items.find((d: { applicationId: number | null }) => d.applicationId === id)).toMatchObject({ kind: 'cash', valueFen: DEMO_RULES.winter.fixedFen });
    expectOk(await a.town_b.get(`/api/v1/aid/campaigns/${campaignId}`)); // a town sees the district's campaign …
    expect(expectOk(await a.town_b.get(`/api/v1/aid/campaigns/${campaignId}`)).distributedFen).toBe(0); // … with its own part only
  });

  it('figures by type, period and town open the matching list', async () => {
    const f = expectOk(await a.admin.get(`/api/v1/aid/figures?year=${YEAR}`));
    const living = f.byType.find((x: { aidType: string }) => x.aidType === 'living');
    const list = expectOk(await a.admin.get(`/api/v1/aid/applications?aidType=living&year=${YEAR}&pageSize=200`));
    expect(living.applications).toBe(list.total);
    const approved = list.items.filter((i: { status: string }) => ['approved', 'paid'].includes(i.status));
    expect(living.approvedFen).toBe(approved.reduce((s: number, i: { approvedFen: number }) => s + i.approvedFen, 0));
    const town = f.byOrg.find((x: { orgId: number }) => x.orgId === w.townA);
    expect(town.applications).toBe(expectOk(await a.admin.get(`/api/v1/aid/applications?year=${YEAR}&orgId=${w.townA}`)).total);
    expectError(await a.bureau.get('/api/v1/aid/figures'), 403, 'FORBIDDEN');
  });

  it('a member lists only their own applications', async () => {
    const mine = expectOk(await a.worker.get('/api/v1/aid/applications'));
    expect(mine.items.every((i: { personId: number }) => i.personId === p.worker)).toBe(true);
    expectError(await a.worker.get(`/api/v1/aid/figures`), 403, 'FORBIDDEN');
  });
});
