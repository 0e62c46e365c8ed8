// Generic streaming .xlsx export (roster exports and other lists): one sheet,
// bold frozen header row, rows streamed from an async iterable so exports of
// any size run in bounded memory.

import ExcelJS from 'exceljs';
import { parseDateInput } from '../../shared/dates.js';
import { EXCEL_MAX_ROWS, isCellError, safeSheetName, truncateForExcel, unwrapCellValue } from './cell-values.js';
import { yieldToOutput } from './stream-utils.js';

export interface SheetHeader {
  key: string;
  label: string;
  /** Column width in characters; defaults from the label. */
  width?: number;
  /**
   * text: cells formatted '@' so Excel keeps ID numbers and phone numbers as
   * typed when the user edits them. number / general: no format. Defaults to
   * text when every non-empty value among the first rows is a string.
   */
  kind?: 'text' | 'number' | 'general';
}

/** Rows inspected to guess a column's kind when `kind` is not given. */
const SNIFF_ROWS = 100;

function toCell(v: unknown): string | number | boolean | null {
  const u = unwrapCellValue(v);
  if (u === null) return null;
  if (isCellError(u)) return u.error;
  // Dates travel as 'YYYY-MM-DD' strings in this project; a Date is written the same way.
  if (u instanceof Date) return parseDateInput(u);
  if (typeof u === 'string') return truncateForExcel(u);
  return u;
}

/**
 * Stream one sheet of rows to `out` as .xlsx; resolves once `out` has
 * finished. Values: strings, numbers, booleans, Dates (written as
 * 'YYYY-MM-DD' text), null/undefined (empty). More rows than one Excel sheet
 * holds continue on sheets named "<sheetName> (2)", "(3)", … with the same header.
 * Returns the number of data rows written.
 */
export async function writeSheet(
  out: NodeJS.WritableStream,
  sheetName: string,
  headers: SheetHeader[],
  rows: AsyncIterable<Record<string, unknown>>,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as unknown as import('node:stream').Stream,
    useStyles: true,
    useSharedStrings: false,
  });

  const iterator = rows[Symbol.asyncIterator]();
  // Buffer a few rows to guess column kinds before the column styles must be written.
  const head: Record<string, unknown>[] = [];
  let done = false;
  while (head.length < SNIFF_ROWS) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
  }
  const kinds = headers.map((h) => {
    if (h.kind) return h.kind;
    let strings = 0;
    for (const r of head) {
      const v = toCell(r[h.key]);
      if (v === null) continue;
      if (typeof v !== 'string') return 'general';
      strings++;
    }
    return strings > 0 ? 'text' : 'general';
  });

  const base = safeSheetName(sheetName);
  let sheetNo = 0;
  let ws!: ExcelJS.Worksheet;
  let r = 0;
  const openSheet = () => {
    sheetNo++;
    const suffix = sheetNo === 1 ? '' : ` (${sheetNo})`;
    ws = wb.addWorksheet(base.slice(0, 31 - suffix.length) + suffix, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    });
    ws.columns = headers.map((h, i) => ({
      key: h.key,
      width: h.width ?? Math.max(10, Math.min(40, h.label.length * 2 + 4)),
      style: kinds[i] === 'text' ? { numFmt: '@' } : {},
    }));
    const header = ws.getRow(1);
    headers.forEach((h, i) => {
      const cell = header.getCell(i + 1);
      cell.value = h.label;
      cell.font = { bold: true };
      cell.alignment = { vertical: 'middle' };
    });
    header.commit();
    r = 1;
  };
  openSheet();

  let written = 0;
  const writeRow = async (data: Record<string, unknown>) => {
    if (r >= EXCEL_MAX_ROWS) {
      ws.commit();
      openSheet();
    }
    r++;
    const row = ws.getRow(r);
    headers.forEach((h, i) => {
      const v = toCell(data[h.key]);
      if (v !== null) row.getCell(i + 1).value = v;
    });
    row.commit();
    written++;
    if (written % 200 === 0) await yieldToOutput(out, ws);
  };

  try {
    for (const data of head) await writeRow(data);
    while (!done) {
      const next = await iterator.next();
      if (next.done) done = true;
      else await writeRow(next.value);
    }
  } finally {
    if (!done) await iterator.return?.();
  }

  ws.commit();
  await wb.commit();
  return written;
}
