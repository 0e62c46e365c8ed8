import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { MEMBER_COLUMNS } from './roster-reader.js';
import { ERROR_SHEET, REASON_HEADER, SOURCE_ROW_HEADER, writeErrorWorkbook, type ErrorRow } from './error-workbook.js';
import { collect, fromArray, makeTmpDir, writeFixture } from './test-helpers.js';

const dir = makeTmpDir('gonghui-errors-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ROWS: ErrorRow[] = [
  {
    row: 5,
    values: {
      name: '张三',
      idNumber: '11010119900101123X',
      gender: '男',
      birthDate: '1990-01-01',
      phone: '1380013800',
      joinedOn: '2020-01-05',
      employerName: '某某科技有限公司',
    },
    errors: [{ column: 'phone', message: '手机号码应为11位数字' }],
  },
  {
    row: 9,
    values: { name: '李四', idNumber: 110101199001011230, gender: '未知', cardNo: '6217000012345678901' },
    errors: [
      { column: '身份证号码', message: '身份证号被Excel存成了数字，末几位已丢失，请将该列设为文本后重新填写' },
      { column: 'gender', message: '性别应为“男”或“女”' },
      { column: 'gender', message: '与身份证号码不一致' },
      { column: '', message: '与第3行重复' },
    ],
  },
];

describe('writeErrorWorkbook', () => {
  it('round-trips through readRoster: rows and values survive, extra columns are ignored', async () => {
    const f = path.join(dir, 'e1.xlsx');
    await writeErrorWorkbook(fs.createWriteStream(f), MEMBER_COLUMNS, fromArray(ROWS));
    const { header, rows } = await collect(f, MEMBER_COLUMNS);
    expect(header.row).toBe(1);
    expect(header.missing).toEqual([]);
    expect(header.unknown).toEqual([SOURCE_ROW_HEADER, REASON_HEADER]);
    expect(Object.keys(header.mapping)).toHaveLength(MEMBER_COLUMNS.length);
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(rows[0].values).toMatchObject(ROWS[0].values as Record<string, string>);
    expect(rows[0].issues).toEqual([]);
    // The numeric ID comes back as text (so the user can see and fix it), not as a number.
    expect(rows[1].values).toMatchObject({ name: '李四', idNumber: '110101199001011230', gender: '未知', cardNo: '6217000012345678901' });
    expect(rows[1].issues).toEqual([]);
  });

  it('highlights the offending cells with a note and lists all reasons', async () => {
    const f = path.join(dir, 'e2.xlsx');
    await writeErrorWorkbook(fs.createWriteStream(f), MEMBER_COLUMNS, fromArray(ROWS));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.getWorksheet(ERROR_SHEET)!;
    expect(wb.worksheets).toHaveLength(1);
    const col = (key: string) => MEMBER_COLUMNS.findIndex((c) => c.key === key) + 3;
    const noteText = (cell: ExcelJS.Cell) => {
      const note = cell.note;
      return typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    };

    expect(ws.getCell(1, 1).value).toBe(SOURCE_ROW_HEADER);
    expect(ws.getCell(1, 2).value).toBe(REASON_HEADER);
    expect(ws.getCell(2, 1).value).toBe(5);
    expect(ws.getCell(2, 2).value).toBe('手机号码：手机号码应为11位数字');
    const phone = ws.getCell(2, col('phone'));
    expect((phone.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(noteText(phone)).toBe('手机号码应为11位数字');
    expect(ws.getCell(2, col('name')).fill).toBeUndefined();
    expect(ws.getCell(2, col('idNumber')).numFmt).toBe('@');

    expect(ws.getCell(3, 2).value).toBe(
      '身份证号码：身份证号被Excel存成了数字，末几位已丢失，请将该列设为文本后重新填写；性别：性别应为“男”或“女”；性别：与身份证号码不一致；与第3行重复',
    );
    expect(noteText(ws.getCell(3, col('gender')))).toBe('性别应为“男”或“女”\n与身份证号码不一致');
    expect((ws.getCell(3, col('idNumber')).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(ws.getCell(3, col('idNumber')).value).toBe('110101199001011230');
  });

  it('accepts back a roster that was read, failed and re-exported (reader → error workbook → reader)', async () => {
    const src = await writeFixture(path.join(dir, 'src.xlsx'), [
      ['会员花名册'],
      ['姓名', '身份证号码', '出生日期', '手机'],
      ['王五', '11010119900101123x', '1990年1月1日', 13800138000],
      ['赵六', 110101199001011230, '去年', '13900139000'],
    ]);
    const first = await collect(src, MEMBER_COLUMNS);
    const failed = first.rows
      .filter((r) => r.issues.length > 0)
      .map((r) => ({
        row: r.row,
        values: { ...r.raw, ...Object.fromEntries(Object.entries(r.values).filter(([, v]) => v !== null)) },
        errors: r.issues.map((i) => ({ column: i.key, message: i.message })),
      }));
    expect(failed).toHaveLength(1);
    const f = path.join(dir, 'e3.xlsx');
    await writeErrorWorkbook(fs.createWriteStream(f), MEMBER_COLUMNS, fromArray(failed));
    const again = await collect(f, MEMBER_COLUMNS);
    expect(again.rows).toHaveLength(1);
    expect(again.rows[0].values).toMatchObject({ name: '赵六', idNumber: '110101199001011230', phone: '13900139000' });
    expect(again.rows[0].issues.map((i) => i.code)).toEqual(['DATE_FORMAT']); // still '去年' until the user fixes it
  });

  it('writes an empty workbook (header only) when there are no rows', async () => {
    const f = path.join(dir, 'e4.xlsx');
    await writeErrorWorkbook(fs.createWriteStream(f), MEMBER_COLUMNS, fromArray([]));
    const { header, rows } = await collect(f, MEMBER_COLUMNS);
    expect(header.row).toBe(1);
    expect(rows).toEqual([]);
  });
});
