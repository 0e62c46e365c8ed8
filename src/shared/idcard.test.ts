import { describe, it, expect } from 'vitest';
import { idCheckChar, maskIdNumber, normalizeIdNumber, validateIdNumber } from './idcard.js';

const TODAY = { today: '2025-06-01' };

describe('idCheckChar', () => {
  it('matches the worked example in STANDARDS §1.1', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('validateIdNumber: STANDARDS §1.1 samples', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'F', '110105'],
    ['440524188001010014', '1880-01-01', 'M', '440524'],
    ['110118199001011234', '1990-01-01', 'M', '110118'],
    ['110118198512080026', '1985-12-08', 'F', '110118'],
    ['11011820000229004X', '2000-02-29', 'F', '110118'],
  ])('%s is valid', (id, birthDate, gender, divisionCode) => {
    expect(validateIdNumber(id, TODAY)).toEqual({
      ok: true,
      value: id,
      birthDate,
      gender,
      divisionCode,
      converted: false,
      kind: 'resident',
    });
  });

  it('refuses a wrong check character and names the right one', () => {
    const r = validateIdNumber('110118199001011235', TODAY);
    expect(r).toMatchObject({ ok: false, code: 'ID_CHECKSUM', expected: '4' });
    expect(r.ok === false && r.message).toBe('身份证号码校验位错误，应为4');
    expect(r.ok === false && r.messageEn).toContain('4');
  });

  it('refuses 30 February as a birth-date error, not a checksum error', () => {
    expect(validateIdNumber('110118199002301235', TODAY)).toMatchObject({
      ok: false,
      code: 'ID_BIRTHDATE',
      message: '身份证号码中的出生日期无效',
    });
  });
});

describe('validateIdNumber: input clean-up', () => {
  it('accepts a lower-case x and returns it upper-case', () => {
    const r = validateIdNumber('11010519491231002x', TODAY);
    expect(r.ok && r.value).toBe('11010519491231002X');
  });

  it('folds full-width digits and drops spaces', () => {
    const r = validateIdNumber(' １１０１１８ １９９００１０１ １２３４ ', TODAY);
    expect(r.ok && r.value).toBe('110118199001011234');
    expect(validateIdNumber('１１０１０５１９４９１２３１００２ｘ', TODAY).ok).toBe(true);
  });

  it('reports an empty cell separately', () => {
    expect(validateIdNumber(' \u3000', TODAY)).toMatchObject({ ok: false, code: 'ID_EMPTY' });
  });

  it.each(['11011819900101123', '1101181990010112345', '11011819900101123A', 'X10118199001011234', '110118-19900101-1234'])(
    'refuses %s as ID_FORMAT',
    (id) => {
      expect(validateIdNumber(id, TODAY)).toMatchObject({
        ok: false,
        code: 'ID_FORMAT',
        message: '身份证号码应为18位（或15位旧号码）',
      });
    },
  );
});

describe('validateIdNumber: legacy 15-digit numbers', () => {
  it('inserts 19 and computes the check character', () => {
    expect(validateIdNumber('110118900101123', TODAY)).toMatchObject({
      ok: true,
      value: '110118199001011234',
      birthDate: '1990-01-01',
      gender: 'M',
      converted: true,
    });
  });

  it('still checks the birth date and region of a legacy number', () => {
    expect(validateIdNumber('110118900230123', TODAY)).toMatchObject({ ok: false, code: 'ID_BIRTHDATE' });
    expect(validateIdNumber('990118900101123', TODAY)).toMatchObject({ ok: false, code: 'ID_REGION' });
  });
});

describe('validateIdNumber: dates', () => {
  it('refuses a birth date after today', () => {
    expect(validateIdNumber('110118203001010011', TODAY)).toMatchObject({
      ok: false,
      code: 'ID_FUTURE',
      message: '身份证号码中的出生日期晚于今天',
    });
  });

  it('accepts a birth date of today', () => {
    expect(validateIdNumber('110118199912310016', { today: '1999-12-31' }).ok).toBe(true);
  });

  it('uses the Shanghai date when no today is given', () => {
    expect(validateIdNumber('110118199001011234').ok).toBe(true);
    expect(validateIdNumber('110118203001010011').ok).toBe(false);
  });

  it('refuses births before 1800, and before a caller-chosen minimum', () => {
    expect(validateIdNumber('110118179912310018', TODAY)).toMatchObject({ ok: false, code: 'ID_TOO_OLD' });
    expect(validateIdNumber('110118189912310017', TODAY).ok).toBe(true);
    expect(validateIdNumber('110118189912310017', { ...TODAY, minBirthDate: '1900-01-01' })).toMatchObject({
      ok: false,
      code: 'ID_TOO_OLD',
    });
  });
});

describe('validateIdNumber: address codes', () => {
  it('accepts the historical 密云县 code 110228', () => {
    expect(validateIdNumber('110228198001010024', TODAY)).toMatchObject({ ok: true, divisionCode: '110228', gender: 'F' });
    expect(validateIdNumber('110228196503150036', TODAY)).toMatchObject({ ok: true, gender: 'M' });
  });

  it('accepts other historical Beijing codes such as 110103 崇文区', () => {
    expect(validateIdNumber('110103188001010014', TODAY).ok).toBe(true);
  });

  it('refuses a Beijing code that never existed', () => {
    expect(validateIdNumber('110120199001010014', TODAY)).toMatchObject({
      ok: false,
      code: 'ID_REGION',
      message: '身份证号码的地址码不存在',
    });
  });

  it('checks only the province outside Beijing', () => {
    expect(validateIdNumber('120101199001010017', TODAY).ok).toBe(true);
    expect(validateIdNumber('710000199001010015', TODAY).ok).toBe(true);
  });

  it('accepts residence-permit and permanent-residence numbers', () => {
    expect(validateIdNumber('810000199001010027', TODAY)).toMatchObject({ ok: true, kind: 'hk', gender: 'F' });
    expect(validateIdNumber('830000199001010012', TODAY)).toMatchObject({ ok: true, kind: 'taiwan' });
    expect(validateIdNumber('931156198506120011', TODAY)).toMatchObject({ ok: true, kind: 'foreign', gender: 'M' });
    expect(validateIdNumber('990118199001010016', TODAY)).toMatchObject({ ok: true, kind: 'foreign' });
  });

  it('refuses unknown provinces and 81/82/83 codes other than the permit prefixes', () => {
    expect(validateIdNumber('000000199001010014', TODAY)).toMatchObject({ ok: false, code: 'ID_REGION' });
    expect(validateIdNumber('810100199001010014', TODAY)).toMatchObject({ ok: false, code: 'ID_REGION' });
  });
});

describe('normalizeIdNumber / maskIdNumber', () => {
  it('normalises', () => {
    expect(normalizeIdNumber(' 11010519491231002x\u200B')).toBe('11010519491231002X');
  });

  it('masks the birth date and sequence', () => {
    expect(maskIdNumber('110118199001011234')).toBe('110118********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
  });

  it('reveals nothing of a short value', () => {
    expect(maskIdNumber('12345')).toBe('********');
    expect(maskIdNumber(' ')).toBe('');
  });
});
