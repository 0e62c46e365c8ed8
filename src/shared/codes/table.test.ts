import { describe, it, expect } from 'vitest';
import { codeName, findCodeByNameOrCode, type CodeEntry } from './table.js';

const T: readonly CodeEntry[] = [
  { code: '01', name: '汉', nameEn: 'Han', aliases: ['汉族'] },
  { code: '02', name: '蒙古', nameEn: 'Mongol', aliases: ['蒙古族'] },
  { code: '11', name: '满', aliases: ['满族'] },
  { code: 'L1', name: '学徒工' },
];

describe('codeName', () => {
  it('looks up names by exact code', () => {
    expect(codeName(T, '01')).toBe('汉');
    expect(codeName(T, '1')).toBeUndefined();
    expect(codeName(T, '99')).toBeUndefined();
  });
});

describe('findCodeByNameOrCode', () => {
  it.each([
    ['01'],
    ['汉'],
    ['汉族'],
    ['01 汉'],
    ['01汉'],
    ['01-汉族'],
    ['01.汉'],
    ['01、汉'],
    ['01：汉'],
    ['汉族(01)'],
    ['汉族（01）'],
    [' ０１　汉 '],
    ['han'],
    ['1'],
    [1],
  ])('%s → 01', (text) => {
    expect(findCodeByNameOrCode(T, text)?.code).toBe('01');
  });

  it('matches letter codes case-insensitively', () => {
    expect(findCodeByNameOrCode(T, 'l1')?.code).toBe('L1');
    expect(findCodeByNameOrCode(T, 'L1 学徒工')?.code).toBe('L1');
  });

  it('pads only when the padded code exists', () => {
    expect(findCodeByNameOrCode(T, 11)?.code).toBe('11');
    expect(findCodeByNameOrCode(T, '3')).toBeUndefined();
  });

  it('refuses a cell whose code and name disagree', () => {
    expect(findCodeByNameOrCode(T, '01 满')).toBeUndefined();
    expect(findCodeByNameOrCode(T, '满族(01)')).toBeUndefined();
  });

  it('returns undefined for blanks and unknown values', () => {
    expect(findCodeByNameOrCode(T, '')).toBeUndefined();
    expect(findCodeByNameOrCode(T, '  ')).toBeUndefined();
    expect(findCodeByNameOrCode(T, null)).toBeUndefined();
    expect(findCodeByNameOrCode(T, undefined)).toBeUndefined();
    expect(findCodeByNameOrCode(T, '汉人')).toBeUndefined();
    expect(findCodeByNameOrCode(T, '001')).toBeUndefined();
  });
});
