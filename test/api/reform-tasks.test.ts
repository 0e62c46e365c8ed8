import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, signIn, type Agent, type TestApp } from '../helpers.js';
import { buildWorld, PASSWORD, type World } from '../factories.js';
import { multipart, PNG, upload } from '../uploads.js';
import { auditOf, expectError, expectOk, hasChinese, readSheet } from './util.js';
import { systemActor } from '../../src/server/access/actor.js';
import { createOrg } from '../../src/server/modules/orgs/orgs.service.js';
import { createUser } from '../../src/server/modules/auth/users.service.js';
import { todayInShanghai } from '../../src/shared/dates.js';
import { addDays, periodOf } from '../../src/shared/reform/periods.js';

let t: TestApp;
let w: World;
let finance: number; // a second bureau: "another unit"
const a: Record<string, Agent> = {};
const today = todayInShanghai();
const period = periodOf(today, 'monthly').key;
// A plan year that also holds "yesterday" and "40 days ago" whatever day the suite runs.
const year = Number(addDays(today, -60).slice(0, 4));
let planId: number;

async function newTask(body: Record<string, unknown>) {
  return expectOk(await a.admin.post('/api/v1/reform/tasks', { planId, category: 'skills', leadOrgId: w.bureau, deadline: addDays(today, 200), ...body }), 201);
}

beforeAll(async () => {
  t = await testApp();
  w = await buildWorld(t.ctx);
  const sys = systemActor('test');
  finance = (await createOrg(t.ctx, sys, { parentId: w.district, name: '区财政局', type: 'member_unit' })).id;
  await createUser(t.ctx, sys, { username: 'finance', role: 'unit_staff', orgId: finance, password: PASSWORD, mustChangePassword: false });
  for (const u of ['admin', 'town_a', 'town_b', 'union_a', 'bureau', 'auditor', 'finance']) a[u] = await signIn(t.app, u, PASSWORD);
  planId = expectOk(await a.admin.post('/api/v1/reform/plans', { year, title: `${year}年产改工作计划`, status: 'published' }), 201).id;
});
afterAll(() => t?.close());

describe('reform plans and tasks: authorization', () => {
  it('401 without a session', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/reform/tasks' }), 401, 'UNAUTHENTICATED');
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/reform/figures' }), 401, 'UNAUTHENTICATED');
  });

  it('bureau staff may not create a plan or a task (403)', async () => {
    expectError(await a.bureau.post('/api/v1/reform/plans', { year: year + 1, title: '计划' }), 403, 'FORBIDDEN');
    expectError(await a.bureau.post('/api/v1/reform/tasks', { planId, title: '任务', category: 'skills', leadOrgId: w.bureau, deadline: addDays(today, 10) }), 403, 'FORBIDDEN');
    expectError(await a.town_a.get('/api/v1/reform/tasks/template.xlsx'), 403, 'FORBIDDEN');
  });

  it('a plan is unique per organisation and year', async () => {
    const e = expectError(await a.admin.post('/api/v1/reform/plans', { year, title: '重复' }), 409, 'PLAN_EXISTS');
    expect(hasChinese(e.message)).toBe(true);
  });

  it('refuses a bad task with every field\'s reason in Chinese', async () => {
    const e = expectError(await a.admin.post('/api/v1/reform/tasks', { planId, title: ' ', category: 'nope', leadOrgId: w.unionA, coOrgIds: [w.bureau], deadline: '2026-02-30' }), 400, 'VALIDATION');
    const fields = e.details.map((d) => d.field).sort();
    expect(fields).toEqual(['category', 'deadline', 'leadOrgId', 'title']);
    expect(e.details.every((d) => hasChinese(d.message))).toBe(true);
    expect((await t.ctx.db.selectFrom('reform_tasks').select('id').execute()).length).toBe(0);
  });
});

