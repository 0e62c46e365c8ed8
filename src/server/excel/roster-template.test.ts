import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { MEMBER_COLUMNS } from './roster-reader.js';
import {
  TEMPLATE_CODES_SHEET,
  TEMPLATE_GUIDE_SHEET,
  TEMPLATE_SHEET,
  TEMPLATE_TITLE,
  writeMemberTemplate,
  type MemberCodeLists,
} from './roster-template.js';
import { collect, makeTmpDir } from './test-helpers.js';

const dir = makeTmpDir('gonghui-template-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const LISTS: MemberCodeLists = {
  gender: ['男', '女'],
  ethnicity: ['汉族', '满族', '回族', '蒙古族'],
  education: ['研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'],
  political: ['中共党员', '共青团员', '群众'],
  householdType: ['城镇', '农村'],
  employmentStatus: ['在岗职工', '劳务派遣', '灵活就业'],
  skillLevel: ['无', '初级工', '中级工', '高级工', '技师', '高级技师'],
  joinMethod: ['单位入会', '网上入会', '集中入会'],
  yesNo: ['是', '否'],
};

async function writeTemplate(name: string, lists = LISTS): Promise<string> {
  const f = path.join(dir, name);
  await writeMemberTemplate(fs.createWriteStream(f), lists);
  return f;
}

describe('writeMemberTemplate', () => {
  it('round-trips: the reader finds the header and no data rows', async () => {
    const f = await writeTemplate('t1.xlsx');
    const { header, rows } = await collect(f, MEMBER_COLUMNS);
    expect(header.row).toBe(2);
    expect(header.sheet).toBe(TEMPLATE_SHEET);
    expect(header.missing).toEqual([]);
    expect(header.unknown).toEqual([]);
    expect(header.mapping).toEqual(Object.fromEntries(MEMBER_COLUMNS.map((c, i) => [c.key, i + 1])));
    expect(rows).toEqual([]);
  });

  it('has the title, marked headers with notes, text columns, dropdowns and sheets in order', async () => {
    const f = await writeTemplate('t2.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);

    expect(wb.worksheets.map((w) => w.name)).toEqual([TEMPLATE_SHEET, TEMPLATE_GUIDE_SHEET, TEMPLATE_CODES_SHEET]);
    expect(wb.getWorksheet(TEMPLATE_CODES_SHEET)!.state).toBe('hidden');

    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    expect(ws.getCell('A1').value).toBe(TEMPLATE_TITLE);
    const headerTexts = MEMBER_COLUMNS.map((_c, i) => ws.getRow(2).getCell(i + 1).text);
    expect(headerTexts[0]).toBe('*姓名');
    expect(headerTexts[1]).toBe('*身份证号码');
    expect(headerTexts[2]).toBe('性别');
    MEMBER_COLUMNS.forEach((_c, i) => {
      const note = ws.getRow(2).getCell(i + 1).note;
      const text = typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('');
      expect(text, `note on ${MEMBER_COLUMNS[i].label}`).toBeTruthy();
    });

    const colOf = (key: string) => MEMBER_COLUMNS.findIndex((c) => c.key === key) + 1;
    for (const key of ['idNumber', 'phone', 'cardNo', 'employerCreditCode']) {
      expect(ws.getColumn(colOf(key)).numFmt, key).toBe('@');
    }

    // Dropdowns: one list validation per coded column, pointing at the hidden sheet.
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations
      .model;
    const byCol = new Map<string, ExcelJS.DataValidation>();
    for (const [range, v] of Object.entries(dv)) byCol.set(range.replace(/\d+/g, '').split(':')[0], v);
    const letter = (key: string) => String.fromCharCode(64 + colOf(key));
    const gender = byCol.get(letter('gender'));
    expect(gender?.type).toBe('list');
    expect(gender?.formulae[0]).toMatch(/代码表'?!\$[A-Z]+\$2:\$[A-Z]+\$3$/);
    for (const key of ['ethnicity', 'education', 'political', 'householdType', 'employmentStatus', 'skillLevel', 'joinMethod', 'isMigrant', 'isModelWorker']) {
      expect(byCol.get(letter(key))?.type, key).toBe('list');
    }
    expect(byCol.has(letter('name'))).toBe(false);

    // The code table holds the lists.
    const codes = wb.getWorksheet(TEMPLATE_CODES_SHEET)!;
    const genderCol = codes.getRow(1).values as unknown[];
    const c = genderCol.indexOf('性别');
    expect(c).toBeGreaterThan(0);
    expect([codes.getCell(2, c).value, codes.getCell(3, c).value]).toEqual(['男', '女']);

    // The example is on the instructions sheet, clearly marked.
    const guide = wb.getWorksheet(TEMPLATE_GUIDE_SHEET)!;
    let example: ExcelJS.Row | undefined;
    guide.eachRow((row) => {
      if (row.getCell(1).value === '示例' && row.getCell(2).value === '张三') example = row;
    });
    expect(example).toBeDefined();
    expect(example!.getCell(2).font?.italic).toBe(true);
  });

  it('skips dropdowns for empty code lists', async () => {
    const f = await writeTemplate('t3.xlsx', { ...LISTS, skillLevel: [] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    // exceljs's reader expands each validation range into one entry per cell
    const cells = Object.keys((ws as unknown as { dataValidations: { model: object } }).dataValidations.model);
    const columns = new Set(cells.map((a) => a.replace(/\d+/g, '')));
    expect(columns.size).toBe(11);
    expect(cells).toContain('C3');
    expect(cells).toContain('C10002');
    expect(cells).not.toContain('C10003');
    const { header } = await collect(f, MEMBER_COLUMNS);
    expect(header.row).toBe(2);
  });
});
