import { cleanCell } from './text.js';

// Dates travel as 'YYYY-MM-DD' strings: they compare correctly as strings and
// carry no time zone, so a birth date never shifts by a day between server and browser.

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** 'YYYY-MM-DD' from parts, or null when the parts are not a real calendar date. */
export function ymd(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True for a 'YYYY-MM-DD' string naming a real calendar date. */
export function isValidYmd(s: string): boolean {
  const m = YMD.exec(s);
  return m !== null && ymd(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

function fromUtcMs(ms: number): string | null {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

// Excel's 1900 date system counts 1900-01-01 as 1 and, copying Lotus 1-2-3,
// pretends 1900-02-29 exists as serial 60. Below 60 the epoch is 1899-12-31,
// from 61 on it is 1899-12-30.
const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31
const EXCEL_EPOCH_EARLY = Date.UTC(1899, 11, 31);
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function fromExcelSerial(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n >= EXCEL_MAX_SERIAL + 1) return null;
  const day = Math.floor(n); // a fraction is the time of day
  if (day === 60) return null;
  return fromUtcMs((day < 60 ? EXCEL_EPOCH_EARLY : EXCEL_EPOCH) + day * MS_PER_DAY);
}

const STRING_FORMATS: readonly RegExp[] = [
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, // 2020-1-5, 2020/01/05, 2020.1.5
  /^(\d{4})()年(\d{1,2})月(\d{1,2})日?$/, // 2020年1月5日 (empty group keeps indexes aligned)
  /^(\d{4})()(\d{2})(\d{2})$/, // 20200105
];

function fromString(raw: string): string | null {
  const s = cleanCell(raw).replace(/\s*([年月日])\s*/g, '$1');
  for (const re of STRING_FORMATS) {
    const m = re.exec(s);
    if (m) return ymd(Number(m[1]), Number(m[3]), Number(m[4]));
  }
  return null;
}

/**
 * Normalise a date cell from a form, CSV or Excel sheet to 'YYYY-MM-DD'.
 * Accepts a Date (its UTC calendar date — spreadsheet readers build dates at
 * UTC midnight), an Excel serial number, or a string in a common Chinese
 * format. Strings of digits are never read as serials: '20200105' is a date,
 * '43835' is refused. Returns null for anything else or an impossible date.
 */
export function parseDateInput(v: unknown): string | null {
  if (v instanceof Date) return fromUtcMs(v.getTime());
  if (typeof v === 'number') return fromExcelSerial(v);
  if (typeof v === 'string') return fromString(v);
  return null;
}

const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in China ('YYYY-MM-DD'), whatever the machine's time zone. */
export function todayInShanghai(now: Date = new Date()): string {
  const parts = SHANGHAI.formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole years from `birth` to `on` (both 'YYYY-MM-DD'); a 29 February birthday counts from 1 March. */
export function ageOn(birth: string, on: string): number {
  const by = Number(birth.slice(0, 4));
  const oy = Number(on.slice(0, 4));
  return oy - by - (on.slice(5) < birth.slice(5) ? 1 : 0);
}
