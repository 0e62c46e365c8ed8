import { describe, expect, it } from 'vitest';
import { decodeExcelEscapes, numberToText, safeSheetName, truncateForExcel, unwrapCellValue } from './cell-values.js';

describe('numberToText', () => {
  it.each([
    [0, '0'],
    [13800138000, '13800138000'],
    [2.5, '2.5'],
    [-42, '-42'],
    [1e21, '1000000000000000000000'],
    [1.5e22, '15000000000000000000000'],
    [-1.25e21, '-1250000000000000000000'],
    [1e-7, '0.0000001'],
    [1.5e-9, '0.0000000015'],
    [110101199001011230, '110101199001011230'],
  ])('%d → %s', (n, s) => {
    expect(numberToText(n)).toBe(s);
  });
});

describe('unwrapCellValue', () => {
  it('unwraps exceljs value wrappers', () => {
    expect(unwrapCellValue({ richText: [{ text: '张' }, { text: '三' }] })).toBe('张三');
    expect(unwrapCellValue({ formula: 'A1', result: 5 })).toBe(5);
    expect(unwrapCellValue({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(unwrapCellValue({ formula: 'A1' })).toBeNull();
    expect(unwrapCellValue({ text: { richText: [{ text: '链接' }] }, hyperlink: 'https://x' })).toBe('链接');
    expect(unwrapCellValue({ error: '#REF!' })).toEqual({ error: '#REF!' });
    expect(unwrapCellValue(Number.NaN)).toEqual({ error: '#VALUE!' });
    expect(unwrapCellValue(undefined)).toBeNull();
  });
});

describe('misc', () => {
  it('decodes _xHHHH_ escapes, keeping escaped underscores literal', () => {
    expect(decodeExcelEscapes('a_x000D_b')).toBe('a\rb');
    expect(decodeExcelEscapes('_x005F_x000D_')).toBe('_x000D_');
    expect(decodeExcelEscapes('no escapes')).toBe('no escapes');
  });

  it('makes sheet names Excel accepts', () => {
    expect(safeSheetName('会员/名单:2024')).toBe('会员_名单_2024');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName("  ''  ")).toBe('Sheet1');
  });

  it('truncates over-long cell text', () => {
    expect(truncateForExcel('a'.repeat(40_000))).toHaveLength(32_767);
  });
});
