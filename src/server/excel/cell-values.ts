// Small helpers shared by the Excel reader and writers: turning whatever
// exceljs hands us for a cell into plain JS values and strings.

/** An Excel error value such as '#N/A' or '#DIV/0!'. */
export interface CellError {
  error: string;
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string';
}

/**
 * Unwrap the exceljs cell-value wrappers: rich text → its concatenated text,
 * formula → its cached result, hyperlink → its display text. Returns a string,
 * number, boolean, Date, CellError or null (empty).
 */
export function unwrapCellValue(v: unknown): string | number | boolean | Date | CellError | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    // The streaming reader parses error results of formulas (t="e") as NaN.
    return Number.isNaN(v) ? { error: '#VALUE!' } : v;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return (o.richText as { text?: unknown }[]).map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
  }
  if ('formula' in o || 'sharedFormula' in o) return unwrapCellValue(o.result);
  if (typeof o.error === 'string') return { error: o.error };
  if ('text' in o) return unwrapCellValue(o.text); // hyperlink { text, hyperlink }
  return null;
}

/**
 * A number as Excel would show it in a General cell, but never in exponent
 * notation: 1.23e+21 → '1230000000000000000000', 1e-7 → '0.0000001'.
 */
export function numberToText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const exp = Number(s.slice(e + 1));
  let mant = s.slice(0, e);
  const neg = mant.startsWith('-');
  if (neg) mant = mant.slice(1);
  const dot = mant.indexOf('.');
  const digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  const point = (dot < 0 ? mant.length : dot) + exp; // position of the decimal point in `digits`
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return neg ? `-${out}` : out;
}

/**
 * Excel escapes characters it cannot store in XML as `_xHHHH_` (a pasted
 * carriage return arrives as `_x000D_`); `_x005F_` escapes a literal underscore.
 */
export function decodeExcelEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Excel refuses to open a file with a cell longer than this. */
export const EXCEL_MAX_CELL_CHARS = 32_767;
/** Rows per worksheet, header included. */
export const EXCEL_MAX_ROWS = 1_048_576;

export function truncateForExcel(s: string): string {
  return s.length > EXCEL_MAX_CELL_CHARS ? s.slice(0, EXCEL_MAX_CELL_CHARS) : s;
}

/** A worksheet name Excel accepts: no []:*?/\, at most 31 characters, not blank. */
export function safeSheetName(name: string, fallback = 'Sheet1'): string {
  const s = name
    .replace(/[[\]:*?/\\]/g, '_')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31)
    .replace(/'+$/, '');
  return s || fallback;
}
