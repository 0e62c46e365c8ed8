import { describe, expect, it } from 'vitest';
import { basisPoints, formatBasisPoints, formatFen, parseYuanToFen } from './money.js';

const fen = (s: string | number) => {
  const r = parseYuanToFen(s);
  if (!r.ok) throw new Error(r.code);
  return r.value;
};
const code = (s: string) => {
  const r = parseYuanToFen(s);
  return r.ok ? 'ok' : r.code;
};

describe('parseYuanToFen', () => {
  it('parses yuan strings exactly to integer fen', () => {
    expect(fen('150000')).toBe(15_000_000);
    expect(fen('150,000.00')).toBe(15_000_000);
    expect(fen('0.1')).toBe(10);
    expect(fen('0.10')).toBe(10);
    expect(fen('0.01')).toBe(1);
    expect(fen('1.005'.slice(0, 4))).toBe(100);
    expect(fen('¥1,234.56')).toBe(123_456);
    expect(fen('１２．３４')).toBe(1234);
    expect(fen('99元')).toBe(9900);
    expect(fen(19.99)).toBe(1999);
  });

  it('adds three 0.10 yuan to exactly 30 fen, where floats give 0.30000000000000004', () => {
    expect(0.1 + 0.1 + 0.1).not.toBe(0.3);
    expect(fen('0.10') + fen('0.10') + fen('0.10')).toBe(30);
  });

  it('refuses what is not a positive amount of at most two decimals', () => {
    expect(code('')).toBe('AMOUNT_EMPTY');
    expect(code('-5')).toBe('AMOUNT_NEGATIVE');
    expect(code('1.005')).toBe('AMOUNT_PRECISION');
    expect(code('abc')).toBe('AMOUNT_FORMAT');
    expect(code('1e5')).toBe('AMOUNT_FORMAT');
    expect(code('.5')).toBe('AMOUNT_FORMAT');
    expect(code('0')).toBe('AMOUNT_ZERO');
    expect(code('0.00')).toBe('AMOUNT_ZERO');
    expect(code('999999999999999')).toBe('AMOUNT_TOO_LARGE');
  });
});

describe('formatting', () => {
  it('formats fen as yuan with two decimals', () => {
    expect(formatFen(15_000_000)).toBe('150,000.00');
    expect(formatFen(30)).toBe('0.30');
    expect(formatFen(1)).toBe('0.01');
    expect(formatFen(123_456_789)).toBe('1,234,567.89');
    expect(formatFen(-250)).toBe('-2.50');
  });

  it('computes execution rates in basis points without floats', () => {
    expect(basisPoints(1, 3)).toBe(3333);
    expect(basisPoints(15_000_000, 15_000_000)).toBe(10_000);
    expect(basisPoints(5, 0)).toBe(0);
    expect(formatBasisPoints(6523)).toBe('65.23%');
    expect(formatBasisPoints(5)).toBe('0.05%');
  });
});
