import { describe, it, expect } from 'vitest';
import { ageOn, isValidYmd, parseDateInput, todayInShanghai, ymd } from './dates.js';

describe('isValidYmd / ymd', () => {
  it('accepts real dates only', () => {
    expect(isValidYmd('2020-01-05')).toBe(true);
    expect(isValidYmd('2000-02-29')).toBe(true);
    expect(isValidYmd('2021-02-29')).toBe(false);
    expect(isValidYmd('1900-02-29')).toBe(false);
    expect(isValidYmd('2020-13-01')).toBe(false);
    expect(isValidYmd('2020-04-31')).toBe(false);
    expect(isValidYmd('2020-1-5')).toBe(false);
    expect(isValidYmd('2020-01-05 ')).toBe(false);
  });

  it('builds padded strings', () => {
    expect(ymd(2020, 1, 5)).toBe('2020-01-05');
    expect(ymd(2021, 2, 29)).toBeNull();
    expect(ymd(2020, 0, 1)).toBeNull();
  });
});

describe('parseDateInput: strings', () => {
  it.each([
    ['2020-01-05'],
    ['2020-1-5'],
    ['2020/1/5'],
    ['2020/01/05'],
    ['2020.1.5'],
    ['2020年1月5日'],
    ['2020年01月05日'],
    ['2020 年 1 月 5 日'],
    ['20200105'],
    ['２０２０－０１－０５'],
    ['２０２０年１月５日'],
    [' 2020-01-05\u00A0'],
  ])('%s → 2020-01-05', (s) => {
    expect(parseDateInput(s)).toBe('2020-01-05');
  });

  it.each([
    ['2021-02-29'],
    ['2021年2月29日'],
    ['20210229'],
    ['2020-13-01'],
    ['2020-00-10'],
    ['2020-1/5'],
    ['43835'],
    ['43835.5'],
    ['05/01/2020'],
    ['2020-01-05T00:00:00Z'],
    ['2020年1月'],
    [''],
    ['长期'],
  ])('%s → null', (s) => {
    expect(parseDateInput(s)).toBeNull();
  });
});

describe('parseDateInput: Excel serials', () => {
  it('follows the 1900 date system with the Lotus leap-year bug', () => {
    expect(parseDateInput(1)).toBe('1900-01-01');
    expect(parseDateInput(59)).toBe('1900-02-28');
    expect(parseDateInput(60)).toBeNull();
    expect(parseDateInput(61)).toBe('1900-03-01');
    expect(parseDateInput(25569)).toBe('1970-01-01');
    expect(parseDateInput(43835)).toBe('2020-01-05');
    expect(parseDateInput(2958465)).toBe('9999-12-31');
  });

  it('ignores the time-of-day fraction', () => {
    expect(parseDateInput(43835.75)).toBe('2020-01-05');
  });

  it('refuses out-of-range and non-finite numbers', () => {
    expect(parseDateInput(0)).toBeNull();
    expect(parseDateInput(0.5)).toBeNull();
    expect(parseDateInput(-1)).toBeNull();
    expect(parseDateInput(2958466)).toBeNull();
    expect(parseDateInput(Number.NaN)).toBeNull();
    expect(parseDateInput(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('parseDateInput: Date objects and other values', () => {
  it('uses the UTC calendar date', () => {
    expect(parseDateInput(new Date(Date.UTC(2020, 0, 5)))).toBe('2020-01-05');
    expect(parseDateInput(new Date('2020-01-05T23:30:00Z'))).toBe('2020-01-05');
  });

  it('refuses invalid dates and other types', () => {
    expect(parseDateInput(new Date('nope'))).toBeNull();
    expect(parseDateInput(null)).toBeNull();
    expect(parseDateInput(undefined)).toBeNull();
    expect(parseDateInput(true)).toBeNull();
    expect(parseDateInput({})).toBeNull();
    expect(parseDateInput(20200105n)).toBeNull();
  });
});

describe('todayInShanghai', () => {
  it('is eight hours ahead of UTC', () => {
    expect(todayInShanghai(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
    expect(todayInShanghai(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });

  it('defaults to now and returns a valid date', () => {
    expect(isValidYmd(todayInShanghai())).toBe(true);
  });
});

describe('ageOn', () => {
  it('counts whole years', () => {
    expect(ageOn('1990-06-15', '2020-06-14')).toBe(29);
    expect(ageOn('1990-06-15', '2020-06-15')).toBe(30);
  });

  it('lets a leap-day birthday come of age on 1 March', () => {
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(17);
    expect(ageOn('2000-02-29', '2018-03-01')).toBe(18);
  });
});
