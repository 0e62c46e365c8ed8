// Streaming reader for member rosters (花名册) uploaded as .xlsx.
//
// Reads only the first worksheet, row by row, through exceljs's streaming
// WorkbookReader: memory stays bounded whatever the row count (the only thing
// that grows is the shared-strings table, i.e. the workbook's distinct texts).
// The header row is found by content, not position, so title rows above it are
// fine; columns are matched by label/alias, so their order does not matter.
//
// This module only normalises cell values (full-width folding, dates, numbers
// as text). Business validation — ID checksums, code lists, duplicates — belongs
// to the members module.

import fs from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cleanCell, foldFullWidth } from '../../shared/text.js';
import { parseDateInput } from '../../shared/dates.js';
import { isCellError, numberToText, decodeExcelEscapes, unwrapCellValue } from './cell-values.js';

/**
 * text: cleanCell'ed string. id: 身份证号 — full-width folded, spaces removed,
 * x → X, numbers refused. code: credit codes and card numbers — like id but
 * every letter upper-cased, long numbers refused. phone: spaces and dashes
 * removed. date: 'YYYY-MM-DD'.
 */
export type ColumnKind = 'text' | 'date' | 'id' | 'phone' | 'code';

export interface ColumnSpec {
  key: string;
  /** Canonical Chinese header, as written in the template. */
  label: string;
  /** Other headers accepted for this column (the label itself need not be repeated). */
  aliases: string[];
  required?: boolean;
  kind?: ColumnKind;
  /** date kind only: also accept a year and month ('2015年3月', '2015-03', '2015.3') as the 1st of that month. */
  allowYearMonth?: boolean;
}

export interface RosterIssue {
  key: string;
  /** The column's canonical header label. */
  column: string;
  code: 'ID_NUMERIC' | 'NUMBER_TOO_LONG' | 'DATE_FORMAT' | 'CELL_ERROR' | (string & {});
  message: string;
  messageEn: string;
}

export interface RosterHeaderEvent {
  type: 'header';
  /** 1-based Excel row number of the header; 0 when no header row was found. */
  row: number;
  /** Worksheet name the roster was read from ('' when the workbook has no worksheet). */
  sheet: string;
  /** key → 1-based column number. */
  mapping: Record<string, number>;
  /** Required keys with no matching column. */
  missing: string[];
  /** Non-empty header cells that matched no column (or repeated an already mapped one); ignored. */
  unknown: string[];
}

export interface RosterRowEvent {
  type: 'row';
  /** 1-based Excel row number. */
  row: number;
  /** Normalised value per column key (every key of `columns`); null when empty or refused. */
  values: Record<string, string | null>;
  /** The cell value after unwrapping rich text / formulas / hyperlinks; null when empty. */
  raw: Record<string, unknown>;
  issues: RosterIssue[];
}

export type RosterEvent = RosterHeaderEvent | RosterRowEvent;

/** How many rows from the top are searched for the header row. */
export const HEADER_SEARCH_ROWS = 20;

/** Columns of the member roster import (会员花名册). */
export const MEMBER_COLUMNS: ColumnSpec[] = [
  { key: 'name', label: '姓名', aliases: ['姓名', '名字', '会员姓名', '职工姓名'], required: true },
  {
    key: 'idNumber',
    label: '身份证号码',
    aliases: ['身份证号', '身份证号码', '公民身份号码', '身份证', '证件号码', '居民身份证号码'],
    required: true,
    kind: 'id',
  },
  { key: 'gender', label: '性别', aliases: ['性别'] },
  { key: 'ethnicity', label: '民族', aliases: ['民族'] },
  { key: 'birthDate', label: '出生日期', aliases: ['出生日期'], kind: 'date' },
  { key: 'education', label: '学历', aliases: ['学历', '文化程度'] },
  { key: 'political', label: '政治面貌', aliases: ['政治面貌'] },
  { key: 'householdType', label: '户籍类型', aliases: ['户籍类型', '户口类型', '户籍性质'] },
  { key: 'phone', label: '手机号码', aliases: ['手机', '手机号', '手机号码', '联系电话', '电话'], kind: 'phone' },
  {
    key: 'employerCreditCode',
    label: '工作单位统一社会信用代码',
    aliases: ['工作单位统一社会信用代码', '单位信用代码', '统一社会信用代码'],
    kind: 'code',
  },
  { key: 'employerName', label: '工作单位', aliases: ['工作单位', '单位名称', '所在单位'] },
  { key: 'employmentStatus', label: '就业状态', aliases: ['就业状态', '职工类别'] },
  { key: 'occupation', label: '职业', aliases: ['职业'] },
  { key: 'skillLevel', label: '技能等级', aliases: ['技能等级'] },
  {
    key: 'joinedOn',
    label: '入会时间',
    aliases: ['入会时间', '入会日期', '入会年月'],
    kind: 'date',
    allowYearMonth: true,
  },
  { key: 'joinMethod', label: '入会方式', aliases: ['入会方式'] },
  { key: 'cardNo', label: '会员卡号', aliases: ['会员卡号', '会员证号', '京卡号'], kind: 'code' },
  { key: 'isMigrant', label: '是否农民工', aliases: ['是否农民工'] },
  { key: 'isIndustrial', label: '是否产业工人', aliases: ['是否产业工人'] },
  { key: 'isNewEmployment', label: '是否新就业形态劳动者', aliases: ['是否新就业形态劳动者', '是否新就业形态'] },
  { key: 'isModelWorker', label: '是否劳模', aliases: ['是否劳模'] },
];