describe('units read and report only on their own tasks', () => {
  let mine: number;
  let theirs: number;
  beforeAll(async () => {
    mine = (await newTask({ title: '开展技能提升培训', coOrgIds: [w.townA], indicators: [{ name: '培训人次', unit: '人次', target: 3000 }] })).id;
    theirs = (await newTask({ title: '落实产业工人待遇保障资金', category: 'status', leadOrgId: finance })).id;
  });

  it('a unit cannot read another unit\'s task by id (403 OUT_OF_SCOPE), nor a town outside the task', async () => {
    expectError(await a.finance.get(`/api/v1/reform/tasks/${mine}`), 403, 'OUT_OF_SCOPE');
    expectError(await a.bureau.get(`/api/v1/reform/tasks/${theirs}`), 403, 'OUT_OF_SCOPE');
    expectError(await a.town_b.get(`/api/v1/reform/tasks/${mine}`), 403, 'OUT_OF_SCOPE');
    expectError(await a.bureau.get('/api/v1/reform/tasks/999999'), 404, 'NOT_FOUND');
    expect(expectOk(await a.town_a.get(`/api/v1/reform/tasks/${mine}`)).you).toMatchObject({ isCoUnit: true, canReport: true, canReply: false });
    expect(expectOk(await a.auditor.get(`/api/v1/reform/tasks/${theirs}`)).you.canReport).toBe(false);
  });

  it('lists, figures and exports leave other units\' tasks out', async () => {
    const ids = (agent: Agent) => agent.get(`/api/v1/reform/tasks?planId=${planId}&pageSize=200`).then((r) => expectOk(r).items.map((x: { id: number }) => x.id));
    expect(await ids(a.bureau)).toContain(mine);
    expect(await ids(a.bureau)).not.toContain(theirs);
    expect(await ids(a.finance)).toEqual([theirs]);
    expect(await ids(a.union_a)).toEqual([]);
    expect(await ids(a.auditor)).toEqual(expect.arrayContaining([mine, theirs]));
    const figs = expectOk(await a.finance.get(`/api/v1/reform/figures?planId=${planId}`));
    expect(figs.totals.total).toBe(1);
    expect(figs.byUnit.map((u: { orgId: number }) => u.orgId)).toEqual([finance]);
    const x = await a.finance.get(`/api/v1/reform/tasks/export.xlsx?planId=${planId}`);
    expect(x.statusCode).toBe(200);
    const rows = await readSheet(x.rawPayload);
    expect(rows.length).toBe(2);
    expect(rows[1][1]).toBe('落实产业工人待遇保障资金');
    expect((await auditOf(a.admin, 'reform.task.export')).length).toBeGreaterThan(0);
  });

  it('a unit cannot report on another unit\'s task; an auditor cannot report at all', async () => {
    const body = { periodKey: period, content: '已完成', percent: 50 };
    expectError(await a.finance.post(`/api/v1/reform/tasks/${mine}/reports`, body), 403, 'OUT_OF_SCOPE');
    expectError(await a.auditor.post(`/api/v1/reform/tasks/${mine}/reports`, body), 403, 'FORBIDDEN');
    expectError(await a.admin.post(`/api/v1/reform/tasks/${mine}/reports`, body), 403, 'FORBIDDEN');
  });

  it('a progress report with an attachment round-trips; the file is served only to readers of the task', async () => {
    const up = expectOk(await upload(a.bureau, '培训签到表.png', PNG), 201);
    const detail = expectOk(await a.bureau.get(`/api/v1/reform/tasks/${mine}`));
    const ind = detail.indicators[0].id;
    const res = expectOk(await a.bureau.post(`/api/v1/reform/tasks/${mine}/reports`, { periodKey: period, content: '已培训1200人次', percent: 40, indicatorValues: [{ indicatorId: ind, value: 1200 }], attachmentIds: [up.id] }), 201);
    const rep = res.task.reports.find((r: { id: number }) => r.id === res.id);
    expect(rep).toMatchObject({ official: true, percent: 40, attachments: [{ id: up.id, name: '培训签到表.png' }] });
    expect(res.task).toMatchObject({ percent: 40, reportCount: 1 });
    expect(res.task.indicators[0].actual).toBe(1200);
    for (const who of ['admin', 'town_a', 'auditor', 'bureau']) expect((await a[who].get(`/api/v1/attachments/${up.id}/content`)).statusCode, who).toBe(200);
    const got = await a.admin.get(`/api/v1/attachments/${up.id}/content`);
    expect(got.rawPayload.equals(PNG)).toBe(true);
    expectError(await a.finance.get(`/api/v1/attachments/${up.id}/content`), 403);
    expectError(await a.town_b.get(`/api/v1/attachments/${up.id}/content`), 403);
    expect((await auditOf(a.admin, 'reform.report.submit')).some((e) => e.entityId === String(res.id))).toBe(true);
  });

  it('a co-unit\'s report is not official and does not move the percent; filing again revises it', async () => {
    const first = expectOk(await a.town_a.post(`/api/v1/reform/tasks/${mine}/reports`, { periodKey: period, content: '镇街配合完成宣传', percent: 90 }), 201);
    expect(first.task.percent).toBe(40);
    const again = expectOk(await a.town_a.post(`/api/v1/reform/tasks/${mine}/reports`, { periodKey: period, content: '镇街配合完成宣传和组织', percent: 95 }), 201);
    expect(again.id).toBe(first.id);
    const r = again.task.reports.find((x: { id: number }) => x.id === first.id);
    expect(r).toMatchObject({ official: false, revision: 2, percent: 95 });
    expect(again.task.reportCount).toBe(2);
  });

  it('refuses a closed or malformed period and a bad percent, field by field', async () => {
    const e = expectError(await a.bureau.post(`/api/v1/reform/tasks/${mine}/reports`, { periodKey: `${year - 1}-01`, content: '', percent: 120 }), 400, 'VALIDATION');
    expect(e.details.map((d) => d.field).sort()).toEqual(['content', 'percent', 'periodKey']);
    expect(expectError(await a.bureau.post(`/api/v1/reform/tasks/${mine}/reports`, { periodKey: `${year}Q1`, content: 'x', percent: 1 }), 400).details[0].code).toBe('PERIOD_FORMAT');
  });
});

