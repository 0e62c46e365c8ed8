import { describe, it, expect } from 'vitest';
import { BEIJING_COUNTIES, PROVINCES, isMiyunDivision, isPlausibleDivisionCode } from './regions.js';

describe('isPlausibleDivisionCode', () => {
  it('accepts every Beijing code in the table, current and historical', () => {
    for (const c of BEIJING_COUNTIES) expect(isPlausibleDivisionCode(c.code), c.code).toBe(true);
    expect(BEIJING_COUNTIES.find((c) => c.code === '110228')).toMatchObject({ name: '密云县', current: false });
    expect(BEIJING_COUNTIES.find((c) => c.code === '110118')).toMatchObject({ name: '密云区', current: true });
  });

  it('refuses Beijing codes that never existed', () => {
    for (const c of ['110120', '110199', '110230', '110300', '110201']) expect(isPlausibleDivisionCode(c), c).toBe(false);
  });

  it('checks only the province elsewhere', () => {
    expect(isPlausibleDivisionCode('440524')).toBe(true);
    expect(isPlausibleDivisionCode('130100')).toBe(true);
    for (const c of ['000000', '160000', '240000', '470000', '550000', '660000', '720000', '840000', '910000']) {
      expect(isPlausibleDivisionCode(c), c).toBe(false);
    }
  });

  it('needs six digits', () => {
    expect(isPlausibleDivisionCode('11011')).toBe(false);
    expect(isPlausibleDivisionCode('11011A')).toBe(false);
  });

  it('lists 34 province-level units', () => {
    expect(PROVINCES).toHaveLength(34);
  });
});

describe('isMiyunDivision', () => {
  it('recognises current and legacy Miyun codes', () => {
    expect(isMiyunDivision('110118')).toBe(true);
    expect(isMiyunDivision('110118101')).toBe(true);
    expect(isMiyunDivision('110228')).toBe(true);
    expect(isMiyunDivision('110119')).toBe(false);
  });
});
