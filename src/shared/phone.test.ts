import { describe, it, expect } from 'vitest';
import { maskPhone, normalizePhone, validateMobile } from './phone.js';

describe('normalizePhone', () => {
  it.each([
    ['13812341234'],
    ['+8613812341234'],
    ['+86 138 1234 1234'],
    ['0086-138-1234-1234'],
    ['8613812341234'],
    ['(+86) 138-1234-1234'],
    ['１３８　１２３４　１２３４'],
    ['＋８６１３８１２３４１２３４'],
    ['138\u20121234\u20131234'],
  ])('%s → 13812341234', (s) => {
    expect(normalizePhone(s)).toBe('13812341234');
  });

  it('keeps a landline that starts with 86', () => {
    expect(normalizePhone('86123456')).toBe('86123456');
    expect(normalizePhone('010-6904 1234')).toBe('01069041234');
  });
});

describe('validateMobile', () => {
  it('accepts any 1[3-9] number after normalising', () => {
    expect(validateMobile('+86 138 1234 1234')).toEqual({ ok: true, value: '13812341234' });
    expect(validateMobile('19912345678')).toEqual({ ok: true, value: '19912345678' });
    expect(validateMobile('16612345678').ok).toBe(true);
  });

  it.each(['12812341234', '1381234123', '138123412345', '010-69041234', '138123412a4', '23812341234'])('refuses %s', (s) => {
    expect(validateMobile(s)).toMatchObject({
      ok: false,
      code: 'PHONE_FORMAT',
      message: '手机号码应为以1开头的11位数字',
      messageEn: 'Mobile number must be 11 digits starting with 1',
    });
  });

  it('reports a blank cell separately', () => {
    expect(validateMobile(' - ')).toMatchObject({ ok: false, code: 'PHONE_EMPTY' });
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('+86 138-1234-1234')).toBe('138****1234');
  });

  it('masks landlines the same way and hides short values entirely', () => {
    expect(maskPhone('010-69041234')).toBe('010****1234');
    expect(maskPhone('1234567')).toBe('****');
    expect(maskPhone('')).toBe('');
  });
});
