import { describe, it, expect } from 'vitest';
import { EDUCATION, ETHNICITIES, GENDER, GENDER_CODE_FROM_ID, HOUSEHOLD_TYPES, MARITAL, POLITICAL_STATUS } from './people.js';
import { codeName, findCodeByNameOrCode } from './table.js';

describe('ETHNICITIES (GB/T 3304)', () => {
  it('has 01–56 in order plus 97 and 98, and no 57/58', () => {
    const expected = [...Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')), '97', '98'];
    expect(ETHNICITIES.map((e) => e.code)).toEqual(expected);
  });

  it('has the standard names at the STANDARDS checkpoints', () => {
    expect(ETHNICITIES.slice(0, 11).map((e) => `${e.code} ${e.name} ${e.abbr}`)).toEqual([
      '01 汉 HA', '02 蒙古 MG', '03 回 HU', '04 藏 ZA', '05 维吾尔 UG', '06 苗 MH',
      '07 彝 YI', '08 壮 ZH', '09 布依 BY', '10 朝鲜 CS', '11 满 MA',
    ]);
    expect(codeName(ETHNICITIES, '56')).toBe('基诺');
    expect(codeName(ETHNICITIES, '15')).toBe('土家');
    expect(codeName(ETHNICITIES, '30')).toBe('土');
    expect(codeName(ETHNICITIES, '98')).toBe('外国血统中国籍人士');
  });

  it('reads the cell values union sheets actually hold', () => {
    expect(findCodeByNameOrCode(ETHNICITIES, '汉族')?.code).toBe('01');
    expect(findCodeByNameOrCode(ETHNICITIES, '满族')?.code).toBe('11');
    expect(findCodeByNameOrCode(ETHNICITIES, '蒙古族')?.code).toBe('02');
    expect(findCodeByNameOrCode(ETHNICITIES, '土族')?.code).toBe('30');
    expect(findCodeByNameOrCode(ETHNICITIES, '土家族')?.code).toBe('15');
    expect(findCodeByNameOrCode(ETHNICITIES, '01 汉')?.code).toBe('01');
    expect(findCodeByNameOrCode(ETHNICITIES, 3)?.code).toBe('03');
    expect(findCodeByNameOrCode(ETHNICITIES, 'MA')?.code).toBeUndefined();
  });
});

describe('POLITICAL_STATUS (GB/T 4762)', () => {
  it('has the 13 codes', () => {
    expect(POLITICAL_STATUS.map((e) => `${e.code} ${e.name}`)).toEqual([
      '01 中共党员', '02 中共预备党员', '03 共青团员', '04 民革', '05 民盟', '06 民建', '07 民进',
      '08 农工党', '09 致公党', '10 九三学社', '11 台盟', '12 无党派人士', '13 群众',
    ]);
  });

  it('accepts full official names', () => {
    expect(findCodeByNameOrCode(POLITICAL_STATUS, '中国共产党党员')?.code).toBe('01');
    expect(findCodeByNameOrCode(POLITICAL_STATUS, '中国共产主义青年团团员')?.code).toBe('03');
    expect(findCodeByNameOrCode(POLITICAL_STATUS, '团员')?.code).toBe('03');
  });
});

describe('EDUCATION (GB/T 4658-2006)', () => {
  it('contains every code listed in STANDARDS §1.8', () => {
    for (const c of ['10', '11', '14', '20', '21', '28', '30', '31', '40', '41', '44', '47', '60', '61', '70', '71', '80', '81', '90']) {
      expect(codeName(EDUCATION, c), c).toBeDefined();
    }
  });

  it('uses the second digit for completion status', () => {
    for (const e of EDUCATION) {
      const second = e.code[1];
      if (second === '0') continue;
      if (e.name.endsWith('毕业')) expect(['1', '4', '7', '8']).toContain(second);
      if (e.name.endsWith('肄业')) expect(['3', '6', '9']).toContain(second);
    }
  });

  it('maps colloquial values', () => {
    expect(findCodeByNameOrCode(EDUCATION, '本科')?.code).toBe('20');
    expect(findCodeByNameOrCode(EDUCATION, '大专')?.code).toBe('30');
    expect(findCodeByNameOrCode(EDUCATION, '硕士')?.code).toBe('14');
    expect(findCodeByNameOrCode(EDUCATION, '中专')?.code).toBe('41');
    expect(findCodeByNameOrCode(EDUCATION, '高中')?.code).toBe('60');
  });
});

describe('GENDER, MARITAL, HOUSEHOLD_TYPES', () => {
  it('follows GB/T 2261.1', () => {
    expect(GENDER.map((e) => e.code)).toEqual(['0', '1', '2', '9']);
    expect(findCodeByNameOrCode(GENDER, '男')?.code).toBe('1');
    expect(findCodeByNameOrCode(GENDER, '女性')?.code).toBe('2');
    expect(findCodeByNameOrCode(GENDER, 'Female')?.code).toBe('2');
    expect(GENDER_CODE_FROM_ID.M).toBe('1');
    expect(GENDER_CODE_FROM_ID.F).toBe('2');
  });

  it('follows GB/T 2261.2', () => {
    expect(MARITAL.map((e) => e.code)).toEqual(['10', '20', '21', '22', '23', '30', '40', '90']);
    expect(findCodeByNameOrCode(MARITAL, '离异')?.code).toBe('40');
  });

  it('has the three household types', () => {
    expect(HOUSEHOLD_TYPES.map((e) => e.name)).toEqual(['农业', '非农业', '居民']);
    expect(findCodeByNameOrCode(HOUSEHOLD_TYPES, '非农业户口')?.code).toBe('non_agricultural');
  });
});