describe('computed status at its edges', () => {
  it('a deadline of today is not overdue', async () => {
    const t1 = await newTask({ title: '今天到期的任务', deadline: today, startOn: addDays(today, -40) });
    expect(t1.status).not.toBe('overdue');
    expect(t1.status).toBe('at_risk'); // due today, no official report yet
  });

  it('a missed milestone puts the task at risk', async () => {
    const t1 = await newTask({ title: '节点逾期的任务', startOn: addDays(today, -5), milestones: [{ title: '制定方案', dueOn: addDays(today, -1) }, { title: '全面推开', dueOn: addDays(today, 30) }] });
    expect(t1.status).toBe('at_risk');
    expect(t1.statusReasons).toEqual(['milestone_missed']);
    expect(t1.milestones[0].missed).toBe(true);
    // The lead unit confirms the milestone in its report: back on track.
    const res = expectOk(await a.bureau.post(`/api/v1/reform/tasks/${t1.id}/reports`, { periodKey: period, content: '方案已印发', percent: 10, milestonesDone: [t1.milestones[0].id] }), 201);
    expect(res.task.status).toBe('on_track');
  });

  it('a 100 % report after the deadline makes an overdue task done, flagged late', async () => {
    const t1 = await newTask({ title: '已过期限的任务', startOn: addDays(today, -40), deadline: addDays(today, -1) });
    expect(t1.status).toBe('overdue');
    const late = expectOk(await a.admin.get(`/api/v1/reform/tasks?planId=${planId}&late=true`)).total;
    const res = expectOk(await a.bureau.post(`/api/v1/reform/tasks/${t1.id}/reports`, { periodKey: period, content: '已全部完成', percent: 100 }), 201);
    expect(res.task).toMatchObject({ status: 'done', late: true, doneOn: today });
    expect(expectOk(await a.admin.get(`/api/v1/reform/tasks?planId=${planId}&late=true`)).total).toBe(late + 1);
  });

  it('a stored status is re-evaluated when its day comes', async () => {
    const t1 = await newTask({ title: '时间推移的任务', startOn: addDays(today, -5), deadline: addDays(today, 100) });
    expect(t1.status).toBe('on_track');
    // Pretend the deadline passed since the status was stored.
    await t.ctx.db.updateTable('reform_tasks').set({ deadline: addDays(today, -1), start_on: addDays(today, -5), status_recheck_on: today }).where('id', '=', t1.id).execute();
    const list = expectOk(await a.admin.get(`/api/v1/reform/tasks?planId=${planId}&status=overdue&pageSize=200`));
    expect(list.items.map((x: { id: number }) => x.id)).toContain(t1.id);
  });
});