// ---------------------------------------------------------------------------
// Header matching

const TRAILING_NOTE = /[(（[【［][^()（）[\]【】［］]*[)）\]】］]$/;

/**
 * Canonical form of a header cell: cleaned, spaces, '*' / '＊' and '(必填)'
 * marks removed, trailing notes in brackets ('出生日期（格式：2020-01-05）') and
 * a trailing colon dropped.
 */
export function normalizeHeader(text: string): string {
  let t = cleanCell(decodeExcelEscapes(text))
    .replace(/[(（]\s*必填\s*[)）]/g, '')
    .replace(/[*＊]/g, '')
    .replace(/\s+/g, '');
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(TRAILING_NOTE, '').replace(/[:：]+$/, '');
  }
  return t;
}

function buildAliasIndex(columns: ColumnSpec[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const col of columns) {
    for (const name of [col.label, ...col.aliases]) {
      const n = normalizeHeader(name);
      if (n && !index.has(n)) index.set(n, col.key); // first column claiming an alias wins
    }
  }
  return index;
}

function cellText(v: unknown): string {
  const u = unwrapCellValue(v);
  if (u === null || isCellError(u)) return '';
  if (typeof u === 'number') return numberToText(u);
  if (u instanceof Date) return parseDateInput(u) ?? '';
  return String(u);
}

interface HeaderMatch {
  mapping: Record<string, number>;
  unknown: string[];
  matched: number;
}

function matchHeader(cells: unknown[], index: Map<string, string>): HeaderMatch {
  const mapping: Record<string, number> = {};
  const unknown: string[] = [];
  let matched = 0;
  for (let col = 1; col < cells.length; col++) {
    const text = cellText(cells[col]);
    if (!text.trim()) continue;
    const key = index.get(normalizeHeader(text));
    if (key !== undefined && mapping[key] === undefined) {
      mapping[key] = col;
      matched++;
    } else {
      unknown.push(cleanCell(text));
    }
  }
  return { mapping, unknown, matched };
}

// ---------------------------------------------------------------------------
// Value conversion

const ISSUE_TEXT = {
  ID_NUMERIC: {
    message: '身份证号被Excel存成了数字，末几位已丢失，请将该列设为文本后重新填写',
    messageEn: 'Excel stored the ID number as a number and its last digits are lost; format the column as text and re-enter it',
  },
  NUMBER_TOO_LONG: {
    message: '超过15位的数字被Excel存成了数值，末几位已丢失，请将该列设为文本后重新填写',
    messageEn: 'Excel stored a number longer than 15 digits as a numeric value and its last digits are lost; format the column as text and re-enter it',
  },
  DATE_FORMAT: {
    message: '日期格式无法识别（示例：2020-01-05）',
    messageEn: 'Unrecognised date format (example: 2020-01-05)',
  },
} as const;

