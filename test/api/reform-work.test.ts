import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, buildWorld, type World } from '../factories.js';
import { signIn, testApp, type Agent, type TestApp } from '../helpers.js';
import { auditOf, expectError, expectOk } from './util.js';
import { PNG, upload } from '../uploads.js';

let t: TestApp;
let w: World;
let admin: Agent;
let townA: Agent;
let bureau: Agent;
let auditor: Agent;

beforeAll(async () => {
  t = await testApp();
  w = await buildWorld(t.ctx);
  [admin, townA, bureau, auditor] = await Promise.all(['admin', 'town_a', 'bureau', 'auditor'].map((u) => signIn(t.app, u, PASSWORD)));
});
afterAll(() => t?.close());

describe('access', () => {
  it('refuses anonymous callers with 401', async () => {
    for (const url of ['/api/v1/reform/groups', '/api/v1/reform/documents', '/api/v1/reform/budget-lines', '/api/v1/activities', '/api/v1/reform/meetings']) {
      expectError(await t.app.inject({ method: 'GET', url }), 401, 'UNAUTHENTICATED');
    }
  });

  it('lets bureau staff read documents and groups but not write them', async () => {
    expectOk(await bureau.get('/api/v1/reform/documents'));
    expectOk(await bureau.get('/api/v1/reform/groups'));
    const doc = { docType: 'notice', title: '关于开展产改工作的通知', issuerOrgId: w.district, docNo: '密工发〔2024〕3号', issuedOn: '2024-03-01' };
    expectError(await bureau.post('/api/v1/reform/documents', doc), 403, 'FORBIDDEN');
    expectError(await townA.post('/api/v1/reform/groups', { kind: 'working', name: '专班', termNo: 1, startYear: 2024 }), 403, 'FORBIDDEN');
    const created = expectOk(await admin.post('/api/v1/reform/documents', doc), 201);
    expectError(await bureau.patch(`/api/v1/reform/documents/${created.id}`, { title: '改名' }), 403, 'FORBIDDEN');
    expect(expectOk(await bureau.get(`/api/v1/reform/documents/${created.id}`)).title).toBe(doc.title);
  });

  it('keeps the budget to whole-district readers', async () => {
    expectError(await townA.get('/api/v1/reform/budget-lines'), 403, 'FORBIDDEN');
    expectError(await bureau.get('/api/v1/reform/budget-figures'), 403, 'FORBIDDEN');
    expectOk(await auditor.get('/api/v1/reform/budget-lines'));
    expectError(await auditor.post('/api/v1/reform/budget-lines', { year: 2025, name: 'x', amountYuan: '1' }), 403, 'FORBIDDEN');
  });
});

describe('policy documents', () => {
  it('normalises 文号 brackets with a warning and refuses a duplicate per issuer', async () => {
    const a = expectOk(await admin.post('/api/v1/reform/documents', { docType: 'opinion', title: '关于深化产业工人队伍建设改革的实施意见', issuerOrgId: w.district, docNo: '密工发[2023]5号', issuedOn: '2023-04-10', effectiveOn: '2023-05-01' }), 201);
    expect(a).toMatchObject({ docNo: '密工发〔2023〕5号', docTypeName: '实施意见', issuerName: '密云区总工会' });
    expect(a.warnings).toEqual([expect.objectContaining({ field: 'docNo', code: 'DOC_NO_NORMALISED' })]);
    const dup = expectError(await admin.post('/api/v1/reform/documents', { docType: 'notice', title: '另一份', issuerOrgId: w.district, docNo: '密工发〔2023〕5号', issuedOn: '2023-06-01' }), 409, 'DOC_NO_TAKEN');
    expect(dup.details[0].field).toBe('docNo');
    // The same number from another issuer is a different document.
    expectOk(await admin.post('/api/v1/reform/documents', { docType: 'notice', title: '人社局通知', issuerOrgId: w.bureau, docNo: '密工发〔2023〕5号', issuedOn: '2023-06-01' }), 201);
  });

  it('reports every bad field at once, in Chinese and English', async () => {
    const e = expectError(await admin.post('/api/v1/reform/documents', { docType: 'plan', title: ' ', issuerOrgId: w.district, docNo: '密工发〔2023〕05号', issuedOn: '2023-02-30', effectiveOn: 'soon' }), 400, 'VALIDATION');
    const byField = Object.fromEntries(e.details.map((d) => [d.field, d.code]));
    expect(byField).toMatchObject({ title: 'REQUIRED', docNo: 'DOC_NO_SEQ', issuedOn: 'DATE_FORMAT', effectiveOn: 'DATE_FORMAT' });
    const en = await admin.inject({ method: 'POST', url: '/api/v1/reform/documents', payload: { docType: 'plan', title: 'x', issuerOrgId: w.district, docNo: 'bad', issuedOn: '2023-01-01' }, headers: { 'accept-language': 'en' } });
    expect(en.json().error.details[0].message).toMatch(/^Use the form/);
  });

  it('attaches files that readers can download, and audits the change', async () => {
    const file = expectOk(await upload(admin, '实施意见.png', PNG), 201);
    const d = expectOk(await admin.post('/api/v1/reform/documents', { docType: 'key_points', title: '2025年工作要点', issuerOrgId: w.district, docNo: '密工发〔2025〕1号', issuedOn: '2025-01-15', attachmentIds: [file.id] }), 201);
    expect(d.attachments.map((x: { name: string }) => x.name)).toEqual(['实施意见.png']);
    const got = await bureau.get(`/api/v1/attachments/${file.id}/content`);
    expect(got.statusCode).toBe(200);
    const entries = await auditOf(admin, 'reform.document.create');
    expect(entries.some((x) => x.entityId === String(d.id))).toBe(true);
    const list = expectOk(await bureau.get('/api/v1/reform/documents?year=2025&docType=key_points'));
    expect(list.items.map((x: { id: number }) => x.id)).toEqual([d.id]);
  });
});

