/** Money is integer fen (分) everywhere; these turn it into yuan text without floating point. */

/** 123456 → '1234.56'; -5 → '-0.05'. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer number of fen: ${fen}`);
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${yuan}.${cents}`;
}

/** 123456 → '1,234.56' for display. */
export function formatYuan(fen: number): string {
  const [int, cents] = fenToYuan(fen).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

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
