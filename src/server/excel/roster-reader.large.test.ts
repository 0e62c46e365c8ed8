// Regression test for exceljs's streaming reader garbling Chinese text when a
// multi-byte UTF-8 character straddles a chunk boundary (exceljs issues
// #2063 / #2084 / #2316), fixed by patches/exceljs+4.4.0.patch. Without the
// patch some of these 100,000 rows come back with U+FFFD in them.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { MEMBER_COLUMNS, readRoster } from './roster-reader.js';
import { makeTmpDir } from './test-helpers.js';

const dir = makeTmpDir('gonghui-large-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NAMES = ['张三丰', '李四', '王小明', '欧阳娜娜', '司马相如'];
const GENDERS = ['男', '女'];
const idOf = (i: number) => `110228${19500101 + (i % 500000)}${String(i % 10000).padStart(4, '0')}`;

async function writeLarge(
  file: string,
  rows: number,
  useSharedStrings: boolean,
  nameOf: (i: number) => string,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings, useStyles: false });
  const ws = wb.addWorksheet('会员花名册');
  ws.addRow(['密云区某某公司工会会员花名册']).commit();
  ws.addRow(['序号', '姓名', '身份证号码', '性别', '工作单位']).commit();
  for (let i = 0; i < rows; i++) {
    ws.addRow([i + 1, nameOf(i), idOf(i), GENDERS[i % 2], '北京市密云区某某科技有限公司']).commit();
  }
  ws.commit();
  await wb.commit();
}

async function readBack(file: string, rows: number, nameOf: (i: number) => string) {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  let count = 0;
  const bad: string[] = [];
  try {
    for await (const ev of readRoster(file, MEMBER_COLUMNS)) {
      if (ev.type === 'header') {
        expect(ev.row).toBe(2);
        continue;
      }
      const i = count++;
      const v = ev.values;
      if (
        ev.row !== i + 3 ||
        v.name !== nameOf(i) ||
        v.gender !== GENDERS[i % 2] ||
        v.idNumber !== idOf(i) ||
        v.employerName !== '北京市密云区某某科技有限公司' ||
        ev.issues.length > 0
      ) {
        if (bad.length < 5) bad.push(`row ${ev.row}: ${JSON.stringify(v)}`);
      }
      if (count % 5000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  expect(bad).toEqual([]);
  expect(count).toBe(rows);
  return { seconds, peakRssMb: Math.round(peakRss / 2 ** 20) };
}

describe('readRoster on large files', () => {
  it('reads 100,000 rows of Chinese text back exactly (inline strings)', async () => {
    const file = path.join(dir, 'large-inline.xlsx');
    const rows = 100_000;
    const nameOf = (i: number) => NAMES[i % NAMES.length];
    const t0 = performance.now();
    await writeLarge(file, rows, false, nameOf);
    const writeSeconds = (performance.now() - t0) / 1000;
    const { seconds, peakRssMb } = await readBack(file, rows, nameOf);
    console.log(
      `[excel] 100k rows, inline strings: file ${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MB, ` +
        `write ${writeSeconds.toFixed(1)} s, read ${seconds.toFixed(1)} s, peak RSS ${peakRssMb} MB`,
    );
  }, 120_000);

  it('reads 30,000 distinct Chinese shared strings back exactly', async () => {
    const file = path.join(dir, 'large-shared.xlsx');
    const rows = 30_000;
    const nameOf = (i: number) => `${NAMES[i % NAMES.length]}${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i}`;
    await writeLarge(file, rows, true, nameOf);
    const { seconds, peakRssMb } = await readBack(file, rows, nameOf);
    console.log(`[excel] 30k rows, shared strings: read ${seconds.toFixed(1)} s, peak RSS ${peakRssMb} MB`);
  }, 120_000);
});