// Chinese IMEs turn the "store as text" apostrophe into a literal quote that Excel keeps.
const LEADING_QUOTES = /^['‘’`´]+/;
const INVISIBLE_OR_SPACE = /[\s\u200B-\u200F\u2060\uFEFF\u00AD\u180E]+/g;
// Excel keeps 15 significant digits: integers from 10^15 on have lost digits.
const EXCEL_EXACT_LIMIT = 1e15;
const DATE_1904_OFFSET = 1462;

function compact(s: string): string {
  return foldFullWidth(decodeExcelEscapes(s)).replace(INVISIBLE_OR_SPACE, '').replace(LEADING_QUOTES, '');
}

function yearMonth(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(cleanCell(s));
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}-01` : null;
}

interface Converted {
  value: string | null;
  issue?: keyof typeof ISSUE_TEXT | { code: 'CELL_ERROR'; error: string };
}

function convert(raw: unknown, col: ColumnSpec, date1904: boolean): Converted {
  if (raw === null) return { value: null };
  if (isCellError(raw)) return { value: null, issue: { code: 'CELL_ERROR', error: raw.error } };
  const kind = col.kind ?? 'text';

  if (kind === 'date') {
    let v: unknown = raw;
    if (typeof raw === 'string') {
      v = decodeExcelEscapes(raw);
      if (!cleanCell(v as string)) return { value: null };
    } else if (typeof raw === 'number') {
      // 20200105 typed into a General cell: no Excel serial has 8 digits.
      if (Number.isInteger(raw) && raw >= 10_000_000 && raw <= 99_999_999) v = String(raw);
      else if (date1904) v = raw + DATE_1904_OFFSET;
    }
    const d = parseDateInput(v) ?? (col.allowYearMonth && typeof v === 'string' ? yearMonth(v) : null);
    return d ? { value: d } : { value: null, issue: 'DATE_FORMAT' };
  }

  if (typeof raw === 'number') {
    if (kind === 'id') return { value: null, issue: 'ID_NUMERIC' };
    if ((kind === 'code' || kind === 'phone') && Number.isInteger(raw) && Math.abs(raw) >= EXCEL_EXACT_LIMIT) {
      return { value: null, issue: 'NUMBER_TOO_LONG' };
    }
    return { value: numberToText(raw) };
  }

  let s: string;
  if (typeof raw === 'string') s = raw;
  else if (typeof raw === 'boolean') s = raw ? '是' : '否';
  else if (raw instanceof Date) s = parseDateInput(raw) ?? '';
  else s = String(raw);

  let value: string;
  switch (kind) {
    case 'id':
      value = compact(s).replace(/x/g, 'X');
      break;
    case 'code':
      value = compact(s).toUpperCase();
      break;
    case 'phone':
      value = compact(s).replace(/[-‐‑‒–—―]/g, '');
      break;
    default:
      value = cleanCell(decodeExcelEscapes(s));
  }
  return { value: value === '' ? null : value };
}

function isBlankRaw(v: unknown): boolean {
  return v === null || (typeof v === 'string' && cleanCell(v) === '');
}

// ---------------------------------------------------------------------------
// Reader

/** The upload is not an .xlsx workbook (e.g. an old .xls, a CSV or a corrupt file). */
export class RosterFormatError extends Error {
  readonly code = 'NOT_XLSX';
  readonly messageZh = '无法读取文件：请上传 Excel 2007 及以上版本的 .xlsx 文件（.xls 请先另存为 .xlsx）';
  constructor(cause: unknown) {
    super(`Not a readable .xlsx workbook: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RosterFormatError';
  }
}

type SheetReader = AsyncIterable<ExcelJS.Row> & { name: string; id: number | string; iterator?: unknown };

