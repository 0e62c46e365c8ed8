import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { MEMBER_COLUMNS, RosterFormatError, normalizeHeader, readRoster, type ColumnSpec } from './roster-reader.js';
import { collect, makeTmpDir, writeFixture } from './test-helpers.js';

const dir = makeTmpDir('gonghui-roster-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = () => path.join(dir, `f${++n}.xlsx`);

const HEADER = ['序号', '姓名', '身份证号码', '性别', '出生日期', '手机号码', '入会时间'];

describe('normalizeHeader', () => {
  it.each([
    ['*姓名', '姓名'],
    ['＊姓名', '姓名'],
    ['姓 名', '姓名'],
    ['姓\u3000名', '姓名'],
    ['身份证号码（必填）', '身份证号码'],
    ['身份证号码(必填)', '身份证号码'],
    ['出生日期（格式：2020-01-05）', '出生日期'],
    ['出生日期(yyyy-mm-dd)', '出生日期'],
    ['手机号码：', '手机号码'],
    ['*身份证号码\n(18位)', '身份证号码'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});

describe('readRoster: header detection', () => {
  it('skips title rows above the header and maps columns by label', async () => {
    const f = await writeFixture(
      file(),
      [
        ['某某公司工会会员花名册'],
        ['填报单位：某某公司工会', undefined, undefined, '填报日期：2024年5月'],
        HEADER,
        [1, '张三', '110101199001011234', '男', '1990-01-01', '13800138000', '2020-01-05'],
      ],
      (ws) => ws.mergeCells('A1:G1'),
    );
    const { header, rows, events } = await collect(f, MEMBER_COLUMNS);
    expect(events[0].type).toBe('header');
    expect(header.row).toBe(3);
    expect(header.sheet).toBe('花名册');
    expect(header.mapping).toEqual({ name: 2, idNumber: 3, gender: 4, birthDate: 5, phone: 6, joinedOn: 7 });
    expect(header.missing).toEqual([]);
    expect(header.unknown).toEqual(['序号']);
    expect(rows).toHaveLength(1);
    expect(rows[0].row).toBe(4);
    expect(rows[0].values).toMatchObject({
      name: '张三',
      idNumber: '110101199001011234',
      gender: '男',
      birthDate: '1990-01-01',
      phone: '13800138000',
      joinedOn: '2020-01-05',
      ethnicity: null,
    });
    // every column key is present, mapped or not
    expect(Object.keys(rows[0].values).sort()).toEqual(MEMBER_COLUMNS.map((c) => c.key).sort());
    expect(rows[0].issues).toEqual([]);
  });

  it.each([
    ['身份证号', '手机', '入会时间'],
    ['身份证号码', '手机号码', '入会日期'],
    ['公民身份号码', '联系电话', '入会时间'],
  ])('accepts header variants %s / %s / %s', async (idHeader, phoneHeader, joinedHeader) => {
    const f = await writeFixture(file(), [
      ['姓名', idHeader, phoneHeader, joinedHeader],
      ['李四', '110101199001011234', '13900139000', '2019-03-08'],
    ]);
    const { header, rows } = await collect(f, MEMBER_COLUMNS);
    expect(header.mapping).toEqual({ name: 1, idNumber: 2, phone: 3, joinedOn: 4 });
    expect(header.unknown).toEqual([]);
    expect(rows[0].values).toMatchObject({
      idNumber: '110101199001011234',
      phone: '13900139000',
      joinedOn: '2019-03-08',
    });
  });

  it('accepts decorated headers: * marks, (必填), notes in brackets, full-width and inner spaces', async () => {
    const f = await writeFixture(file(), [
      ['＊姓　名', '*身份证号码（必填）', '出生日期(格式：2020-01-05)', ' 联系电话 ', '工作单位'],
      ['王五', '110101199001011234', '1990-01-01', '13700137000', '某某公司'],
    ]);
    const { header } = await collect(f, MEMBER_COLUMNS);
    expect(header.mapping).toEqual({ name: 1, idNumber: 2, birthDate: 3, phone: 4, employerName: 5 });
  });

  it('accepts a rich-text header (red * on a required column)', async () => {
    const f = await writeFixture(file(), [
      [
        { richText: [{ text: '*', font: { color: { argb: 'FFFF0000' } } }, { text: '姓名' }] },
        { richText: [{ text: '*' }, { text: '身份证号码' }] },
      ],
      ['赵六', '110101199001011234'],
    ]);
    const { header, rows } = await collect(f, MEMBER_COLUMNS);
    expect(header.mapping).toEqual({ name: 1, idNumber: 2 });
    expect(rows[0].values.name).toBe('赵六');
  });

  it('reports missing required columns and unknown headers', async () => {
    const f = await writeFixture(file(), [
      ['姓名', '性别', '手机', '爱好'],
      ['张三', '男', '13800138000', '篮球'],
    ]);
    const { header, rows } = await collect(f, MEMBER_COLUMNS);
    expect(header.missing).toEqual(['idNumber']);
    expect(header.unknown).toEqual(['爱好']);
    expect(rows).toHaveLength(1);
    expect(rows[0].values.idNumber).toBeNull();
  });

  it('the first of two columns matching the same key wins; the second is listed as unknown', async () => {
    const f = await writeFixture(file(), [
      ['姓名', '手机', '联系电话'],
      ['张三', '13800138000', '010-69041234'],
    ]);
    const { header, rows } = await collect(f, MEMBER_COLUMNS);
    expect(header.mapping.phone).toBe(2);
    expect(header.unknown).toEqual(['联系电话']);
    expect(rows[0].values.phone).toBe('13800138000');
  });

  it('yields a header with row 0 and nothing else when no header is found in the first 20 rows', async () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < 25; i++) rows.push([`说明${i}`]);
    rows.push(['姓名', '身份证号码']);
    rows.push(['张三', '110101199001011234']);
    const f = await writeFixture(file(), rows);
    const { header, events } = await collect(f, MEMBER_COLUMNS);
    expect(events).toHaveLength(1);
    expect(header).toMatchObject({ row: 0, mapping: {}, missing: ['name', 'idNumber'] });
  });

  it('needs at least two recognised headers (a lone 姓名 in a title row is not a header)', async () => {
    const f = await writeFixture(file(), [
      ['姓名'],
      ['姓名', '身份证号码'],
      ['张三', '110101199001011234'],
    ]);
    const { header, rows } = await collect(f, MEMBER_COLUMNS);
    expect(header.row).toBe(2);
    expect(rows.map((r) => r.row)).toEqual([3]);
  });

  it('yields a row-0 header for an empty sheet', async () => {
    const f = await writeFixture(file(), []);
    const { header, events } = await collect(f, MEMBER_COLUMNS);
    expect(events).toHaveLength(1);
    expect(header.row).toBe(0);
  });
});

describe('readRoster: values', () => {
  it('parses dates written as text in the three forms and as real Excel dates', async () => {
    const f = await writeFixture(file(), [
      ['姓名', '身份证号码', '出生日期', '入会时间'],
      ['甲', '110101199001011234', '2020-01-05', '2020-01-05'],
      ['乙', '110101199001011234', '2020/1/5', '2020/01/05'],
      ['丙', '110101199001011234', '2020年1月5日', '2020 年 1 月 5 日'],
      ['丁', '110101199001011234', new Date(Date.UTC(2020, 0, 5)), new Date(Date.UTC(2020, 0, 5))],
      ['戊', '110101199001011234', 43835, 20200105], // a bare serial; 20200105 typed into a General cell
      ['己', '110101199001011234', '２０２０－０１－０５', '2015年3月'], // full-width; year-month allowed for 入会时间
    ]);
    const { rows } = await collect(f, MEMBER_COLUMNS);
    expect(rows.map((r) => r.values.birthDate)).toEqual(Array(6).fill('2020-01-05'));
    expect(rows.map((r) => r.values.joinedOn)).toEqual([...Array(5).fill('2020-01-05'), '2015-03-01']);
    expect(rows.every((r) => r.issues.length === 0)).toBe(true);
  });

  it('honours the 1904 date system', async () => {
    const f = await writeFixture(
      file(),
      [
        ['姓名', '身份证号码', '出生日期'],
        ['甲', '110101199001011234', 43835 - 1462],
      ],
      (_ws, wb) => {
        wb.properties.date1904 = true;
      },
    );
    const { rows } = await collect(f, MEMBER_COLUMNS);
    expect(rows[0].values.birthDate).toBe('2020-01-05');
  });

  it('reports DATE_FORMAT for unparseable dates, and year-month only where allowed', async () => {
    const f = await writeFixture(file(), [
      ['姓名', '身份证号码', '出生日期', '入会时间'],
      ['甲', '110101199001011234', '去年', '2020-02-30'],
      ['乙', '110101199001011234', '1990年1月', ''],
    ]);
    const { rows } = await collect(f, MEMBER_COLUMNS);
    expect(rows[0].values.birthDate).toBeNull();
    expect(rows[0].values.joinedOn).toBeNull();
    expect(rows[0].issues.map((i) => [i.key, i.code])).toEqual([
      ['birthDate', 'DATE_FORMAT'],
      ['joinedOn', 'DATE_FORMAT'],
    ]);
    expect(rows[0].issues[0]).toMatchObject({
      column: '出生日期',
      message: '日期格式无法识别（示例：2020-01-05）',
    });
    expect(rows[0].issues[0].messageEn).toMatch(/date/i);
    expect(rows[0].raw.birthDate).toBe('去年');
    expect(rows[1].issues.map((i) => i.key)).toEqual(['birthDate']);
    expect(rows[1].values.joinedOn).toBeNull(); // empty, not an error
  });

  it('folds full-width digits and letters, removes spaces in IDs and phones, upper-cases x', async () => {
    const f = await writeFixture(file(), [
      ['姓名', '身份证号码', '手机号码', '工作单位', '统一社会信用代码', '会员卡号'],
      ['　张三 ', '１１０１０１　１９９００１０１１２３ｘ', '１３８ ００１３－８０００', 'ＡＢＣ　 科技  有限公司', '91110228ma01abcd2x', '6217 0000 1234 5678 901'],
      ['李四', ' 110101199001011234 ', '138-0013-8000', '某某公司', '', ''],
      ['王五', '11010119900101123x', '+86 138 0013 8000', '某某公司', '', ''],
      ['赵六', '‘11010119900101123x', '13800138000', '某某公司', '', ''], // Chinese-IME quote typed before the ID
    ]);
    const { rows } = await collect(f, MEMBER_COLUMNS);
    expect(rows[0].values).toMatchObject({
      name: '张三',
      idNumber: '11010119900101123X',
      phone: '13800138000',
      employerName: 'ABC 科技 有限公司',
      employerCreditCode: '91110228MA01ABCD2X',
      cardNo: '6217000012345678901',
    });
    expect(rows[1].values.idNumber).toBe('110101199001011234');
    expect(rows[1].values.phone).toBe('13800138000');
    expect(rows[2].values.idNumber).toBe('11010119900101123X');
    expect(rows[2].values.phone).toBe('+8613800138000');
    expect(rows[3].values.idNumber).toBe('11010119900101123X');
    expect(rows.every((r) => r.issues.length === 0)).toBe(true);
  });

  it('reports ID_NUMERIC for an ID stored as a number and does not convert it', async () => {
    const f = await writeFixture(file(), [
      ['姓名', '身份证号码', '手机号码'],
      ['张三', 110101199001011230, 13800138000],
    ]);
    const { rows } = await collect(f, MEMBER_COLUMNS);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row.values.idNumber).toBeNull();
    expect(row.raw.idNumber).toBe(110101199001011230);
    expect(row.values.phone).toBe('13800138000'); // an 11-digit number is exact
    expect(row.issues).toEqual([
      {
        key: 'idNumber',
        column: '身份证号码',
        code: 'ID_NUMERIC',
        message: '身份证号被Excel存成了数字，末几位已丢失，请将该列设为文本后重新填写',
        messageEn: expect.stringMatching(/number/),
      },
    ]);
  });

  it('writes numbers in text columns without exponent and refuses long numeric card numbers', async () => {
    const f = await writeFixture(file(), [
      ['姓名', '身份证号码', '职业', '技能等级', '会员卡号'],
      ['张三', '110101199001011234', 1e21, 3, 6217000012345678000],
      ['李四', '110101199001011234', 0.0000001, 2.5, 12345678],
    ]);
    const { rows } = await collect(f, MEMBER_COLUMNS);
    expect(rows[0].values.occupation).toBe('1000000000000000000000');
    expect(rows[0].values.skillLevel).toBe('3');
    expect(rows[0].values.cardNo).toBeNull();
    expect(rows[0].issues.map((i) => [i.key, i.code])).toEqual([['cardNo', 'NUMBER_TOO_LONG']]);
    expect(rows[1].values.occupation).toBe('0.0000001');
    expect(rows[1].values.skillLevel).toBe('2.5');
    expect(rows[1].values.cardNo).toBe('12345678');
  });

  it('takes the text of rich text, formula results and hyperlinks; flags error values', async () => {
    const f = await writeFixture(file(), [
      ['姓名', '身份证号码', '工作单位', '职业', '性别'],
      [
        { richText: [{ text: '张', font: { bold: true } }, { text: '三' }] },
        { formula: 'CONCATENATE("1101011990","01011234")', result: '110101199001011234' },
        { text: '某某公司', hyperlink: 'https://example.com' },
        { formula: '1+1', result: 2 },
        { error: '#N/A' },
      ],
    ]);
    const { rows } = await collect(f, MEMBER_COLUMNS);
    expect(rows[0].values).toMatchObject({
      name: '张三',
      idNumber: '110101199001011234',
      employerName: '某某公司',
      occupation: '2',
      gender: null,
    });
    expect(rows[0].issues.map((i) => [i.key, i.code])).toEqual([['gender', 'CELL_ERROR']]);
    expect(rows[0].issues[0].message).toContain('#N/A');
  });

  it('maps booleans to 是/否', async () => {
    const f = await writeFixture(file(), [
      ['姓名', '身份证号码', '是否农民工', '是否劳模'],
      ['张三', '110101199001011234', true, false],
    ]);
    const { rows } = await collect(f, MEMBER_COLUMNS);
    expect(rows[0].values).toMatchObject({ isMigrant: '是', isModelWorker: '否' });
  });

  it('skips blank rows silently while row numbers stay the Excel row numbers', async () => {
    const f = await writeFixture(file(), [
      ['会员花名册'],
      ['姓名', '身份证号码', '备注'],
      ['张三', '110101199001011234', ''],
      null, // row 4 does not exist in the file
      ['', '   '], // row 5: empty and whitespace-only cells
      [undefined, undefined, '只有备注'], // row 6: only an unmapped column is filled
      ['　', '\u00a0'], // row 7: ideographic space / NBSP
      ['李四', '110101199001011235'],
      null,
      [undefined, '110101199001011236'], // row 10: name missing but not blank
    ]);
    const { rows } = await collect(f, MEMBER_COLUMNS);
    expect(rows.map((r) => r.row)).toEqual([3, 8, 10]);
    expect(rows[2].values.name).toBeNull();
    expect(rows[2].values.idNumber).toBe('110101199001011236');
  });

  it('decodes Excel _xHHHH_ escapes in strings', async () => {
    const f = await writeFixture(file(), [
      ['姓名', '身份证号码', '工作单位'],
      ['张三', '110101199001011234', '某某_x000D_公司'],
    ]);
    const { rows } = await collect(f, MEMBER_COLUMNS);
    expect(rows[0].values.employerName).toBe('某某 公司');
  });
});

describe('readRoster: workbook handling', () => {
  it('reads only the first visible worksheet', async () => {
    const f = file();
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
    hidden.addRow(['姓名', '身份证号码']);
    hidden.addRow(['隐藏的人', '110101199001011239']);
    const first = wb.addWorksheet('花名册');
    first.addRow(['姓名', '身份证号码']);
    first.addRow(['张三', '110101199001011234']);
    const second = wb.addWorksheet('第二页');
    second.addRow(['姓名', '身份证号码']);
    second.addRow(['李四', '110101199001011235']);
    await wb.xlsx.writeFile(f);
    const { header, rows } = await collect(f, MEMBER_COLUMNS);
    expect(header.sheet).toBe('花名册');
    expect(rows.map((r) => r.values.name)).toEqual(['张三']);
  });

  it('reads a workbook whose worksheets come before workbook.xml in the zip', async () => {
    // Other software (and exceljs itself, now and then) writes zip entries in
    // another order; the sheet's name and hidden state must still be known.
    const f = file();
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
    hidden.addRow(['姓名', '身份证号码']);
    hidden.addRow(['隐藏的人', '110101199001011239']);
    const first = wb.addWorksheet('花名册');
    first.addRow(['姓名', '身份证号码']);
    first.addRow(['张三', '110101199001011234']);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const names = Object.keys(zip.files);
    const rank = (n: string) => (n.startsWith('xl/worksheets/') ? 1 : n === 'xl/workbook.xml' ? 2 : 0);
    const reordered = new JSZip();
    for (const n of [...names].sort((a, b) => rank(a) - rank(b))) {
      if (!zip.files[n].dir) reordered.file(n, await zip.files[n].async('uint8array'));
    }
    const order = Object.keys(reordered.files);
    expect(order.indexOf('xl/workbook.xml')).toBeGreaterThan(order.indexOf('xl/worksheets/sheet2.xml'));
    fs.writeFileSync(f, await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const { header, rows } = await collect(f, MEMBER_COLUMNS);
    expect(header.sheet).toBe('花名册');
    expect(rows.map((r) => r.values.name)).toEqual(['张三']);
  });

  it('reads from a stream and drains it', async () => {
    const f = await writeFixture(file(), [
      ['姓名', '身份证号码'],
      ['张三', '110101199001011234'],
    ]);
    const stream = fs.createReadStream(f);
    const { rows } = await collect(stream, MEMBER_COLUMNS);
    expect(rows).toHaveLength(1);
    await new Promise<void>((resolve) =>
      stream.readableEnded || stream.destroyed ? resolve() : stream.once('close', () => resolve()),
    );
    expect(stream.readableEnded || stream.destroyed).toBe(true);
  });

  it('can be abandoned early by the consumer', async () => {
    const rows: unknown[][] = [['姓名', '身份证号码']];
    for (let i = 0; i < 2000; i++) rows.push([`会员${i}`, `11010119900101${String(i).padStart(4, '0')}`]);
    const f = await writeFixture(file(), rows);
    let seen = 0;
    for await (const ev of readRoster(f, MEMBER_COLUMNS)) {
      if (ev.type === 'row' && ++seen === 10) break;
    }
    expect(seen).toBe(10);
  });

  it('works with any ColumnSpec list', async () => {
    const cols: ColumnSpec[] = [
      { key: 'orgName', label: '工会名称', aliases: ['基层工会名称'], required: true },
      { key: 'founded', label: '成立日期', aliases: ['建会日期'], kind: 'date' },
    ];
    const f = await writeFixture(file(), [
      ['基层工会名称', '建会日期', '会员数'],
      ['某某公司工会', '2008年10月1日', 35],
    ]);
    const { header, rows } = await collect(f, cols);
    expect(header).toMatchObject({ mapping: { orgName: 1, founded: 2 }, missing: [], unknown: ['会员数'] });
    expect(rows[0].values).toEqual({ orgName: '某某公司工会', founded: '2008-10-01' });
  });

  it('throws RosterFormatError for a file that is not an .xlsx', async () => {
    const f = path.join(dir, 'not.xlsx');
    fs.writeFileSync(f, Buffer.from('D0CF11E0A1B11AE1000000000000000000000000', 'hex')); // an OLE2 (.xls) signature
    await expect(collect(f, MEMBER_COLUMNS)).rejects.toBeInstanceOf(RosterFormatError);
    const empty = path.join(dir, 'empty.xlsx');
    fs.writeFileSync(empty, '');
    await expect(collect(empty, MEMBER_COLUMNS)).rejects.toMatchObject({ code: 'NOT_XLSX' });
  });
});

describe('MEMBER_COLUMNS', () => {
  it('has unique keys, name and idNumber required', () => {
    const keys = MEMBER_COLUMNS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(21);
    expect(MEMBER_COLUMNS.filter((c) => c.required).map((c) => c.key)).toEqual(['name', 'idNumber']);
  });

  it('no alias is claimed by two columns', () => {
    const seen = new Map<string, string>();
    for (const c of MEMBER_COLUMNS) {
      for (const a of new Set([c.label, ...c.aliases].map(normalizeHeader))) {
        expect(seen.get(a), `${a} claimed by ${seen.get(a)} and ${c.key}`).toBeUndefined();
        seen.set(a, c.key);
      }
    }
  });
});
