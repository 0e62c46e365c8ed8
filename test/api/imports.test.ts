import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, addMember, buildWorld, idNumber, type World } from '../factories.js';
import { signIn, testApp, type Agent, type TestApp } from '../helpers.js';
import { XLSX_TYPE, auditOf, expectError, expectOk, readSheet } from './util.js';

let t: TestApp;
let w: World;
let admin: Agent;
let townA: Agent;
let townB: Agent;
let tmp: string;

interface ImportResult {
  id: number;
  orgId: number;
  status: string;
  message: string | null;
  total: number;
  imported: number;
  rejected: number;
  errors: { row: number; column: string; code: string; reason: string }[];
}

const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const mask = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

/** Writes rows (1-based Excel rows; null = leave the row out) with the non-streaming exceljs API. */
async function workbook(name: string, rows: (unknown[] | null)[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  rows.forEach((values, i) => {
    if (!values) return;
    values.forEach((v, c) => {
      if (v !== undefined) ws.getRow(i + 1).getCell(c + 1).value = v as ExcelJS.CellValue;
    });
  });
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return fs.readFileSync(file);
}

function upload(agent: Agent, orgId: number, buf: Buffer, filename = 'roster.xlsx') {
  const form = new FormData();
  form.append('orgId', String(orgId));
  form.append('file', new Blob([new Uint8Array(buf)]), filename);
  return agent.inject({ method: 'POST', url: '/api/v1/imports/members', payload: form as never });
}

/** Uploads, waits for the background queue, and returns the finished import. */
async function runImport(agent: Agent, orgId: number, buf: Buffer): Promise<ImportResult> {
  const { id } = expectOk<{ id: number }>(await upload(agent, orgId, buf), 202);
  await t.imports.idle();
  const r = expectOk<ImportResult>(await agent.get(`/api/v1/imports/${id}`));
  expect(r.total).toBe(r.imported + r.rejected);
  return r;
}

const rosterTotal = async (agent: Agent, orgId: number) => expectOk(await agent.get(`/api/v1/members?orgId=${orgId}`)).total as number;
const findById = async (agent: Agent, id: string) => expectOk(await agent.get(`/api/v1/members?q=${encodeURIComponent(id)}`)).items as { id: number; name: string; joinedOn: string | null; phoneMasked: string | null; orgId: number; idNumberMasked: string }[];
const importFiles = () => new Set(fs.readdirSync(path.join(t.ctx.config.dataDir, 'imports')));

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-api-imports-'));
  t = await testApp();
  w = await buildWorld(t.ctx);
  [admin, townA, townB] = await Promise.all([signIn(t.app, 'admin', PASSWORD), signIn(t.app, 'town_a', PASSWORD), signIn(t.app, 'town_b', PASSWORD)]);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a messy roster', () => {
  let first: ImportResult;
  const idX = (() => {
    for (let n = 5; ; n++) if (idNumber(n).endsWith('X')) return idNumber(n);
  })();
  const badCheck = idNumber(9).slice(0, 17) + (idNumber(9)[17] === '0' ? '1' : '0');

  beforeAll(async () => {
    await addMember(t.ctx, w.unionB, 500); // already a member in townB
    await addMember(t.ctx, w.unionA, 600); // already a member here
    const buf = await workbook('messy.xlsx', [
      ['鼓楼街道总工会会员花名册'],
      ['填报日期：2024年6月'],
      ['序号', '姓名', '身份证号', '手机', '入会日期'],
      [1, '刘一', idNumber(1), '13800000001', '2020/1/5'],
      [2, '刘二', idNumber(2), '138-0000-0002', '2020年1月5日'],
      [3, '刘三', idNumber(3), '13800000003', new Date(Date.UTC(2019, 5, 1))],
      [4, '刘四', fullWidth(idNumber(4)), '13800000004', '2021-03-08'],
      [5, '刘五', idX.toLowerCase(), '13800000005', null],
      [6, '刘六', Number('110118197001011234'), '13800000006', '2020-01-01'], // what Excel does to an ID typed into a number cell
      null,
      ['', '', '  ', '', ''],
      [9, '刘九', badCheck, '13800000009', '2020-01-01'],
      [10, '刘十', idNumber(1), '13800000010', '2020-01-01'],
      [11, '刘十一', idNumber(500), '13800000011', '2020-01-01'],
      [12, '刘十二', idNumber(600), '13800000012', '2020-01-01'],
    ]);
    first = await runImport(townA, w.unionA, buf);
  });

  it('finds the header under two title rows and counts every non-blank row once', () => {
    expect(first).toMatchObject({ status: 'done', orgId: w.unionA, total: 10, imported: 5, rejected: 5 });
    expect([...new Set(first.errors.map((e) => e.row))]).toEqual([9, 12, 13, 14, 15]);
  });

  it('reads slash, Chinese and real Excel dates, full-width digits and a lower-case x', async () => {
    const expected: [string, string | null, string][] = [
      [idNumber(1), '2020-01-05', '138****0001'],
      [idNumber(2), '2020-01-05', '138****0002'],
      [idNumber(3), '2019-06-01', '138****0003'],
      [idNumber(4), '2021-03-08', '138****0004'],
      [idX, null, '138****0005'],
    ];
    for (const [id, joinedOn, phone] of expected) {
      const [m] = await findById(townA, id);
      expect(m, id).toMatchObject({ orgId: w.unionA, joinedOn, phoneMasked: phone, idNumberMasked: mask(id) });
    }
    const [x] = await findById(townA, idX);
    expect(expectOk(await admin.post(`/api/v1/members/${x.id}/unmask`, {})).idNumber).toBe(idX);
  });

  it('explains each rejected row with its row number, column and reason', () => {
    const byRow = new Map(first.errors.map((e) => [e.row, e]));
    expect(byRow.get(9)).toMatchObject({ column: '身份证号码', code: 'ID_NUMERIC' });
    expect(byRow.get(9)!.reason).toContain('数字');
    expect(byRow.get(12)).toMatchObject({ column: '身份证号码', code: 'ID_CHECKSUM' });
    expect(byRow.get(12)!.reason).toContain(`应为${idNumber(9)[17]}`);
    expect(byRow.get(13)).toMatchObject({ column: '身份证号码', code: 'DUPLICATE_IN_FILE' });
    expect(byRow.get(13)!.reason).toContain('与本文件第4行');
    expect(byRow.get(14)).toMatchObject({ column: '身份证号码', code: 'MEMBER_EXISTS' });
    expect(byRow.get(14)!.reason).toContain('其他工会');
    expect(byRow.get(14)!.reason).not.toMatch(/乙科技|果园/);
    expect(byRow.get(15)).toMatchObject({ column: '身份证号码', code: 'ALREADY_MEMBER' });
  });

  it('leaves the townB member where they are', async () => {
    const inB = await findById(townB, idNumber(500));
    expect(inB).toHaveLength(1);
    expect(inB[0].orgId).toBe(w.unionB);
    expect(await findById(townA, idNumber(500))).toEqual([]);
  });

  it('hands back the rejected rows as a workbook with 原行号 and 错误原因', async () => {
    const res = await townA.get(`/api/v1/imports/${first.id}/errors.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const rows = await readSheet(res.rawPayload);
    const header = rows[0];
    expect(header.slice(0, 2)).toEqual(['原行号', '错误原因']);
    expect(header).toContain('身份证号码');
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual([9, 12, 13, 14, 15]);
    const reasonOf = (row: number) => rows.find((r) => Number(r[0]) === row)![1];
    expect(reasonOf(13)).toContain('与本文件第4行');
    expect(reasonOf(14)).toContain('其他工会');
    const nameCol = header.indexOf('姓名');
    expect(rows.find((r) => Number(r[0]) === 12)![nameCol]).toBe('刘九');
    // Another town may neither read the import nor its errors.
    expectError(await townB.get(`/api/v1/imports/${first.id}`), 403, 'OUT_OF_SCOPE');
    expectError(await townB.get(`/api/v1/imports/${first.id}/errors.xlsx`), 403, 'OUT_OF_SCOPE');
    expect(expectOk(await townB.get('/api/v1/imports')).items.map((i: { id: number }) => i.id)).not.toContain(first.id);
  });

  it('records the import in the audit log', async () => {
    const entries = (await auditOf(admin, 'member.import')).filter((e) => e.entityId === String(first.id));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ username: 'town_a', orgId: w.unionA, detail: { total: 10, imported: 5, rejected: 5 } });
  });
});

describe('header variants and re-imports', () => {
  it('accepts 公民身份号码 / 联系电话 / 入会时间 and importing the same file again adds nobody', async () => {
    const buf = await workbook('variants.xlsx', [
      ['会员姓名', '公民身份号码', '联系电话', '入会时间'],
      ['周甲', idNumber(700), '13900000700', '2018.7.1'],
      ['周乙', idNumber(701), '13900000701', '2018年7月'],
    ]);
    const before = await rosterTotal(townA, w.unionA2);
    const r1 = await runImport(townA, w.unionA2, buf);
    expect(r1).toMatchObject({ status: 'done', total: 2, imported: 2, rejected: 0, errors: [] });
    expect(await rosterTotal(townA, w.unionA2)).toBe(before + 2);
    expect((await findById(townA, idNumber(701)))[0]).toMatchObject({ name: '周乙', joinedOn: '2018-07-01', phoneMasked: '139****0701' });

    const r2 = await runImport(townA, w.unionA2, buf);
    expect(r2).toMatchObject({ status: 'done', total: 2, imported: 0, rejected: 2 });
    expect(r2.errors.map((e) => e.code)).toEqual(['ALREADY_MEMBER', 'ALREADY_MEMBER']);
    expect(await rosterTotal(townA, w.unionA2)).toBe(before + 2);
    const memberships = await t.ctx.db.selectFrom('memberships as m').innerJoin('persons as p', 'p.id', 'm.person_id')
      .select('m.id').where('p.name', 'in', ['周甲', '周乙']).execute();
    expect(memberships).toHaveLength(2);
  });

  it('fails the whole import when a required column is missing', async () => {
    const buf = await workbook('noid.xlsx', [['姓名', '手机'], ['吴缺', '13900000800']]);
    const r = await runImport(townA, w.unionA, buf);
    expect(r).toMatchObject({ status: 'failed', total: 0, imported: 0 });
    expect(r.message).toContain('身份证号码');
  });
});

describe('the template', () => {
  it('is a valid xlsx with the header row, and a filled-in copy imports', async () => {
    const res = await townA.get('/api/v1/imports/members/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('导入模板'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('会员花名册');
    const header: string[] = [];
    ws.getRow(2).eachCell((c) => header.push(c.text));
    expect(header).toEqual(expect.arrayContaining(['*姓名', '*身份证号码', '手机号码', '入会时间']));

    const nameCol = header.indexOf('*姓名') + 1;
    const idCol = header.indexOf('*身份证号码') + 1;
    ws.getRow(3).getCell(nameCol).value = '模板测试';
    ws.getRow(3).getCell(idCol).value = idNumber(900);
    const file = path.join(tmp, 'filled.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await runImport(townA, w.unionA, fs.readFileSync(file));
    expect(r).toMatchObject({ status: 'done', total: 1, imported: 1, rejected: 0 });
  });

  it('needs a session', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/imports/members/template.xlsx' }), 401, 'UNAUTHENTICATED');
  });
});

describe('upload refusals', () => {
  it('refuses a .csv upload', async () => {
    const before = importFiles();
    const e = expectError(await upload(townA, w.unionA, Buffer.from('姓名,身份证号码\n张三,110118197001011234\n'), 'roster.csv'), 400, 'VALIDATION');
    expect(e.details[0]).toMatchObject({ field: 'file', code: 'NOT_XLSX' });
    expect(importFiles()).toEqual(before);
  });

  it('refuses an import into townB from town_a, leaving no file behind', async () => {
    const buf = await workbook('intrude.xlsx', [['姓名', '身份证号码'], ['越权', idNumber(950)]]);
    const before = importFiles();
    const beforeB = await rosterTotal(townB, w.unionB);
    expectError(await upload(townA, w.unionB, buf), 403, 'OUT_OF_SCOPE');
    expectError(await upload(townA, w.townB, buf), 403, 'OUT_OF_SCOPE');
    await t.imports.idle();
    expect(importFiles()).toEqual(before);
    expect(await rosterTotal(townB, w.unionB)).toBe(beforeB);
    expect(expectOk(await admin.get('/api/v1/imports')).items.map((i: { orgId: number }) => i.orgId)).not.toContain(w.unionB);
    // townB itself may import the same file.
    expect(await runImport(townB, w.unionB, buf)).toMatchObject({ imported: 1 });
  });

  it('refuses an upload without orgId or without a file', async () => {
    const form = new FormData();
    form.append('orgId', String(w.unionA));
    expect(expectError(await townA.inject({ method: 'POST', url: '/api/v1/imports/members', payload: form as never }), 400).details[0].field).toBe('file');
    const json = await townA.post('/api/v1/imports/members', { orgId: w.unionA });
    expect(expectError(json, 400).code).toMatch(/MULTIPART_REQUIRED|UNSUPPORTED_MEDIA_TYPE/);
  });
});

describe('export', () => {
  it('exports masked numbers and audits the export', async () => {
    const res = await townA.get(`/api/v1/members/export.xlsx?orgId=${w.unionA}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const rows = await readSheet(res.rawPayload);
    const header = rows[0];
    const idCol = header.indexOf('身份证号码');
    const phoneCol = header.indexOf('手机号码');
    expect(idCol).toBeGreaterThanOrEqual(0);
    const ids = rows.slice(1).map((r) => r[idCol]);
    expect(ids.length).toBe(await rosterTotal(townA, w.unionA));
    expect(ids).toContain(mask(idNumber(1)));
    for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(rows.slice(1).map((r) => r[phoneCol])).toContain('138****0001');
    expect(JSON.stringify(rows)).not.toContain(idNumber(1));

    const entries = (await auditOf(admin, 'member.export')).filter((e) => e.username === 'town_a');
    expect(entries).toHaveLength(1);
    expect(entries[0].detail).toMatchObject({ rows: ids.length, unmasked: false, filter: { orgId: w.unionA } });
  });

  it('gives full numbers only to those allowed to unmask', async () => {
    expectError(await townA.get(`/api/v1/members/export.xlsx?orgId=${w.unionA}&unmask=1`), 403, 'FORBIDDEN');
    const res = await admin.get(`/api/v1/members/export.xlsx?orgId=${w.unionA}&unmask=1`);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    const idCol = rows[0].indexOf('身份证号码');
    expect(rows.slice(1).map((r) => r[idCol])).toEqual(expect.arrayContaining([idNumber(1), idNumber(2), idNumber(600)]));
    const entries = (await auditOf(admin, 'member.export')).filter((e) => e.username === 'admin');
    expect(entries[0].detail).toMatchObject({ unmasked: true });
  });

  it('a roster larger than one batch imports and exports completely', async () => {
    const union = expectOk(await admin.post('/api/v1/orgs', { parentId: w.townA, name: '北京密云大批量有限公司工会', type: 'grassroots' }), 201);
    const digits = '零一二三四五六七八九';
    const rows: unknown[][] = [['姓名', '身份证号码']];
    for (let n = 1000; n < 3050; n++) rows.push([`会员${String(n).replace(/\d/g, (d) => digits[Number(d)])}`, idNumber(n)]);
    const r = await runImport(townA, union.id, await workbook('large.xlsx', rows));
    expect(r).toMatchObject({ status: 'done', total: 2050, imported: 2050, rejected: 0 });
    expect(await rosterTotal(townA, union.id)).toBe(2050);

    const res = await admin.get(`/api/v1/members/export.xlsx?orgId=${union.id}&unmask=1`);
    expect(res.statusCode).toBe(200);
    const out = await readSheet(res.rawPayload);
    const idCol = out[0].indexOf('身份证号码');
    const ids = out.slice(1).map((x) => x[idCol]);
    expect(ids).toHaveLength(2050);
    expect(new Set(ids).size).toBe(2050);
    expect(ids).toContain(idNumber(1000));
    expect(ids).toContain(idNumber(3049));
  });

  it('the exported roster imports back into another union as duplicates only', async () => {
    const res = await admin.get(`/api/v1/members/export.xlsx?orgId=${w.unionA2}&unmask=1`);
    const r = await runImport(townA, w.unionA, res.rawPayload);
    expect(r.total).toBeGreaterThan(0);
    expect(r.imported).toBe(0);
    expect(new Set(r.errors.map((e) => e.code))).toEqual(new Set(['MEMBER_EXISTS']));
  });
});