describe('supervision notices', () => {
  let overdue: number;
  beforeAll(async () => {
    overdue = (await newTask({ title: '需要督办的任务', startOn: addDays(today, -60), deadline: addDays(today, -3), coOrgIds: [w.townA] })).id;
  });

  it('only district staff issue, only on overdue or at-risk tasks', async () => {
    const onTrack = await newTask({ title: '正常推进的任务', startOn: today, deadline: addDays(today, 300) });
    expectError(await a.admin.post(`/api/v1/reform/tasks/${onTrack.id}/supervisions`, { reason: '督办', replyDue: addDays(today, 5) }), 409, 'TASK_NOT_LATE');
    expectError(await a.bureau.post(`/api/v1/reform/tasks/${overdue}/supervisions`, { reason: '督办', replyDue: addDays(today, 5) }), 403, 'FORBIDDEN');
    const e = expectError(await a.admin.post(`/api/v1/reform/tasks/${overdue}/supervisions`, { reason: '', replyDue: addDays(today, -1) }), 400);
    expect(e.details.map((d) => d.field).sort()).toEqual(['reason', 'replyDue']);
  });

  it('the lead unit replies once, with an attachment; district staff close it', async () => {
    const issued = expectOk(await a.admin.post(`/api/v1/reform/tasks/${overdue}/supervisions`, { reason: '任务已逾期，请说明原因和整改措施', replyDue: addDays(today, 7) }), 201);
    expectError(await a.admin.post(`/api/v1/reform/tasks/${overdue}/supervisions`, { reason: '再次督办', replyDue: addDays(today, 7) }), 409, 'SUPERVISION_OPEN');
    const sid = issued.id;
    expect(issued.task.supervisions[0]).toMatchObject({ id: sid, state: 'awaiting' });
    expect(issued.task.openSupervisions).toBe(1);
    expectError(await a.finance.post(`/api/v1/reform/supervisions/${sid}/reply`, { text: '回复' }), 403, 'OUT_OF_SCOPE');
    expectError(await a.town_a.post(`/api/v1/reform/supervisions/${sid}/reply`, { text: '回复' }), 403, 'FORBIDDEN');
    const up = expectOk(await upload(a.bureau, '整改说明.png', PNG), 201);
    const replied = expectOk(await a.bureau.post(`/api/v1/reform/supervisions/${sid}/reply`, { text: '因资金拨付延迟，已于本月补齐，预计月底完成', attachmentIds: [up.id] }));
    expect(replied.supervisions[0]).toMatchObject({ state: 'replied', repliedLate: false, attachments: [{ id: up.id }] });
    expect((await a.town_a.get(`/api/v1/attachments/${up.id}/content`)).statusCode).toBe(200);
    expectError(await a.finance.get(`/api/v1/attachments/${up.id}/content`), 403);
    expectError(await a.bureau.post(`/api/v1/reform/supervisions/${sid}/reply`, { text: '再回复' }), 409, 'ALREADY_REPLIED');
    const listed = expectOk(await a.admin.get('/api/v1/reform/supervisions?state=replied'));
    expect(listed.items.map((x: { id: number }) => x.id)).toContain(sid);
    expectError(await a.bureau.post(`/api/v1/reform/supervisions/${sid}/close`, {}), 403, 'FORBIDDEN');
    const closed = expectOk(await a.admin.post(`/api/v1/reform/supervisions/${sid}/close`, { note: '整改到位' }));
    expect(closed.supervisions[0].state).toBe('closed');
    expect((await auditOf(a.admin, 'reform.supervision')).map((e) => e.action)).toEqual(expect.arrayContaining(['reform.supervision.issue', 'reform.supervision.reply', 'reform.supervision.close']));
  });

  it('a notice past its reply date without a reply is tracked as reply_overdue', async () => {
    const issued = expectOk(await a.admin.post(`/api/v1/reform/tasks/${overdue}/supervisions`, { reason: '第二次督办', replyDue: today }), 201);
    await t.ctx.db.updateTable('reform_supervisions').set({ reply_due: addDays(today, -1) }).where('id', '=', issued.id).execute();
    const list = expectOk(await a.admin.get('/api/v1/reform/supervisions?state=reply_overdue'));
    expect(list.items.map((x: { id: number }) => x.id)).toContain(issued.id);
    expect(expectOk(await a.admin.get(`/api/v1/reform/figures?planId=${planId}`)).supervision.reply_overdue).toBeGreaterThanOrEqual(1);
    expect(expectOk(await a.finance.get('/api/v1/reform/supervisions')).total).toBe(0);
  });
});

