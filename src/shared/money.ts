import { fail, type Failure } from './result.js';
import { cleanCell } from './text.js';

/**
 * Money is integer fen (分) everywhere. Yuan typed by people is parsed as a string —
 * never through a float, where 0.1 + 0.2 is not 0.3 — and formatted back the same way.
 */
export type FenResult = { ok: true; value: number } | Failure;

const YUAN = /^(\d+)(?:\.(\d{1,2}))?$/;
/** 100 billion yuan: far above any union budget, well inside Number.MAX_SAFE_INTEGER fen. */
export const MAX_FEN = 10_000_000_000_000;

export function parseYuanToFen(input: string | number): FenResult {
  const raw = typeof input === 'number' ? String(input) : input ?? '';
  // Thousands separators and a currency sign are what people paste from spreadsheets.
  const s = cleanCell(raw).replace(/[,，\s]/g, '').replace(/^[¥￥]/, '').replace(/元$/, '');
  if (!s) return fail('AMOUNT_EMPTY', '请填写金额', 'Amount is required');
  if (s.startsWith('-')) return fail('AMOUNT_NEGATIVE', '金额不能为负数', 'Amount cannot be negative');
  const m = YUAN.exec(s);
  if (!m) {
    if (/^\d+\.\d{3,}$/.test(s)) return fail('AMOUNT_PRECISION', '金额最多保留两位小数（精确到分）', 'At most two decimals (fen)');
    return fail('AMOUNT_FORMAT', '金额应为数字，单位元，最多两位小数', 'Amount must be a number of yuan with at most two decimals');
  }
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return fail('AMOUNT_TOO_LARGE', '金额过大', 'Amount too large');
  if (fen === 0) return fail('AMOUNT_ZERO', '金额应大于0', 'Amount must be greater than zero');
  return { ok: true, value: fen };
}

/** 15000000 → '150,000.00' (yuan, two decimals, thousands separators). */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Share of `part` in `whole` in basis points (1 = 0.01 %), floored, exact in integers. */
export function basisPoints(part: number, whole: number): number {
  if (whole <= 0) return 0;
  // BigInt: part × 10,000 can pass Number.MAX_SAFE_INTEGER for large sums.
  return Number((BigInt(Math.trunc(part)) * 10_000n) / BigInt(Math.trunc(whole)));
}

/** 6523 → '65.23%'. */
export function formatBasisPoints(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/** For files and inputs: no separators. */

/** 123456 → '1234.56'; -5 → '-0.05'. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer number of fen: ${fen}`);
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${yuan}.${cents}`;
}

/** Display form with thousands separators (the aid pages' name for formatFen). */
export const formatYuan = formatFen;

/** '1234.5' / '1,234.56' / '12' → fen; null when not a non-negative amount with at most 2 decimals. */
export function yuanToFen(text: string): number | null {
  const s = text.replace(/[,，\s]/g, '');
  const m = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0') || '0');
}

/** part / whole as a percentage with 2 decimals, exact (integer arithmetic, half up): 1/3 → '33.33'. */
export function percentText(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  // hundredths of a percent, rounded half up; BigInt so large budgets cannot lose precision
  const hundredths = (BigInt(part) * 20000n + BigInt(whole)) / (2n * BigInt(whole));
  return fenToYuan(Number(hundredths));
}
