// The "rows that failed" workbook handed back after an import: the rejected
// rows with the original headers, each offending cell filled red with a note
// giving the reason, plus 原行号 (row number in the uploaded file) and 错误原因
// (all reasons of the row) columns. The user fixes the cells and uploads this
// very file again: readRoster ignores 原行号 / 错误原因 as unknown columns.
//
// Written with exceljs's streaming writer, so any number of rows fits in
// bounded memory.

import ExcelJS from 'exceljs';
import type { ColumnSpec } from './roster-reader.js';
import { parseDateInput } from '../../shared/dates.js';
import { numberToText, truncateForExcel, unwrapCellValue, isCellError, EXCEL_MAX_ROWS } from './cell-values.js';
import { yieldToOutput } from './stream-utils.js';

export const ERROR_SHEET = '错误数据';
export const SOURCE_ROW_HEADER = '原行号';
export const REASON_HEADER = '错误原因';

export interface ErrorRow {
  /** Row number in the uploaded file. */
  row: number;
  /** Cell values by column key (normalised or raw values both work). */
  values: Record<string, unknown>;
  /** `column` is a column key or its label; anything else is a row-level error, listed only under 错误原因. */
  errors: { column: string; message: string }[];
}

/**
 * Cell notes (comments) are capped: exceljs's streaming writer keeps all
 * comment XML in memory until the sheet is finished (its zip entry comes after
 * the sheet's), about 1 KB per note. Past the cap, offending cells are still
 * filled red and the reason is still in 错误原因.
 */
export const MAX_CELL_NOTES = 10_000;

const RED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const RED_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** Columns whose text must stay text (long digit strings). */
function isTextKind(col: ColumnSpec): boolean {
  return col.kind === 'id' || col.kind === 'phone' || col.kind === 'code';
}

function cellValue(v: unknown, col: ColumnSpec): string | number | boolean | null {
  const u = unwrapCellValue(v);
  if (u === null) return null;
  if (isCellError(u)) return u.error;
  if (u instanceof Date) return parseDateInput(u) ?? null;
  if (typeof u === 'number') return isTextKind(col) || col.kind === 'date' ? numberToText(u) : u;
  if (typeof u === 'string') return truncateForExcel(u);
  return u;
}

/**
 * Stream the error workbook to `out`; resolves once `out` has finished.
 * Sheet layout: 原行号 | 错误原因 | the columns of `columns`, header in row 1,
 * both frozen. Rows beyond Excel's sheet limit (1,048,575) are dropped; only
 * the first MAX_CELL_NOTES offending cells get a note.
 */
export async function writeErrorWorkbook(
  out: NodeJS.WritableStream,
  columns: ColumnSpec[],
  rows: AsyncIterable<ErrorRow>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as unknown as import('node:stream').Stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(ERROR_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1, activeCell: 'C2' }],
  });
  const offset = 2; // data columns start after 原行号 and 错误原因
  ws.columns = [
    { key: '__row', width: 8 },
    { key: '__reason', width: 40, style: { alignment: { wrapText: true, vertical: 'top' } } },
    ...columns.map((c) => ({
      key: c.key,
      width: Math.max(10, Math.min(30, c.label.length * 2 + 4)),
      style: isTextKind(c) ? { numFmt: '@' } : {},
    })),
  ];

  const header = ws.getRow(1);
  [SOURCE_ROW_HEADER, REASON_HEADER, ...columns.map((c) => c.label)].forEach((label, i) => {
    const cell = header.getCell(i + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.getCell(2).font = { bold: true, color: { argb: 'FFC00000' } };
  header.getCell(2).note = '修改标红的单元格后，可直接将本文件重新导入；本列和“原行号”列会被忽略。';
  header.commit();

  const byName = new Map<string, number>();
  columns.forEach((c, i) => {
    byName.set(c.key, i);
    if (!byName.has(c.label)) byName.set(c.label, i);
  });

  let r = 1;
  let notes = 0;
  for await (const item of rows) {
    if (r >= EXCEL_MAX_ROWS) break;
    r++;
    const row = ws.getRow(r);
    row.getCell(1).value = item.row;

    // Several errors can hit one cell; the note lists them all.
    const cellErrors = new Map<number, string[]>();
    const reasons: string[] = [];
    for (const e of item.errors) {
      const idx = byName.get(e.column);
      if (idx === undefined) {
        reasons.push(e.column ? `${e.column}：${e.message}` : e.message);
        continue;
      }
      reasons.push(`${columns[idx].label}：${e.message}`);
      const list = cellErrors.get(idx) ?? [];
      list.push(e.message);
      cellErrors.set(idx, list);
    }
    const reasonCell = row.getCell(2);
    reasonCell.value = truncateForExcel(reasons.join('；'));
    reasonCell.font = RED_FONT;

    columns.forEach((col, i) => {
      const cell = row.getCell(i + 1 + offset);
      const v = cellValue(item.values[col.key], col);
      if (v !== null) cell.value = v;
      const errs = cellErrors.get(i);
      if (errs) {
        cell.fill = RED_FILL;
        cell.font = RED_FONT;
        if (notes < MAX_CELL_NOTES) {
          cell.note = errs.join('\n');
          notes++;
        }
      }
    });
    row.commit();
    if (r % 200 === 0) await yieldToOutput(out, ws);
  }

  ws.commit();
  await wb.commit();
}