describe('groups and members by term', () => {
  it('keeps a seat history when a member changes, masks phones in lists, one leader per term', async () => {
    const g = expectOk(await admin.post('/api/v1/reform/groups', { kind: 'coordination', name: '密云区产业工人队伍建设改革协调小组', termNo: 1, startYear: 2021, endYear: 2025 }), 201);
    const leader = expectOk(await admin.post(`/api/v1/reform/groups/${g.id}/members`, { name: '王建国', orgId: w.district, positionTitle: '区总工会主席', role: 'leader', phone: '13901011234', startedOn: '2021-03-01' }), 201);
    expectError(await admin.post(`/api/v1/reform/groups/${g.id}/members`, { name: '李四', orgId: w.district, role: 'leader', startedOn: '2021-03-01' }), 409, 'GROUP_LEADER_EXISTS');
    const liaison = expectOk(await admin.post(`/api/v1/reform/groups/${g.id}/members`, { name: '赵敏', orgId: w.bureau, positionTitle: '科员', role: 'liaison', phone: '010-69041234', startedOn: '2021-03-01' }), 201);

    const changed = expectOk(await admin.post(`/api/v1/reform/group-members/${liaison.id}/change`, { name: '钱坤', changedOn: '2023-07-01', reason: '工作调动' }));
    expect(changed).toMatchObject({ name: '钱坤', orgName: '区人力资源社会保障局', role: 'liaison', startedOn: '2023-07-01', previousId: liaison.id, current: true });
    expectError(await admin.post(`/api/v1/reform/group-members/${liaison.id}/change`, { name: '孙', reason: 'x' }), 409, 'MEMBER_ENDED');
    const early = expectError(await admin.post(`/api/v1/reform/group-members/${changed.id}/change`, { role: 'member', changedOn: '2023-01-01', reason: 'x' }), 400, 'VALIDATION');
    expect(early.details[0]).toMatchObject({ field: 'changedOn', code: 'DATE_BEFORE_START' });

    const current = expectOk(await bureau.get(`/api/v1/reform/groups/${g.id}/members`));
    expect(current.items.map((m: { name: string }) => m.name)).toEqual(['王建国', '钱坤']);
    expect(current.items[0]).toMatchObject({ phoneMasked: '139****1234', phone: null });
    const all = expectOk(await admin.get(`/api/v1/reform/groups/${g.id}/members?history=1`));
    expect(all.total).toBe(3);
    expect(all.items.find((m: { id: number }) => m.id === leader.id).phone).toBe('13901011234');
    const history = expectOk(await bureau.get(`/api/v1/reform/group-members/${changed.id}/history`));
    expect(history.items.map((m: { name: string; endedOn: string | null; endReason: string | null }) => [m.name, m.endedOn, m.endReason])).toEqual([['赵敏', '2023-07-01', '工作调动'], ['钱坤', null, null]]);

    // A new term starts with the current members of the old one; the old term's rows stay.
    const g2 = expectOk(await admin.post('/api/v1/reform/groups', { kind: 'coordination', name: '协调小组（第二届）', termNo: 2, startYear: 2026, copyFromGroupId: g.id }), 201);
    expect(g2.copiedMembers).toBe(2);
    expectError(await admin.post('/api/v1/reform/groups', { kind: 'coordination', name: '重复', termNo: 2, startYear: 2026 }), 409, 'GROUP_TERM_EXISTS');
    const ended = expectOk(await admin.post(`/api/v1/reform/group-members/${changed.id}/end`, { endedOn: '2025-12-31', reason: '届满' }));
    expect(ended.endedOn).toBe('2025-12-31');
    const actions = (await auditOf(admin, 'reform.group.member')).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['reform.group.member.add', 'reform.group.member.change', 'reform.group.member.end']));
  });
});

