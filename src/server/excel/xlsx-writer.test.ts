import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { MEMBER_COLUMNS } from './roster-reader.js';
import { writeSheet, type SheetHeader } from './xlsx-writer.js';
import { collect, fromArray, makeTmpDir } from './test-helpers.js';

const dir = makeTmpDir('gonghui-export-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeSheet', () => {
  it('writes a bold frozen header, text format for string columns, and all rows', async () => {
    const headers: SheetHeader[] = [
      { key: 'name', label: '姓名' },
      { key: 'idNumber', label: '身份证号码', width: 22 },
      { key: 'age', label: '年龄' },
      { key: 'joinedOn', label: '入会时间' },
      { key: 'note', label: '备注', kind: 'text' },
    ];
    const data = Array.from({ length: 1200 }, (_, i) => ({
      name: `会员${i}`,
      idNumber: `11010119900101${String(i).padStart(4, '0')}`,
      age: 20 + (i % 40),
      joinedOn: i % 2 ? new Date(Date.UTC(2020, 0, 5)) : '2021-02-03',
      note: i === 0 ? null : undefined,
      ignored: 'x',
    }));
    const f = path.join(dir, 'x1.xlsx');
    const count = await writeSheet(fs.createWriteStream(f), '会员/名单:2024', headers, fromArray(data));
    expect(count).toBe(1200);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('会员_名单_2024');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '身份证号码', '年龄', '入会时间', '备注']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getColumn(1).numFmt).toBe('@');
    expect(ws.getColumn(2).numFmt).toBe('@');
    expect(ws.getColumn(2).width).toBe(22);
    expect(ws.getColumn(3).numFmt).toBeUndefined();
    expect(ws.getColumn(5).numFmt).toBe('@');
    expect(ws.rowCount).toBe(1201);
    expect(ws.getRow(2).values).toEqual([undefined, '会员0', '110101199001010000', 20, '2021-02-03']);
    expect(ws.getRow(3).getCell(4).value).toBe('2020-01-05');
    expect(ws.getRow(1201).getCell(2).value).toBe('110101199001011199');
  });

  it('exports in a form the roster reader imports again', async () => {
    const headers = MEMBER_COLUMNS.map((c) => ({ key: c.key, label: c.label }));
    const members = [
      { name: '张三', idNumber: '11010119900101123X', gender: '男', phone: '13800138000', joinedOn: '2020-01-05' },
      { name: '李四', idNumber: '110101199001011234', gender: '女', birthDate: '1990-01-01' },
    ];
    const f = path.join(dir, 'x2.xlsx');
    await writeSheet(fs.createWriteStream(f), '会员', headers, fromArray(members));
    const { header, rows } = await collect(f, MEMBER_COLUMNS);
    expect(header.missing).toEqual([]);
    expect(rows.map((r) => r.values)).toEqual(
      members.map((m) => ({ ...Object.fromEntries(MEMBER_COLUMNS.map((c) => [c.key, null])), ...m })),
    );
  });

  it('writes to a slow consumer without losing data', async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    const chunks: Buffer[] = [];
    const consumed = (async () => {
      for await (const chunk of out) {
        chunks.push(chunk as Buffer);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const data = Array.from({ length: 5000 }, (_, i) => ({ n: i, s: `第${i}行` }));
    await writeSheet(out, '数据', [{ key: 'n', label: '序号' }, { key: 's', label: '内容' }], fromArray(data));
    await consumed;
    const f = path.join(dir, 'x3.xlsx');
    fs.writeFileSync(f, Buffer.concat(chunks));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    expect(wb.worksheets[0].rowCount).toBe(5001);
    expect(wb.worksheets[0].getCell('B5001').value).toBe('第4999行');
  });
});
