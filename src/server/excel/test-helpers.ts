// Helpers for the Excel tests (not imported by production code).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readRoster, type ColumnSpec, type RosterEvent, type RosterHeaderEvent, type RosterRowEvent } from './roster-reader.js';

export function makeTmpDir(prefix = 'gonghui-excel-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Write a fixture workbook with the (non-streaming) exceljs API. `rows[i]`
 * becomes Excel row i + 1; `null` leaves the row out entirely. Values are
 * 0-based per column (column A = index 0).
 */
export async function writeFixture(
  file: string,
  rows: (unknown[] | null)[],
  setup?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  rows.forEach((values, i) => {
    if (!values) return;
    const row = ws.getRow(i + 1);
    values.forEach((v, c) => {
      if (v !== undefined) row.getCell(c + 1).value = v as ExcelJS.CellValue;
    });
  });
  setup?.(ws, wb);
  await wb.xlsx.writeFile(file);
  return file;
}

export async function collect(
  input: NodeJS.ReadableStream | string,
  columns: ColumnSpec[],
): Promise<{ header: RosterHeaderEvent; rows: RosterRowEvent[]; events: RosterEvent[] }> {
  const events: RosterEvent[] = [];
  for await (const ev of readRoster(input, columns)) events.push(ev);
  const header = events[0];
  if (!header || header.type !== 'header') throw new Error('first event is not the header');
  return { header, rows: events.filter((e): e is RosterRowEvent => e.type === 'row'), events };
}

export async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}
