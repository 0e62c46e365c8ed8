import { describe, it, expect } from 'vitest';
import { orgCodeCheckChar, usccCheckChar, validateCreditCode } from './uscc.js';

describe('usccCheckChar', () => {
  it('matches the worked example in STANDARDS §1.2', () => {
    expect(usccCheckChar('91110108551385082')).toBe('Q');
  });

  it('refuses wrong lengths and excluded letters', () => {
    expect(() => usccCheckChar('9111010855138508')).toThrow(RangeError);
    expect(() => usccCheckChar('9111010855138508I')).toThrow(RangeError);
  });
});

describe('orgCodeCheckChar (GB 11714)', () => {
  it('computes digits, X and 0', () => {
    expect(orgCodeCheckChar('55138508')).toBe('2');
    expect(orgCodeCheckChar('M0001TGQ')).toBe('X');
  });
});

describe('validateCreditCode: STANDARDS §1.2 samples', () => {
  it('accepts an enterprise code and describes it', () => {
    expect(validateCreditCode('91110108551385082Q')).toEqual({
      ok: true,
      value: '91110108551385082Q',
      warnings: [],
      department: '工商',
      orgType: '企业',
      divisionCode: '110108',
      orgCode: '551385082',
    });
  });

  it('accepts the GB 32100 example code', () => {
    expect(validateCreditCode('91350100M000100Y43')).toMatchObject({ ok: true, warnings: [] });
  });

  it('accepts a Miyun 基层工会 code', () => {
    expect(validateCreditCode('81110118MA01ABCD5B')).toMatchObject({
      ok: true,
      warnings: [],
      department: '工会',
      orgType: '基层工会',
      divisionCode: '110118',
    });
  });

  it('accepts a known pilot-era code with a warning', () => {
    // STANDARDS says its organisation-code check fails; in fact that part
    // passes and it is the GB 32100 check character (1, not M) that differs.
    const r = validateCreditCode('91350100M0001TGQXM');
    expect(r).toMatchObject({ ok: true, value: '91350100M0001TGQXM', warnings: ['USCC_PILOT_CHECK'] });
  });

  it('warns, without refusing, when positions 9–17 fail the GB 11714 check', () => {
    expect(validateCreditCode('91110108551385083U')).toMatchObject({ ok: true, warnings: ['ORG_CODE_CHECK'] });
  });
});

describe('validateCreditCode: refusals', () => {
  it('refuses a wrong check character and names the right one', () => {
    const r = validateCreditCode('91110108551385082R');
    expect(r).toMatchObject({ ok: false, code: 'USCC_CHECKSUM', expected: 'Q' });
    expect(r.ok === false && r.message).toBe('统一社会信用代码校验位错误，应为Q');
  });

  it('does not extend the pilot exception to other codes from the same place', () => {
    expect(validateCreditCode('91350100M0001TGQX1')).toMatchObject({ ok: true, warnings: [] });
    expect(validateCreditCode('91350100M0001TGQXN')).toMatchObject({ ok: false, code: 'USCC_CHECKSUM', expected: '1' });
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the letter %s', (letter) => {
    const r = validateCreditCode(`91110108${letter}51385082Q`);
    expect(r).toMatchObject({ ok: false, code: 'USCC_CHAR' });
    expect(r.ok === false && r.message).toContain(letter);
  });

  it('refuses letters in the division code', () => {
    expect(validateCreditCode('9111A108551385082Q')).toMatchObject({ ok: false, code: 'USCC_FORMAT' });
  });

  it('refuses wrong lengths and blanks', () => {
    expect(validateCreditCode('91110108551385082')).toMatchObject({ ok: false, code: 'USCC_LENGTH' });
    expect(validateCreditCode('91110108551385082QQ')).toMatchObject({ ok: false, code: 'USCC_LENGTH' });
    expect(validateCreditCode('  ')).toMatchObject({ ok: false, code: 'USCC_EMPTY' });
  });
});

describe('validateCreditCode: clean-up and descriptions', () => {
  it('accepts lower case and returns upper case', () => {
    const r = validateCreditCode('91110108551385082q');
    expect(r.ok && r.value).toBe('91110108551385082Q');
    expect(validateCreditCode('81110118ma01abcd5b')).toMatchObject({ ok: true, value: '81110118MA01ABCD5B' });
  });

  it('folds full-width characters and drops spaces', () => {
    expect(validateCreditCode(' ９１１１０１０８ ５５１３８５０８２Ｑ ')).toMatchObject({ ok: true, value: '91110108551385082Q' });
  });

  it('warns about an unknown department or organisation type', () => {
    expect(validateCreditCode('B1110118MA01ABCD58')).toMatchObject({ ok: true, department: '', orgType: '', warnings: ['USCC_DEPARTMENT'] });
    expect(validateCreditCode('97110118MA01ABCD5P')).toMatchObject({ ok: true, department: '工商', orgType: '', warnings: ['USCC_DEPARTMENT'] });
  });

  it('names other departments', () => {
    expect(validateCreditCode('12110118MA01ABCD5F')).toMatchObject({ ok: true, department: '机构编制', orgType: '事业单位' });
    expect(validateCreditCode('52110118MA01ABCD5B')).toMatchObject({ ok: true, department: '民政', orgType: '民办非企业单位' });
  });
});