describe('budget', () => {
  it('keeps execution exact to the fen and refuses overspending without the flag', async () => {
    const line = expectOk(await admin.post('/api/v1/reform/budget-lines', { year: 2025, name: '重点群体培训', amountYuan: '150,000.00' }), 201);
    expect(line).toMatchObject({ amountFen: 15_000_000, spentFen: 0, remainingFen: 15_000_000, amount: '150,000.00' });
    for (let i = 0; i < 3; i++) {
      expectOk(await admin.post(`/api/v1/reform/budget-lines/${line.id}/spendings`, { spentOn: '2025-03-0' + (i + 1), amountYuan: '0.10', payee: '密云区职业技能培训学校', purpose: '资料费' }), 201);
    }
    let now = expectOk(await admin.get(`/api/v1/reform/budget-lines/${line.id}`));
    expect(now).toMatchObject({ spentFen: 30, remainingFen: 14_999_970, spent: '0.30', remaining: '149,999.70' });

    const big = expectOk(await admin.post(`/api/v1/reform/budget-lines/${line.id}/spendings`, { spentOn: '2025-06-18', amountYuan: '149999.69', payee: '培训机构', purpose: '新就业形态劳动者技能培训' }), 201);
    expect(big.amountFen).toBe(14_999_969);
    now = expectOk(await admin.get(`/api/v1/reform/budget-lines/${line.id}`));
    expect(now).toMatchObject({ spentFen: 14_999_999, remainingFen: 1, executionBp: 9999 });

    const over = expectError(await admin.post(`/api/v1/reform/budget-lines/${line.id}/spendings`, { spentOn: '2025-07-01', amountYuan: '0.02', payee: '培训机构', purpose: '补差' }), 409, 'OVER_BUDGET');
    expect(over.message).toContain('0.01');
    const noReason = expectError(await admin.post(`/api/v1/reform/budget-lines/${line.id}/spendings`, { spentOn: '2025-07-01', amountYuan: '0.02', payee: '培训机构', purpose: '补差', overBudget: true }), 409, 'OVER_BUDGET');
    expect(noReason.details.map((d) => d.field)).toContain('overReason');
    const ok = expectOk(await admin.post(`/api/v1/reform/budget-lines/${line.id}/spendings`, { spentOn: '2025-07-01', amountYuan: '0.02', payee: '培训机构', purpose: '补差', overBudget: true, overReason: '经主席办公会批准' }), 201);
    expect(ok).toMatchObject({ overBudget: true, overReason: '经主席办公会批准' });
    now = expectOk(await admin.get(`/api/v1/reform/budget-lines/${line.id}`));
    expect(now).toMatchObject({ spentFen: 15_000_001, remainingFen: -1, executionBp: 10_000 });
    expect((await auditOf(admin, 'reform.budget.spend.over')).length).toBe(1);

    // Voiding restores the remaining budget; the line cannot be cut below what is spent.
    expectOk(await admin.post(`/api/v1/reform/spendings/${ok.id}/void`, { reason: '重复登记' }));
    now = expectOk(await admin.get(`/api/v1/reform/budget-lines/${line.id}`));
    expect(now.remainingFen).toBe(1);
    const cut = expectError(await admin.patch(`/api/v1/reform/budget-lines/${line.id}`, { amountYuan: '100000' }), 400, 'VALIDATION');
    expect(cut.details[0].code).toBe('BUDGET_BELOW_SPENT');
    const list = expectOk(await auditor.get(`/api/v1/reform/budget-lines/${line.id}/spendings?pageSize=2`));
    expect(list.total).toBe(4);
    expect(list.items).toHaveLength(2);
  });

  it('refuses bad amounts and a date outside the budget year, field by field', async () => {
    const e = expectError(await admin.post('/api/v1/reform/budget-lines', { year: 2026, name: '岗位实践活动', amountYuan: '1.005' }), 400, 'VALIDATION');
    expect(e.details[0]).toMatchObject({ field: 'amountYuan', code: 'AMOUNT_PRECISION' });
    const line = expectOk(await admin.post('/api/v1/reform/budget-lines', { year: 2025, name: '岗位实践活动', amountYuan: 150000 }), 201);
    expect(line.amountFen).toBe(15_000_000);
    const s = expectError(await admin.post(`/api/v1/reform/budget-lines/${line.id}/spendings`, { spentOn: '2024-12-31', amountYuan: '-3', payee: '', purpose: '奖品' }), 400, 'VALIDATION');
    expect(Object.fromEntries(s.details.map((d) => [d.field, d.code]))).toEqual({ spentOn: 'YEAR_MISMATCH', amountYuan: 'AMOUNT_NEGATIVE', payee: 'REQUIRED' });
    // Nothing half-written: the refused spending left no row.
    expect(expectOk(await admin.get(`/api/v1/reform/budget-lines/${line.id}`)).spendings).toBe(0);
    const fig = expectOk(await auditor.get('/api/v1/reform/budget-figures'));
    const y2025 = fig.years.find((y: { year: number }) => y.year === 2025);
    expect(y2025.amountFen).toBe(30_000_000);
    expect(y2025.lines).toHaveLength(2);
  });
});
