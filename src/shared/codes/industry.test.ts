import { describe, it, expect } from 'vitest';
import { INDUSTRY_SECTIONS, industrySection, validateIndustryCode } from './industry.js';

describe('INDUSTRY_SECTIONS', () => {
  it('covers divisions 01–97 without gaps or overlaps', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    let next = 1;
    for (const s of INDUSTRY_SECTIONS) {
      expect(s.divisions[0]).toBe(next);
      next = s.divisions[1] + 1;
    }
    expect(next).toBe(98);
  });
});

describe('industrySection', () => {
  it.each([
    ['C3811', 'C'], ['3811', 'C'], ['38', 'C'], ['C38', 'C'], ['381', 'C'],
    ['01', 'A'], ['05', 'A'], ['06', 'B'], ['12', 'B'], ['13', 'C'], ['43', 'C'], ['44', 'D'], ['46', 'D'],
    ['47', 'E'], ['50', 'E'], ['51', 'F'], ['52', 'F'], ['53', 'G'], ['60', 'G'], ['61', 'H'], ['62', 'H'],
    ['63', 'I'], ['65', 'I'], ['66', 'J'], ['69', 'J'], ['70', 'K'], ['71', 'L'], ['72', 'L'], ['73', 'M'],
    ['75', 'M'], ['76', 'N'], ['79', 'N'], ['80', 'O'], ['82', 'O'], ['83', 'P'], ['84', 'Q'], ['85', 'Q'],
    ['86', 'R'], ['90', 'R'], ['91', 'S'], ['96', 'S'], ['97', 'T'], ['c3811', 'C'], ['Ｃ３８１１', 'C'], ['K', 'K'],
  ])('%s → %s', (code, section) => {
    expect(industrySection(code)).toBe(section);
  });

  it.each(['00', '98', 'D3811', '3', '38111', 'CC38', 'U', ''])('%s → undefined', (code) => {
    expect(industrySection(code)).toBeUndefined();
  });
});

describe('validateIndustryCode', () => {
  it('adds the section letter', () => {
    expect(validateIndustryCode('3811')).toEqual({ ok: true, value: 'C3811', section: 'C', division: '38' });
    expect(validateIndustryCode(' c 3811 ')).toEqual({ ok: true, value: 'C3811', section: 'C', division: '38' });
  });

  it('refuses a letter that does not fit the division, naming the right one', () => {
    expect(validateIndustryCode('D3811')).toMatchObject({ ok: false, code: 'INDUSTRY_SECTION_MISMATCH', expected: 'C3811' });
  });

  it('refuses unknown divisions, bad shapes and blanks', () => {
    expect(validateIndustryCode('9811')).toMatchObject({ ok: false, code: 'INDUSTRY_DIVISION' });
    expect(validateIndustryCode('00')).toMatchObject({ ok: false, code: 'INDUSTRY_DIVISION' });
    expect(validateIndustryCode('C-3811')).toMatchObject({ ok: false, code: 'INDUSTRY_FORMAT' });
    expect(validateIndustryCode('制造业')).toMatchObject({ ok: false, code: 'INDUSTRY_FORMAT' });
    expect(validateIndustryCode('')).toMatchObject({ ok: false, code: 'INDUSTRY_EMPTY' });
  });
});