describe('task-list import', () => {
  async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务清单');
    ws.addRow(['任务编号', '任务名称', '类别', '牵头单位', '配合单位', '完成时限', '指标名称', '目标值', '单位']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const post = (agent: Agent, url: string, buf: Buffer) => {
    const m = multipart('任务清单.xlsx', buf);
    return agent.inject({ method: 'POST', url, payload: m.payload, headers: m.headers });
  };
  const deadline = `${year}-12-31`;

  it('reports every bad row by row and column, and imports nothing', async () => {
    const before = (await t.ctx.db.selectFrom('reform_tasks').select('id').execute()).length;
    const buf = await workbook([
      ['I-01', '开展劳模宣讲', '思想政治引领', '人力资源社会保障局', '鼓楼街道、果园街道', deadline, '宣讲场次', 30, '场'],
      ['I-02', '建设职工之家', '组织建设', '区不存在局', '', deadline, null, null, null],
      ['I-03', '优化评价机制', '不知道', '区人力资源社会保障局', '', 'not a date', null, null, null],
      ['I-01', '', null, null, null, null, '参与人数', 'abc', '人'],
      ['I-04', '', '权益维护', '区财政局', '', deadline, null, null, null],
      ['I-01', '重复编号', '权益维护', '区财政局', '', deadline, null, null, null],
    ]);
    const e = expectError(await post(a.admin, `/api/v1/reform/plans/${planId}/import`, buf), 400, 'IMPORT_ROWS_INVALID');
    const at = (row: number) => e.details.filter((d) => d.row === row).map((d) => d.column).sort();
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['牵头单位']);
    expect(at(4)).toEqual(['完成时限', '类别']);
    expect(at(5)).toEqual(['目标值']);
    expect(at(6)).toEqual(['任务名称']);
    expect(at(7)).toEqual(['任务编号']);
    expect(e.details.every((d) => hasChinese(d.message))).toBe(true);
    expect((await t.ctx.db.selectFrom('reform_tasks').select('id').execute()).length).toBe(before);
    const x = await post(a.admin, `/api/v1/reform/plans/${planId}/import/errors.xlsx`, buf);
    expect(x.statusCode).toBe(200);
    const sheet = await readSheet(x.rawPayload);
    expect(sheet[0].slice(0, 2)).toEqual(['原行号', '错误原因']);
    expect(sheet.slice(1).map((r) => r[0])).toEqual(['3', '4', '5', '6', '7']);
  });

  it('imports a clean file with co-units and extra indicator rows; a second upload is refused by row', async () => {
    const buf = await workbook([
      ['I-11', '开展劳模宣讲', '思想政治引领', '北京市密云区人力资源社会保障局', '鼓楼街道、果园街道总工会', deadline, '宣讲场次', 30, '场'],
      ['I-11', '', null, null, null, null, '受众人数', 3000, '人'],
      ['', '落实职工休养制度', '地位待遇', '区财政局', '', deadline, null, null, null],
      [`${year}-90`, '完善技能人才激励制度', '地位待遇', '区财政局', '', deadline, null, null, null],
    ]);
    expectError(await post(a.bureau, `/api/v1/reform/plans/${planId}/import`, buf), 403, 'FORBIDDEN');
    const out = expectOk(await post(a.admin, `/api/v1/reform/plans/${planId}/import`, buf), 201);
    expect(out.created).toBe(3);
    const first = expectOk(await a.admin.get(`/api/v1/reform/tasks/${out.ids[0]}`));
    expect(first).toMatchObject({ code: 'I-11', leadOrgId: w.bureau, category: 'ideology' });
    expect(first.coUnits.map((c: { id: number }) => c.id).sort()).toEqual([w.townA, w.townB].sort());
    expect(first.indicators.map((i: { name: string; target: number }) => [i.name, i.target])).toEqual([['宣讲场次', 30], ['受众人数', 3000]]);
    // The code-less row is numbered after every code of the plan and of the file.
    expect(expectOk(await a.admin.get(`/api/v1/reform/tasks/${out.ids[1]}`)).code).toBe(`${year}-91`);
    const again = expectError(await post(a.admin, `/api/v1/reform/plans/${planId}/import`, buf), 400, 'IMPORT_ROWS_INVALID');
    expect(again.details.find((d) => d.row === 2)?.code).toBe('CODE_TAKEN');
  });

  it('serves a template whose header the importer reads', async () => {
    const res = await a.admin.get('/api/v1/reform/tasks/template.xlsx');
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    expect(rows[0].slice(0, 6)).toEqual(['任务编号', '任务名称', '类别', '牵头单位', '配合单位', '完成时限']);
  });
});