interface WorkbookReaderInternals {
  model?: { sheets?: { name: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

function firstVisibleSheetName(reader: WorkbookReaderInternals): string | undefined {
  const sheets = reader.model?.sheets ?? [];
  return (sheets.find((s) => !s.state || s.state === 'visible') ?? sheets[0])?.name;
}

function isZipError(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : '';
  return /signature|zip|end of central directory|unexpected end|FILE_ENDED|invalid/i.test(msg);
}

/**
 * When sharedStrings.xml comes after the worksheets in the zip (Excel and
 * exceljs both write it that way), exceljs spools each worksheet to a temp
 * file and later reads it back through an fs stream. Such a sheet is
 * "deferred": its stream must be closed when we do not read it to the end.
 */
function sheetStream(ws: SheetReader): Readable | undefined {
  const it = ws.iterator as Partial<Readable> | undefined;
  return it && typeof it.destroy === 'function' && typeof it.pipe === 'function' ? (it as Readable) : undefined;
}

function releaseSheet(ws: SheetReader): void {
  const s = sheetStream(ws);
  if (s && !s.destroyed) s.destroy();
}

/**
 * Read a roster from an .xlsx stream or file path. Yields one 'header' event
 * (always, first; row 0 and an empty mapping when no header row was found in
 * the first 20 rows, after which nothing else is yielded), then one 'row'
 * event per non-blank data row, in sheet order.
 *
 * A stream passed in is consumed to its end even when reading stops early, so
 * an upload request can complete; a path is opened and closed here. Throws
 * RosterFormatError when the input is not a zip/xlsx at all.
 */
export async function* readRoster(
  input: NodeJS.ReadableStream | string,
  columns: ColumnSpec[],
): AsyncGenerator<RosterEvent> {
  const ownStream = typeof input === 'string';
  let source: Readable;
  if (typeof input === 'string') source = fs.createReadStream(input);
  else if (input instanceof Readable) source = input;
  else source = (input as NodeJS.ReadableStream).pipe(new PassThrough());

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const internals = reader as unknown as WorkbookReaderInternals;
  const sheets = (reader as unknown as AsyncIterable<SheetReader>)[Symbol.asyncIterator]();
  const index = buildAliasIndex(columns);
  const required = columns.filter((c) => c.required).map((c) => c.key);

  let headerSent = false;
  let sheetsSeen = 0;
  let exhausted = false; // the workbook iterator ran to its end
  let current: SheetReader | undefined; // the sheet being read, until read to its end
  const nextSheet = async (): Promise<SheetReader | undefined> => {
    try {
      const next = await sheets.next();
      if (next.done) exhausted = true;
      else sheetsSeen++;
      return next.done ? undefined : next.value;
    } catch (err) {
      exhausted = true;
      if (!headerSent && sheetsSeen === 0 && isZipError(err)) throw new RosterFormatError(err);
      throw err;
    }
  };

  try {
    let target: string | undefined;
    let done = false; // the first worksheet has been read
    for (let ws = await nextSheet(); ws; ws = await nextSheet()) {
      // The first visible tab, which is not necessarily the first sheet in the zip.
      target ??= firstVisibleSheetName(internals) ?? ws.name;
      const known = (internals.model?.sheets ?? []).some((s) => s.name === ws!.name);
      if (done || (known && ws.name !== target)) {
        releaseSheet(ws); // exceljs drains skipped zip entries itself
        continue;
      }
      done = true;
      current = ws;
      const date1904 = internals.properties?.model?.date1904 === true;

      let header: HeaderMatch | undefined;
      let complete = true;
      for await (const row of ws) {
        if (!header) {
          if (row.number > HEADER_SEARCH_ROWS) {
            complete = false;
            break;
          }
          const m = matchHeader(row.values as unknown[], index);
          if (m.matched < 2) continue; // title rows, notes, blank rows above the header
          header = m;
          headerSent = true;
          yield {
            type: 'header',
            row: row.number,
            sheet: ws.name,
            mapping: m.mapping,
            missing: required.filter((k) => m.mapping[k] === undefined),
            unknown: m.unknown,
          };
          continue;
        }
        const ev = toRowEvent(row, header.mapping, columns, date1904);
        if (ev) yield ev;
      }
      if (!headerSent) {
        headerSent = true;
        yield { type: 'header', row: 0, sheet: ws.name, mapping: {}, missing: required, unknown: [] };
      }
      if (!complete) break; // stopped inside the sheet: clean up as for an abandoned read
      current = undefined;
      // Keep iterating (skipping) so exceljs removes its temp files and the input is consumed.
    }
    if (!headerSent) {
      headerSent = true;
      yield { type: 'header', row: 0, sheet: '', mapping: {}, missing: required, unknown: [] };
    }
  } finally {
    if (!exhausted) await abandon(current, sheets);
    source.unpipe();
    if (ownStream) source.destroy();
    else if (!source.destroyed && !source.readableEnded) source.resume(); // drain the rest of the upload
  }
}

/**
 * Reading stopped before the end of the workbook (consumer broke out, error,
 * no header). For deferred sheets the whole zip has already been read, so
 * running exceljs's iterator to its end only closes and deletes temp files —
 * cheap; do that. Otherwise just let go: the source is unpiped by the caller.
 */
async function abandon(current: SheetReader | undefined, sheets: AsyncIterator<SheetReader>): Promise<void> {
  const deferred = current !== undefined && sheetStream(current) !== undefined;
  if (current) releaseSheet(current);
  if (!deferred) return;
  try {
    for (let next = await sheets.next(); !next.done; next = await sheets.next()) releaseSheet(next.value);
  } catch {
    // best effort
  }
}

function toRowEvent(
  row: ExcelJS.Row,
  mapping: Record<string, number>,
  columns: ColumnSpec[],
  date1904: boolean,
): RosterRowEvent | null {
  const cells = row.values as unknown[];
  const values: Record<string, string | null> = {};
  const raw: Record<string, unknown> = {};
  const issues: RosterIssue[] = [];
  let blank = true;
  for (const col of columns) {
    const idx = mapping[col.key];
    const r = idx === undefined ? null : unwrapCellValue(cells[idx]);
    raw[col.key] = r;
    if (idx === undefined || isBlankRaw(r)) {
      values[col.key] = null;
      continue;
    }
    blank = false;
    const c = convert(r, col, date1904);
    values[col.key] = c.value;
    if (typeof c.issue === 'string') {
      issues.push({ key: col.key, column: col.label, code: c.issue, ...ISSUE_TEXT[c.issue] });
    } else if (c.issue) {
      issues.push({
        key: col.key,
        column: col.label,
        code: 'CELL_ERROR',
        message: `单元格包含错误值（${c.issue.error}），请改为实际内容`,
        messageEn: `The cell holds the Excel error value ${c.issue.error}; enter the actual content`,
      });
    }
  }
  return blank ? null : { type: 'row', row: row.number, values, raw, issues };
}
